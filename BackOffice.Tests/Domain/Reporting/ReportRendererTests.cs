using System.Text;
using BackOffice.Domain.Reporting.Definitions;
using ClosedXML.Excel;
using UglyToad.PdfPig;

namespace BackOffice.Tests.Domain.Reporting;

public class ReportRendererTests
{
    private static readonly ReportDefinition s_supplierList = ReportCatalog.LoadFromAppDirectory().Get("supplier-list");

    internal static IEnumerable<IReadOnlyDictionary<string, object?>> Suppliers(int count)
    {
        string[] names = ["金龙鱼粮油食品股份有限公司", "中粮长城葡萄酒（烟台）有限公司", "Playboy (China) Apparel Co., Ltd", "=cmd|' /C calc'!A0"];
        for (var i = 1; i <= count; i++)
        {
            yield return new Dictionary<string, object?>
            {
                ["supplierCode"] = $"SUP-{i:000000}",
                ["name"] = names[i % names.Length],
                ["unifiedSocialCreditCode"] = "91350100M000100Y43",
                ["contact"] = "王* 138****5678",
                ["brandCount"] = i % 7,
                ["approvedBrandCount"] = i % 4,
                ["createdOn"] = new DateTimeOffset(2026, 3, 1, 17, 30, 0, TimeSpan.Zero).AddDays(i),
            };
        }
    }

    [Fact]
    public void WriteExcel_SupplierList_TotalsAndChinaDates()
    {
        var stream = new MemoryStream();
        ReportRenderer.WriteExcel(s_supplierList, Suppliers(8), stream);

        stream.Position = 0;
        using var workbook = new XLWorkbook(stream);
        var sheet = workbook.Worksheet("供应商列表");
        Assert.Equal("统一社会信用代码", sheet.Cell(1, 3).GetString());
        Assert.Equal(new DateTime(2026, 3, 3), sheet.Cell(2, 7).GetDateTime());
        Assert.Equal("合计", sheet.Cell(10, 1).GetString());
        Assert.Equal(Suppliers(8).Sum(r => (int)r["brandCount"]!), sheet.Cell(10, 5).GetDouble());
        Assert.Equal("'=cmd|' /C calc'!A0", sheet.Cell(4, 2).GetString());
    }

    [Fact]
    public async Task WriteStreamingExcelAsync_SupplierListInEnglish_UsesEnglishCaptions()
    {
        var stream = new MemoryStream();
        var count = await ReportRenderer.WriteStreamingExcelAsync(s_supplierList, Suppliers(20).ToAsyncEnumerable(), stream, ReportLanguage.En, TestContext.Current.CancellationToken);

        stream.Position = 0;
        using var workbook = new XLWorkbook(stream);
        var sheet = workbook.Worksheet("Supplier list");
        Assert.Equal(20, count);
        Assert.Equal("Unified social credit code", sheet.Cell(1, 3).GetString());
        Assert.Equal("Total", sheet.Cell(22, 1).GetString());
    }

    [Fact]
    public void WriteCsv_SupplierList_HeaderAndTotals()
    {
        var stream = new MemoryStream();
        ReportRenderer.WriteCsv(s_supplierList, Suppliers(3), stream);

        var lines = Encoding.UTF8.GetString(stream.ToArray()).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("供应商编码,供应商名称,统一社会信用代码,联系人,品牌数,已批准品牌数,创建日期", lines[0]);
        Assert.Equal("SUP-000001,中粮长城葡萄酒（烟台）有限公司,91350100M000100Y43,王* 138****5678,1,1,2026-03-03", lines[1]);
        Assert.Equal("合计,,,,6,6,", lines[4]);
    }

    [Fact]
    public void WritePdf_SupplierList_HeaderOnEveryPageAndTotalsOnTheLast()
    {
        var stream = new MemoryStream();
        var pages = ReportRenderer.WritePdf(s_supplierList, Suppliers(150), stream,
            parameters: [new("导出时间", "2026-11-03 10:15")]);

        using var pdf = PdfDocument.Open(stream.ToArray());
        Assert.Equal(pages, pdf.NumberOfPages);
        Assert.True(pages >= 3);
        Assert.All(pdf.GetPages(), p => Assert.Contains("已批准品牌数", p.Text, StringComparison.Ordinal));
        var last = pdf.GetPage(pages).Text;
        Assert.Contains("合计", last, StringComparison.Ordinal);
        Assert.Contains("=cmd|' /C calc'!A0", pdf.GetPage(1).Text, StringComparison.Ordinal);
    }
}
