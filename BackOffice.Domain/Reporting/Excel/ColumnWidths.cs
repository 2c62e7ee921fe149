namespace BackOffice.Domain.Reporting.Excel;

/// <summary>
/// Excel column widths from character counts (CJK counts double), because ClosedXML's AdjustToContents
/// needs System.Drawing fonts and throws on Linux.
/// </summary>
public sealed class ColumnWidths
{
    public const double Minimum = 6;
    public const double Maximum = 60;
    private const double Padding = 2;

    private readonly IReadOnlyList<TableColumn> _columns;
    private readonly int[] _widest;

    public ColumnWidths(IReadOnlyList<TableColumn> columns)
    {
        _columns = columns;
        _widest = columns.Select(c => CjkText.DisplayWidth(c.Caption)).ToArray();
    }

    public void Add(IReadOnlyDictionary<string, object?> row)
    {
        for (var i = 0; i < _columns.Count; i++)
        {
            if (row.TryGetValue(_columns[i].Key, out var value) && value is not null)
            {
                var text = ReportValues.Display(_columns[i].Format, value);
                _widest[i] = Math.Max(_widest[i], CjkText.DisplayWidth(text));
            }
        }
    }

    public void AddText(int columnIndex, string text) =>
        _widest[columnIndex] = Math.Max(_widest[columnIndex], CjkText.DisplayWidth(text));

    /// <summary>A width fixed in the definition wins over the measured one.</summary>
    public double WidthOf(int columnIndex) => _columns[columnIndex].Width > 0
        ? _columns[columnIndex].Width
        : Math.Clamp(_widest[columnIndex] + Padding, Minimum, Maximum);
}
