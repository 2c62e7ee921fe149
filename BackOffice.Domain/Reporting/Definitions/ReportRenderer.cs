using BackOffice.Domain.Reporting.Csv;
using BackOffice.Domain.Reporting.Excel;
using BackOffice.Domain.Reporting.Pdf;

namespace BackOffice.Domain.Reporting.Definitions;

/// <summary>Turns a definition and its rows (keyed by column key) into Excel, streamed Excel, CSV or PDF.</summary>
public static class ReportRenderer
{
    public static void WriteExcel(ReportDefinition definition, IEnumerable<IReadOnlyDictionary<string, object?>> rows, Stream output, ReportLanguage language = ReportLanguage.Zh) =>
        ExcelWorkbookWriter.Write(output, new ExcelSheet(definition.Title.In(language), definition.TableColumns(language), rows, TotalsCaption(definition, language)));

    public static Task<int> WriteStreamingExcelAsync(
        ReportDefinition definition,
        IAsyncEnumerable<IReadOnlyDictionary<string, object?>> rows,
        Stream output,
        ReportLanguage language = ReportLanguage.Zh,
        CancellationToken cancellationToken = default) =>
        StreamingExcelWriter.WriteAsync(output, definition.Title.In(language), definition.TableColumns(language), rows, TotalsCaption(definition, language), cancellationToken);

    public static void WriteCsv(ReportDefinition definition, IEnumerable<IReadOnlyDictionary<string, object?>> rows, Stream output, ReportLanguage language = ReportLanguage.Zh) =>
        CsvReportWriter.Write(output, definition.TableColumns(language), rows, TotalsCaption(definition, language));

    /// <summary>A heading, optional parameters (period, filters, generated at) and the table with its totals; returns the page count.</summary>
    public static int WritePdf(
        ReportDefinition definition,
        IEnumerable<IReadOnlyDictionary<string, object?>> rows,
        Stream output,
        ReportLanguage language = ReportLanguage.Zh,
        IReadOnlyList<KeyValuePair<string, string>>? parameters = null,
        string? companyName = null,
        CjkFontOptions? font = null)
    {
        var columns = definition.TableColumns(language);
        var table = new PdfTable(columns.Select(c => new PdfTableColumn(c.Caption, c.Width > 0 ? c.Width : 12, Alignment: c.EffectiveAlignment)).ToArray());
        var totals = new ColumnTotals(columns);
        foreach (var row in rows)
        {
            totals.Add(row);
            table.AddRow(columns.Select(c => ReportValues.Display(c.Format, row.TryGetValue(c.Key, out var v) ? v : null)).ToArray());
        }

        if (totals.Any)
        {
            var captionIndex = totals.CaptionColumnIndex;
            table.AddTotalsRow(columns.Select((c, i) =>
                c.Totalled ? ReportValues.Display(c.Format, totals.Sum(i))
                : i == captionIndex ? ReportDefinition.TotalsCaption(language)
                : "").ToArray());
        }

        var title = definition.Title.In(language);
        var options = new PdfReportOptions { Title = title, CompanyName = companyName ?? new PdfReportOptions().CompanyName, Font = font };
        var report = new PdfReport(options).AddHeading(title);
        if (parameters is { Count: > 0 })
        {
            report.AddKeyValues(parameters);
        }

        return report.AddTable(table).Save(output);
    }

    private static string? TotalsCaption(ReportDefinition definition, ReportLanguage language) =>
        definition.Columns.Any(c => c.Totalled) ? ReportDefinition.TotalsCaption(language) : null;
}
