namespace BackOffice.Domain.Reporting;

/// <summary>
/// One column as every writer (Excel, CSV, PDF) sees it: a row key, a caption in one language and how to show it.
/// </summary>
/// <param name="Width">Excel width in characters and PDF relative weight; 0 means computed from the content.</param>
public sealed record TableColumn(
    string Key,
    string Caption,
    ColumnFormat Format = ColumnFormat.Text,
    double Width = 0,
    ColumnAlignment? Alignment = null,
    bool Totalled = false)
{
    public ColumnAlignment EffectiveAlignment => Alignment ?? Format switch
    {
        ColumnFormat.WholeNumber or ColumnFormat.Money or ColumnFormat.PercentBp => ColumnAlignment.Right,
        ColumnFormat.Date or ColumnFormat.DateTime => ColumnAlignment.Center,
        _ => ColumnAlignment.Left,
    };

    public bool IsSummable => Format is ColumnFormat.WholeNumber or ColumnFormat.Money;
}
