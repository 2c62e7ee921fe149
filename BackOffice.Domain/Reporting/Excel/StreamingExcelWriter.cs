namespace BackOffice.Domain.Reporting.Excel;

/// <summary>
/// One-sheet workbooks of any size in constant memory: rows are written as they arrive, with inline strings and
/// shared money/date styles. Widths are measured on the first <see cref="WidthSampleRows"/> rows.
/// </summary>
public static class StreamingExcelWriter
{
    public const int WidthSampleRows = 1000;

    public static async Task<int> WriteAsync(
        Stream output,
        string sheetName,
        IReadOnlyList<TableColumn> columns,
        IAsyncEnumerable<IReadOnlyDictionary<string, object?>> rows,
        string? totalsCaption = null,
        CancellationToken cancellationToken = default)
    {
        var sample = new List<IReadOnlyDictionary<string, object?>>(WidthSampleRows);
        await using var enumerator = rows.GetAsyncEnumerator(cancellationToken);
        var more = true;
        while (sample.Count < WidthSampleRows && (more = await enumerator.MoveNextAsync()))
        {
            sample.Add(enumerator.Current);
        }

        using var session = new Session(output, sheetName, columns, sample);
        while (more && await enumerator.MoveNextAsync())
        {
            session.Write(enumerator.Current);
        }

        return session.Finish(totalsCaption);
    }

    public static int Write(
        Stream output,
        string sheetName,
        IReadOnlyList<TableColumn> columns,
        IEnumerable<IReadOnlyDictionary<string, object?>> rows,
        string? totalsCaption = null)
    {
        using var enumerator = rows.GetEnumerator();
        var sample = new List<IReadOnlyDictionary<string, object?>>(WidthSampleRows);
        var more = true;
        while (sample.Count < WidthSampleRows && (more = enumerator.MoveNext()))
        {
            sample.Add(enumerator.Current);
        }

        using var session = new Session(output, sheetName, columns, sample);
        while (more && enumerator.MoveNext())
        {
            session.Write(enumerator.Current);
        }

        return session.Finish(totalsCaption);
    }

    private sealed class Session : IDisposable
    {
        private readonly StreamingPackage _package;
        private readonly StreamingSheetWriter _sheet;
        private readonly ColumnTotals _totals;
        private readonly string _sheetName;

        public Session(Stream output, string sheetName, IReadOnlyList<TableColumn> columns, List<IReadOnlyDictionary<string, object?>> sample)
        {
            _sheetName = ExcelFormats.SheetName(sheetName);
            _totals = new ColumnTotals(columns);
            _package = new StreamingPackage(output);
            _sheet = new StreamingSheetWriter(_package.OpenSheet(), columns);
            var widths = new ColumnWidths(columns);
            foreach (var row in sample)
            {
                widths.Add(row);
            }

            _sheet.Start(widths);
            foreach (var row in sample)
            {
                Write(row);
            }
        }

        public void Write(IReadOnlyDictionary<string, object?> row)
        {
            _totals.Add(row);
            _sheet.WriteRow(row);
        }

        /// <summary>Returns the number of data rows.</summary>
        public int Finish(string? totalsCaption)
        {
            var lastDataRow = _sheet.RowCount;
            if (totalsCaption is not null && _totals.Any)
            {
                _sheet.WriteTotals(_totals, totalsCaption);
            }

            var filterRange = _sheet.Finish(lastDataRow);
            _sheet.Dispose();
            _package.WriteWorkbook(_sheetName, filterRange);
            return lastDataRow - 1;
        }

        public void Dispose()
        {
            _sheet.Dispose();
            _package.Dispose();
        }
    }
}
