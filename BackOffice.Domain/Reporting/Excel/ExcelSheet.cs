namespace BackOffice.Domain.Reporting.Excel;

/// <summary>One worksheet: its columns, its rows (keyed by column key) and, when given, a caption for a totals row.</summary>
public sealed record ExcelSheet(
    string Name,
    IReadOnlyList<TableColumn> Columns,
    IEnumerable<IReadOnlyDictionary<string, object?>> Rows,
    string? TotalsCaption = null);
