using BackOffice.Components.Pages.Settlement;
using BackOffice.Domain.Settlement;
using BackOffice.Tests.Infrastructure;
using Bunit;

namespace BackOffice.Tests.Components.Settlement;

public sealed class StatementSummaryTests : ComponentTestContext
{
    public StatementSummaryTests() => UseCulture("en");

    private static StatementDocument Document(long advances, long balances, long clawbacks, long adjustments, long carryIn)
    {
        var total = advances + balances - clawbacks + adjustments + carryIn;
        return new StatementDocument(1, "ST-SUP-000123-202610-v1", "SUP-000123", "杭州织梦服饰有限公司", "杭州织梦服饰有限公司", "中国工商银行", "6222020200112233",
            202610, 1, StatementStatus.Draft, advances, balances, clawbacks, adjustments, carryIn, Math.Max(0, total), Math.Min(0, total),
            adjustments == 0 ? [] : [new AdjustmentTotal(AdjustmentType.MarketingFee, adjustments, 1)], [], null, null);
    }

    private static string Amount(IRenderedComponent<StatementSummary> summary, string row) =>
        summary.Find($"[data-testid='sum-{row}'] td.money").TextContent.Trim();

    [Fact]
    public void Render_PositiveMonth_FormatsYuanWithSeparatorsAndSubtractsClawbacks()
    {
        var summary = Render<StatementSummary>(p => p.Add(s => s.Document, Document(123_456_789, 30_000_00, 1_050, -500_00, 0)));

        Assert.Equal("¥1,234,567.89", Amount(summary, "advances"));
        Assert.Equal("¥30,000.00", Amount(summary, "balances"));
        Assert.Equal("-¥10.50", Amount(summary, "clawbacks"));
        Assert.Equal("-¥500.00", Amount(summary, "adjustments"));
        Assert.Equal("¥1,264,057.39", Amount(summary, "payable"));
        Assert.Equal("¥0.00", Amount(summary, "carry-out"));
        Assert.Contains("Marketing fee", summary.Markup);
        Assert.DoesNotContain("carries into", summary.Markup);
    }

    [Fact]
    public void Render_CarryInLargerThanTheMonth_PaysZeroAndCarriesTheRestIntoNextMonth()
    {
        var summary = Render<StatementSummary>(p => p.Add(s => s.Document, Document(100_00, 0, 0, 0, -250_00)));

        Assert.Equal("-¥250.00", Amount(summary, "carry-in"));
        Assert.Contains("carries into this one", summary.Find("[data-testid='sum-carry-in']").TextContent);
        Assert.Equal("¥0.00", Amount(summary, "payable"));
        Assert.Equal("-¥150.00", Amount(summary, "carry-out"));
        Assert.Contains("2026-11", summary.Find("[data-testid='sum-carry-out']").TextContent);
    }
}
