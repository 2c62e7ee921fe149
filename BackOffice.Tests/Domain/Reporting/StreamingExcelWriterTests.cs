using BackOffice.Domain.Reporting;
using BackOffice.Domain.Reporting.Excel;
using ClosedXML.Excel;

namespace BackOffice.Tests.Domain.Reporting;

public class StreamingExcelWriterTests
{
    [Fact]
    public async Task WriteAsync_TypedRows_ReadBackWithClosedXml()
    {
        var rows = ReportSamples.Rows();
        using var workbook = await WriteAndOpenAsync(rows, "合计 Total");
        var sheet = workbook.Worksheet("供应商 Suppliers");

        Assert.Equal("供应商编码", sheet.Cell(1, 1).GetString());
        Assert.Equal("长城 \"Great\" Wall, Ltd", sheet.Cell(3, 2).GetString());
        Assert.Equal(XLDataType.Number, sheet.Cell(2, 3).DataType);
        Assert.Equal(3d, sheet.Cell(2, 3).GetDouble());
        Assert.Equal(12345.67m, (decimal)sheet.Cell(2, 4).GetDouble());
        Assert.Equal(-12.5, sheet.Cell(3, 4).GetDouble());
        Assert.Equal("¥#,##0.00", sheet.Cell(2, 4).Style.NumberFormat.Format);
        Assert.Equal(XLDataType.DateTime, sheet.Cell(2, 5).DataType);
        Assert.Equal(new DateTime(2026, 10, 1), sheet.Cell(2, 5).GetDateTime());
        Assert.Equal(new DateTime(2026, 11, 4, 7, 30, 0), sheet.Cell(3, 6).GetDateTime());
        Assert.Equal(0.125, sheet.Cell(3, 7).GetDouble(), 10);
    }

    [Fact]
    public async Task WriteAsync_FormulaLikeText_ComesBackAsQuotedText()
    {
        using var workbook = await WriteAndOpenAsync(ReportSamples.Rows());
        var sheet = workbook.Worksheet(1);

        // A bare CR in XML text reads back as LF; the leading apostrophe is what neutralises.
        for (var i = 0; i < ReportSamples.Injections.Length; i++)
        {
            var cell = sheet.Cell(4 + i, 2);
            Assert.False(cell.HasFormula, ReportSamples.Injections[i]);
            Assert.Equal(XLDataType.Text, cell.DataType);
            Assert.Equal("'" + ReportSamples.Injections[i].Replace('\r', '\n'), cell.GetString());
        }
    }

    [Fact]
    public async Task WriteAsync_Sheet_HeaderFrozenFilteredAndTotalled()
    {
        var rows = ReportSamples.Rows();
        using var workbook = await WriteAndOpenAsync(rows, "合计 Total");
        var sheet = workbook.Worksheet(1);
        var total = sheet.Row(rows.Count + 2);

        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.True(sheet.AutoFilter.IsEnabled);
        Assert.Equal($"A1:G{rows.Count + 1}", sheet.AutoFilter.Range.RangeAddress.ToString());
        Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
        Assert.Equal("合计 Total", total.Cell(1).GetString());
        Assert.Equal((1_234_567 - 1250 + ReportSamples.Injections.Length) / 100m, (decimal)total.Cell(4).GetDouble());
        Assert.True(sheet.Column(2).Width >= CjkWidth("长城 \"Great\" Wall, Ltd"));
    }

    [Fact]
    public void Write_ManyRowsPastTheWidthSample_AllRowsWrittenInOrder()
    {
        var rows = Enumerable.Range(1, 5000).Select(i => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["code"] = $"SUP-{i:000000}",
            ["amount"] = (long)i,
        });
        TableColumn[] columns = [new("code", "编码"), new("amount", "金额", ColumnFormat.Money, Totalled: true)];
        var stream = new MemoryStream();

        var written = StreamingExcelWriter.Write(stream, "s", columns, rows, "合计");

        stream.Position = 0;
        using var workbook = new XLWorkbook(stream);
        var sheet = workbook.Worksheet(1);
        Assert.Equal(5000, written);
        Assert.Equal("SUP-005000", sheet.Cell(5001, 1).GetString());
        Assert.Equal(50.00m, (decimal)sheet.Cell(5001, 2).GetDouble());
        Assert.Equal(5000L * 5001 / 2 / 100m, (decimal)sheet.Cell(5002, 2).GetDouble());
    }

    private static double CjkWidth(string text) => text.Sum(c => c > '\u2E80' ? 2 : 1);

    private static async Task<XLWorkbook> WriteAndOpenAsync(List<IReadOnlyDictionary<string, object?>> rows, string? totals = null)
    {
        var stream = new MemoryStream();
        await StreamingExcelWriter.WriteAsync(stream, "供应商 Suppliers", ReportSamples.Columns, rows.ToAsyncEnumerable(), totals, TestContext.Current.CancellationToken);
        stream.Position = 0;
        return new XLWorkbook(stream);
    }
}
