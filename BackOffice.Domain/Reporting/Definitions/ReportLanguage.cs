namespace BackOffice.Domain.Reporting.Definitions;

public enum ReportLanguage
{
    Zh,
    En,
}
