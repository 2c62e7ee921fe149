namespace BackOffice.Domain.Reporting;

/// <summary>Running sums of the totalled columns, kept in long so money totals stay exact to the fen.</summary>
public sealed class ColumnTotals
{
    private readonly IReadOnlyList<TableColumn> _columns;
    private readonly long[] _sums;

    public ColumnTotals(IReadOnlyList<TableColumn> columns)
    {
        _columns = columns;
        _sums = new long[columns.Count];
        Any = columns.Any(c => c.Totalled);
    }

    public bool Any { get; }

    public void Add(IReadOnlyDictionary<string, object?> row)
    {
        for (var i = 0; i < _columns.Count; i++)
        {
            var column = _columns[i];
            if (column.Totalled && row.TryGetValue(column.Key, out var value) && value is not null)
            {
                _sums[i] = checked(_sums[i] + (column.Format == ColumnFormat.Money
                    ? ReportValues.ToFen(value)
                    : ReportValues.ToInteger(value)));
            }
        }
    }

    /// <summary>Where the "合计 / Total" caption goes: the first column without a sum, or -1 when all are summed.</summary>
    public int CaptionColumnIndex
    {
        get
        {
            for (var i = 0; i < _columns.Count; i++)
            {
                if (!_columns[i].Totalled)
                {
                    return i;
                }
            }

            return -1;
        }
    }

    public long Sum(int columnIndex) => _sums[columnIndex];
}
