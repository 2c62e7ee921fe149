using System.Text;
using BackOffice.Domain.Reporting;
using BackOffice.Domain.Reporting.Csv;

namespace BackOffice.Tests.Domain.Reporting;

public class CsvReportWriterTests
{
    [Fact]
    public void Write_Output_StartsWithUtf8Bom()
    {
        var bytes = Write(ReportSamples.Rows());

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
    }

    [Fact]
    public void Write_TypedRow_PlainNumbersAndChinaTime()
    {
        var lines = Lines(Write(ReportSamples.Rows()));

        Assert.Equal("供应商编码,名称 Name,品牌数,金额 Amount,创建日期,时间,佣金率", lines[0]);
        Assert.Equal("SUP-000001,金龙鱼 Arawana,3,12345.67,2026-10-01,2026-11-03 10:15:00,0.08", lines[1]);
    }

    [Fact]
    public void Write_QuotesCommasAndQuotes_PerRfc4180()
    {
        var lines = Lines(Write(ReportSamples.Rows()));

        Assert.Equal("SUP-000002,\"长城 \"\"Great\"\" Wall, Ltd\",12,-12.50,2026-02-28,2026-11-04 07:30:00,0.125", lines[2]);
    }

    [Fact]
    public void Write_FormulaLikeText_IsNeutralisedAndNegativeNumbersAreNot()
    {
        var text = Encoding.UTF8.GetString(Write(ReportSamples.Rows()));

        Assert.Contains(",\"'=HYPERLINK(\"\"http://x\"\")\",", text, StringComparison.Ordinal);
        Assert.Contains(",'+1,", text, StringComparison.Ordinal);
        Assert.Contains(",'-1+2,", text, StringComparison.Ordinal);
        Assert.Contains(",'@SUM(A1),", text, StringComparison.Ordinal);
        Assert.Contains(",'\tTab-led,", text, StringComparison.Ordinal);
        Assert.Contains(",\"'\rCR-led\",", text, StringComparison.Ordinal);
        Assert.Contains(",\"'\nLF-led\",", text, StringComparison.Ordinal);
        Assert.Contains(",-12.50,", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TotalsCaption_AppendsExactTotals()
    {
        var rows = ReportSamples.Rows();
        var text = Encoding.UTF8.GetString(Write(rows, "合计"));

        Assert.EndsWith($"合计,,{15 + ReportSamples.Injections.Length},12333.24,,,\r\n", text, StringComparison.Ordinal);
    }

    private static byte[] Write(IEnumerable<IReadOnlyDictionary<string, object?>> rows, string? totals = null)
    {
        var stream = new MemoryStream();
        CsvReportWriter.Write(stream, ReportSamples.Columns, rows, totals);
        return stream.ToArray();
    }

    private static string[] Lines(byte[] bytes) => Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n");
}
