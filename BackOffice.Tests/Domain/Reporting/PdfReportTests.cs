using BackOffice.Domain.Reporting;
using BackOffice.Domain.Reporting.Pdf;
using UglyToad.PdfPig;

namespace BackOffice.Tests.Domain.Reporting;

public class PdfReportTests
{
    private const string Mixed = "长城 金龙鱼 示页马门见车 Playboy ¥12,345.67";

    [Fact]
    public void Save_ChineseAndLatinParagraph_TextReadsBackExactly()
    {
        var bytes = new PdfReport().AddHeading("供应商对账单 Statement").AddParagraph(Mixed).ToBytes();

        using var pdf = PdfDocument.Open(bytes);
        var text = pdf.GetPage(1).Text;
        Assert.Contains(Mixed, text, StringComparison.Ordinal);
        Assert.Contains("供应商对账单 Statement", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_LongTable_HeaderRepeatsAndPageNumbersAreRightOnEveryPage()
    {
        var bytes = BuildTable(rows: 300).ToBytes();

        using var pdf = PdfDocument.Open(bytes);
        Assert.True(pdf.NumberOfPages >= 3, $"expected several pages, got {pdf.NumberOfPages}");
        foreach (var page in pdf.GetPages())
        {
            Assert.Contains("供应商编码", page.Text, StringComparison.Ordinal);
            Assert.Contains("应付金额 Payable", page.Text, StringComparison.Ordinal);
            Assert.Contains($"第 {page.Number} 页 / 共 {pdf.NumberOfPages} 页", page.Text, StringComparison.Ordinal);
            Assert.Contains($"page {page.Number} of {pdf.NumberOfPages}", page.Text, StringComparison.Ordinal);
            Assert.Contains("爱库存 BackOffice", page.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Save_RowsThatWrap_EveryRowSitsWhollyOnOnePage()
    {
        var table = new PdfTable([new PdfTableColumn("编号", 60, WidthInPoints: true), new PdfTableColumn("说明 Notes", 1)]);
        for (var i = 0; i < 120; i++)
        {
            // Three words per row that wrap onto separate lines in a narrow column.
            table.AddRow($"R{i:000}", $"R{i:000}first R{i:000}middle R{i:000}last");
        }

        var narrow = new PdfTable([new PdfTableColumn("编号", 60, WidthInPoints: true), new PdfTableColumn("说明", 70, WidthInPoints: true)]);
        foreach (var row in table.Rows)
        {
            narrow.AddRow(row.Cells);
        }

        var bytes = new PdfReport().AddTable(narrow).ToBytes();

        using var pdf = PdfDocument.Open(bytes);
        Assert.True(pdf.NumberOfPages >= 2);
        var pageTexts = pdf.GetPages().Select(p => p.Text).ToList();
        for (var i = 0; i < 120; i++)
        {
            var pagesWithFirst = pageTexts.FindIndex(t => t.Contains($"R{i:000}first", StringComparison.Ordinal));
            var pagesWithLast = pageTexts.FindIndex(t => t.Contains($"R{i:000}last", StringComparison.Ordinal));
            Assert.True(pagesWithFirst >= 0, $"row {i} missing");
            Assert.Equal(pagesWithFirst, pagesWithLast);
        }
    }

    [Fact]
    public void Save_FiftyPageTable_StaysUnder300KilobytesWithSubsetFont()
    {
        var report = BuildTable(rows: 2100);
        var bytes = report.ToBytes();

        using var pdf = PdfDocument.Open(bytes);
        Assert.True(pdf.NumberOfPages >= 50, $"only {pdf.NumberOfPages} pages");
        Assert.True(bytes.Length < 300 * 1024, $"{bytes.Length / 1024} KB");
    }

    [Fact]
    public void Save_TotalsRowAndKeyValuesAndImage_AllRendered()
    {
        var report = new PdfReport(new PdfReportOptions { Title = "月度对账 Monthly" })
            .AddImage(TestPng.BarChart(3, 5, 2, 8), width: 200)
            .AddKeyValues(new("供应商 Supplier", "SUP-000123 金龙鱼"), new("月份 Month", "2026-10"))
            .AddTable(new PdfTable([new PdfTableColumn("项目"), new PdfTableColumn("金额", Alignment: ColumnAlignment.Right)])
                .AddRow("预付 Advance", "¥800.00")
                .AddTotalsRow("合计 Total", "¥1,000.00"));

        using var pdf = PdfDocument.Open(report.ToBytes());
        var page = pdf.GetPage(1);
        Assert.Contains("SUP-000123 金龙鱼", page.Text, StringComparison.Ordinal);
        Assert.Contains("合计 Total", page.Text, StringComparison.Ordinal);
        Assert.Contains("月度对账 Monthly", page.Text, StringComparison.Ordinal);
        Assert.Single(page.GetImages());
    }

    [Fact]
    public void Save_RightAlignedColumn_TextEndsAtTheColumnEdge()
    {
        var table = new PdfTable([new PdfTableColumn("名称", 1), new PdfTableColumn("金额", 1, Alignment: ColumnAlignment.Right)])
            .AddRow("甲", "¥1.00")
            .AddRow("乙", "¥12,345,678.90");

        using var pdf = PdfDocument.Open(new PdfReport().AddTable(table).ToBytes());
        var words = pdf.GetPage(1).GetWords().ToList();
        var small = words.Single(w => w.Text == "¥1.00");
        var large = words.Single(w => w.Text == "¥12,345,678.90");
        Assert.Equal(large.BoundingBox.Right, small.BoundingBox.Right, 1.0);
        Assert.True(large.BoundingBox.Left < small.BoundingBox.Left);
    }

    [Fact]
    public void Save_OnePageOfChinese_EmbedsAFontSubsetNotTheWholeFont()
    {
        var resolver = PdfFonts.EnsureInstalled();

        var bytes = new PdfReport().AddParagraph(Mixed).ToBytes();

        Assert.True(resolver.FontSize > 1_000_000, "the face should be megabytes before subsetting");
        Assert.True(bytes.Length < 60 * 1024, $"{bytes.Length / 1024} KB");
    }

    [Fact]
    public void Save_NarrowRelativeColumn_CodesAndDatesAreNotCutMidWord()
    {
        var table = new PdfTable([new PdfTableColumn("说明", 10), new PdfTableColumn("编码", 0.5), new PdfTableColumn("日期", 0.5)])
            .AddRow("金龙鱼 Arawana 食用油 long description text that can wrap freely", "91350100M000100Y43", "2026-11-03");

        using var pdf = PdfDocument.Open(new PdfReport().AddTable(table).ToBytes());
        var words = pdf.GetPage(1).GetWords().Select(w => w.Text).ToList();

        Assert.Contains("91350100M000100Y43", words);
        Assert.Contains("2026-11-03", words);
    }

    internal static PdfReport BuildTable(int rows)
    {
        var table = new PdfTable(
        [
            new PdfTableColumn("供应商编码", 1.2),
            new PdfTableColumn("供应商名称 Name", 2.5),
            new PdfTableColumn("品牌数", 0.8, Alignment: ColumnAlignment.Right),
            new PdfTableColumn("应付金额 Payable", 1.5, Alignment: ColumnAlignment.Right),
            new PdfTableColumn("创建日期", 1.2, Alignment: ColumnAlignment.Center),
        ]);
        string[] names = ["金龙鱼食品有限公司", "长城葡萄酒 Great Wall Wine", "Playboy 服饰", "示页马门见车商贸"];
        long total = 0;
        for (var i = 0; i < rows; i++)
        {
            var fen = (i * 12_345L) + 67;
            total += fen;
            table.AddRow($"SUP-{i:000000}", names[i % names.Length], (i % 17).ToString(), ReportValues.FormatMoney(fen),
                new DateOnly(2026, 1, 1).AddDays(i % 365).ToString("yyyy-MM-dd"));
        }

        table.AddTotalsRow("合计 Total", "", "", ReportValues.FormatMoney(total), "");
        return new PdfReport(new PdfReportOptions { Title = "供应商列表 Supplier list" })
            .AddHeading("供应商列表 Supplier list")
            .AddTable(table);
    }
}
