namespace BackOffice.Domain.Reporting.Pdf;

/// <summary>Rows of already formatted cell text; the header repeats on each page and a row is never split.</summary>
public sealed class PdfTable
{
    private readonly List<PdfTableRow> _rows = [];

    public PdfTable(IReadOnlyList<PdfTableColumn> columns)
    {
        if (columns.Count == 0)
        {
            throw new ArgumentException("A table needs at least one column.", nameof(columns));
        }

        Columns = columns;
    }

    public IReadOnlyList<PdfTableColumn> Columns { get; }

    public IReadOnlyList<PdfTableRow> Rows => _rows;

    public PdfTable AddRow(params IReadOnlyList<string?> cells) => Add(cells, isTotal: false);

    /// <summary>A bold row set off by a rule, for sums.</summary>
    public PdfTable AddTotalsRow(params IReadOnlyList<string?> cells) => Add(cells, isTotal: true);

    /// <summary>Resolves relative and absolute widths into points, scaling absolute ones down if they overflow.</summary>
    public double[] ColumnWidths(double available)
    {
        var absolute = Columns.Where(c => c.WidthInPoints).Sum(c => c.Width);
        var weights = Columns.Where(c => !c.WidthInPoints).Sum(c => c.Width);
        var scale = absolute > available ? available / absolute : 1;
        var left = Math.Max(0, available - (absolute * scale));
        return Columns
            .Select(c => c.WidthInPoints ? c.Width * scale : weights > 0 ? left * c.Width / weights : 0)
            .ToArray();
    }

    private PdfTable Add(IReadOnlyList<string?> cells, bool isTotal)
    {
        if (cells.Count != Columns.Count)
        {
            throw new ArgumentException($"The table has {Columns.Count} columns but the row has {cells.Count} cells.", nameof(cells));
        }

        _rows.Add(new PdfTableRow(cells.Select(c => c ?? "").ToArray(), isTotal));
        return this;
    }
}

public sealed record PdfTableRow(IReadOnlyList<string> Cells, bool IsTotal);
