namespace BackOffice.Domain.Imports;

public enum ImportKind { Shopkeepers, OrderLines }

/// <summary>One bad row: its data row number (1 = the first row after the header), the field, and why.</summary>
public sealed record ImportProblem(long Row, string? Field, string Message);

/// <summary>
/// What an import did, or why it did nothing: a file or batch with any bad row is rejected whole,
/// with the first <see cref="ImportService.MaxProblems"/> problems and the total.
/// </summary>
public sealed record ImportResult(
    ImportKind Kind, bool Applied, long Rows, long Inserted, long Updated, long Unchanged,
    long ProblemCount, IReadOnlyList<ImportProblem> Problems, string Sha256, TimeSpan Elapsed)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Rows / Elapsed.TotalSeconds : 0;

    /// <summary>The row-by-row report as CSV (row, field, problem), for download.</summary>
    public string ProblemsCsv()
    {
        var text = new System.Text.StringBuilder("row,field,problem\n");
        foreach (var p in Problems)
            text.Append(p.Row).Append(',').Append(Quote(p.Field ?? "")).Append(',').Append(Quote(p.Message)).Append('\n');
        if (ProblemCount > Problems.Count)
            text.Append(",,").Append(Quote($"……共 {ProblemCount} 个问题 · … {ProblemCount} problems in total")).Append('\n');
        return text.ToString();
    }

    // A report cell that starts like a formula is neutralised (OWASP CSV injection), as DESIGN.md "Out" asks.
    private static string Quote(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
