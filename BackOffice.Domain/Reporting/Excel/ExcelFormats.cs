namespace BackOffice.Domain.Reporting.Excel;

/// <summary>Number formats shared by the ClosedXML and the streaming writer so both files look the same.</summary>
public static class ExcelFormats
{
    public const string Money = "¥#,##0.00";
    public const string WholeNumber = "#,##0";
    public const string Date = "yyyy-mm-dd";
    public const string DateTime = "yyyy-mm-dd hh:mm";
    public const string Percent = "0.00%";

    public static string? For(ColumnFormat format) => format switch
    {
        ColumnFormat.Money => Money,
        ColumnFormat.WholeNumber => WholeNumber,
        ColumnFormat.Date => Date,
        ColumnFormat.DateTime => DateTime,
        ColumnFormat.PercentBp => Percent,
        _ => null,
    };

    /// <summary>Excel forbids []:*?/\ in sheet names and cuts them at 31 characters.</summary>
    public static string SheetName(string name)
    {
        var cleaned = new string(name.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? '_' : c).ToArray()).Trim('\'');
        if (cleaned.Length == 0)
        {
            cleaned = "Sheet";
        }

        return cleaned.Length > 31 ? cleaned[..31] : cleaned;
    }
}
