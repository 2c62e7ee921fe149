using System.Globalization;
using System.Text;

namespace BackOffice.Domain.Reporting.Csv;

/// <summary>
/// RFC 4180 CSV in UTF-8 with a BOM (without it Excel reads Chinese as the ANSI code page).
/// Numbers are plain invariant numbers (money in yuan, rates as fractions); text is neutralised.
/// </summary>
public static class CsvReportWriter
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    public static void Write(
        Stream output,
        IReadOnlyList<TableColumn> columns,
        IEnumerable<IReadOnlyDictionary<string, object?>> rows,
        string? totalsCaption = null)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        writer.NewLine = "\r\n";
        WriteRecord(writer, columns.Select(c => Quote(CellTextNeutraliser.Neutralise(c.Caption))));

        var totals = new ColumnTotals(columns);
        foreach (var row in rows)
        {
            totals.Add(row);
            WriteRecord(writer, columns.Select(c => Field(c, row.TryGetValue(c.Key, out var v) ? v : null)));
        }

        if (totalsCaption is not null && totals.Any)
        {
            var captionIndex = totals.CaptionColumnIndex;
            WriteRecord(writer, columns.Select((c, i) =>
                c.Totalled ? Number(c.Format, totals.Sum(i))
                : i == captionIndex ? Quote(CellTextNeutraliser.Neutralise(totalsCaption))
                : ""));
        }
    }

    public static string Field(TableColumn column, object? value)
    {
        if (value is null)
        {
            return "";
        }

        return column.Format switch
        {
            ColumnFormat.WholeNumber => ReportValues.ToInteger(value).ToString(s_invariant),
            ColumnFormat.Money => ReportValues.FenToYuan(ReportValues.ToFen(value)).ToString("0.00", s_invariant),
            ColumnFormat.PercentBp => (ReportValues.ToInteger(value) / 10000m).ToString(s_invariant),
            ColumnFormat.Date => ReportValues.ToDate(value).ToString("yyyy-MM-dd", s_invariant),
            ColumnFormat.DateTime => ReportValues.ToChinaDateTime(value).ToString("yyyy-MM-dd HH:mm:ss", s_invariant),
            _ => Quote(CellTextNeutraliser.Neutralise(ReportValues.Text(value))),
        };
    }

    private static string Number(ColumnFormat format, long sum) =>
        format == ColumnFormat.Money ? ReportValues.FenToYuan(sum).ToString("0.00", s_invariant) : sum.ToString(s_invariant);

    /// <summary>Quotes only when RFC 4180 requires it, doubling embedded quotes.</summary>
    public static string Quote(string text)
    {
        if (text.AsSpan().IndexOfAny("\",\r\n") < 0)
        {
            return text;
        }

        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static void WriteRecord(StreamWriter writer, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                writer.Write(',');
            }

            writer.Write(field);
            first = false;
        }

        writer.WriteLine();
    }
}
