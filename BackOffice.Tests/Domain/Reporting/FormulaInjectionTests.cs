using System.Text;
using BackOffice.Domain.Brands;
using BackOffice.Domain.Exports;
using BackOffice.Domain.Reporting;
using BackOffice.Domain.Reporting.Definitions;
using BackOffice.Domain.Suppliers;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using ClosedXML.Excel;

namespace BackOffice.Tests.Domain.Reporting;

/// <summary>
/// OWASP CSV injection on every export path: every report definition in reports/ and every registered export
/// handler, in Excel (built and streamed) and CSV, with hostile text in every text column, read back.
/// </summary>
public sealed class FormulaInjectionTests
{
    public static readonly string[] Hostile = ["=HYPERLINK(\"http://x\")", "+1", "-1+2", "@SUM(A1)", "\tTAB", "\rCR", "\nLF", "=1+1"];

    /// <summary>Handlers whose kind is not itself a report id, and the definitions they render (StatementFiles.WriteExcel, the month zip).</summary>
    private static readonly Dictionary<string, string[]> HandlerDefinitions = new()
    {
        ["statement"] = ["statement-summary", "statement-entries"],
        ["statements-month"] = ["statement-summary", "statement-entries"],
    };

    public static TheoryData<string> ReportIds() => [.. ReportCatalog.LoadFromAppDirectory().All.Select(d => d.Id).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ReportIds))]
    public async Task ReportRenderer_HostileTextInEveryTextColumn_NeutralisedNumbersStayNumbers(string reportId)
    {
        var definition = ReportCatalog.LoadFromAppDirectory().Get(reportId);
        var columns = definition.TableColumns(ReportLanguage.Zh);
        var rows = Hostile.Select(h => (IReadOnlyDictionary<string, object?>)columns.ToDictionary(c => c.Key, c => Sample(c.Format, h))).ToList();

        using var built = new MemoryStream();
        ReportRenderer.WriteExcel(definition, rows, built);
        AssertExcel(built, columns);

        using var streamed = new MemoryStream();
        await ReportRenderer.WriteStreamingExcelAsync(definition, rows.ToAsyncEnumerable(), streamed);
        AssertExcel(streamed, columns);

        using var csv = new MemoryStream();
        ReportRenderer.WriteCsv(definition, rows, csv);
        AssertCsv(csv.ToArray(), columns);
    }

    [Fact]
    public async Task ExportHandlers_EveryRegisteredKind_CoveredAndHostileSupplierNeutralised()
    {
        await using var db = await TestDatabase.CreateAsync();
        var suppliers = db.Get<SupplierService>();
        foreach (var hostile in Hostile)
        {
            var input = SelectionData.Supplier();
            input.Name = hostile + " 有限公司";
            input.ContactName = hostile;
            await suppliers.RegisterAsync(People.SelectionLi, input);
        }
        var handlers = db.Get<IEnumerable<IExportHandler>>().ToList();
        var reports = ReportCatalog.LoadFromAppDirectory();

        // Every handler writes through ReportRenderer over a definition in reports/, which the theory above covers;
        // the supplier list is read back here end to end from the database.
        foreach (var handler in handlers)
        {
            var name = handler.Kind[..handler.Kind.LastIndexOf('.')];
            var definitions = HandlerDefinitions.TryGetValue(name, out var known) ? known : [name];
            foreach (var id in definitions)
                Assert.True(reports.TryGet(id, out _), $"Export handler {handler.Kind} writes no report definition in reports/ that this test knows; check its text cells go through CellTextNeutraliser and add it to {nameof(HandlerDefinitions)}.");
        }

        var columns = reports.Get(SupplierListExport.ReportId).TableColumns(ReportLanguage.Zh);
        foreach (var format in new[] { ExportFormats.Xlsx, ExportFormats.Csv })
        {
            var handler = Assert.Single(handlers, h => h.Kind == $"{SupplierListExport.ReportId}.{format}");
            using var output = new MemoryStream();
            await handler.WriteAsync(new ExportRequest(People.SelectionLi, "{}", DateTime.UtcNow), output, new Progress<int>(), CancellationToken.None);
            if (format == ExportFormats.Xlsx) AssertExcel(output, columns, Hostile.Length);
            else AssertCsv(output.ToArray(), columns, Hostile.Length);
        }
    }

    [Fact]
    public void ProductSheet_ErrorReportHostileValue_UsesTheSharedNeutraliser()
    {
        foreach (var hostile in Hostile)
            Assert.Equal(CellTextNeutraliser.Neutralise(hostile), ProductSheet.Neutralise(hostile));
        Assert.Equal("", ProductSheet.Neutralise(null));
    }

    private static object Sample(ColumnFormat format, string hostile) => format switch
    {
        ColumnFormat.WholeNumber => -12L,
        ColumnFormat.Money => -123_456L,
        ColumnFormat.PercentBp => 800L,
        ColumnFormat.Date => new DateOnly(2026, 11, 3),
        ColumnFormat.DateTime => new DateTime(2026, 11, 3, 2, 15, 0, DateTimeKind.Utc),
        _ => hostile,
    };

    private static void AssertExcel(MemoryStream content, IReadOnlyList<TableColumn> columns, int? rowCount = null)
    {
        content.Position = 0;
        using var workbook = new XLWorkbook(content);
        var sheet = workbook.Worksheets.First();
        var rows = rowCount ?? Hostile.Length;
        var textSeen = 0;
        for (var r = 2; r < 2 + rows; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var cell = sheet.Cell(r, c + 1);
                Assert.False(cell.HasFormula, $"{cell.Address} holds a formula: {cell.FormulaA1}");
                if (columns[c].Format == ColumnFormat.Text)
                {
                    var text = cell.GetString();
                    if (text.Length == 0) continue;
                    Assert.False(CellTextNeutraliser.NeedsNeutralising(text), $"{cell.Address} '{text}' starts with a formula character");
                    textSeen++;
                }
                else if (columns[c].Format is ColumnFormat.WholeNumber or ColumnFormat.Money or ColumnFormat.PercentBp)
                {
                    Assert.Equal(XLDataType.Number, cell.DataType);
                }
            }
        }
        if (columns.Any(c => c.Format == ColumnFormat.Text)) Assert.True(textSeen >= rows, "no hostile text read back");
    }

    private static void AssertCsv(byte[] content, IReadOnlyList<TableColumn> columns, int? rowCount = null)
    {
        var records = ParseCsv(Encoding.UTF8.GetString(content).TrimStart('\uFEFF'));
        var rows = rowCount ?? Hostile.Length;
        var textSeen = 0;
        foreach (var record in records.Skip(1).Take(rows))
        {
            Assert.Equal(columns.Count, record.Count);
            for (var c = 0; c < columns.Count; c++)
            {
                if (columns[c].Format == ColumnFormat.Text)
                {
                    if (record[c].Length == 0) continue;
                    Assert.False(CellTextNeutraliser.NeedsNeutralising(record[c]), $"CSV field '{record[c]}' starts with a formula character");
                    textSeen++;
                }
                else if (columns[c].Format is ColumnFormat.WholeNumber or ColumnFormat.Money or ColumnFormat.PercentBp)
                {
                    Assert.True(decimal.TryParse(record[c], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _), $"CSV number field '{record[c]}'");
                }
            }
        }
        if (columns.Any(c => c.Format == ColumnFormat.Text)) Assert.True(textSeen >= rows, "no hostile text read back");
    }

    /// <summary>RFC 4180: quoted fields may hold commas, quotes and line breaks.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (ch is '\r' or '\n')
            {
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                record.Add(field.ToString()); field.Clear();
                records.Add(record); record = [];
            }
            else field.Append(ch);
        }
        if (field.Length > 0 || record.Count > 0) { record.Add(field.ToString()); records.Add(record); }
        return records;
    }
}
