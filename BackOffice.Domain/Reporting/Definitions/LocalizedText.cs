namespace BackOffice.Domain.Reporting.Definitions;

public sealed record LocalizedText(string Zh, string En)
{
    public string In(ReportLanguage language) => language == ReportLanguage.En ? En : Zh;
}
