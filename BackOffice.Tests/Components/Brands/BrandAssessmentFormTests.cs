using BackOffice.Components.Pages.Brands;
using BackOffice.Domain.Brands;
using BackOffice.Domain.Common;
using BackOffice.Tests.Infrastructure;
using Bunit;

namespace BackOffice.Tests.Components.Brands;

public class BrandAssessmentFormTests : ComponentTestContext
{

    private static void Score(IRenderedComponent<BrandAssessmentForm> cut, string key, int value) =>
        cut.Find($"[data-testid=score-{key}] input").Input(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static string Recommended(IRenderedComponent<BrandAssessmentForm> cut) =>
        cut.Find("[data-testid=recommendation]").GetAttribute("data-recommended")!;

    [Fact]
    public void Scores_ChangedOneByOne_RecommendationAndSumFollowLive()
    {
        var cut = Render<BrandAssessmentForm>();
        Assert.Equal("false", Recommended(cut));
        Assert.Equal("15", cut.Find("[data-testid=score-sum]").TextContent);

        Score(cut, "Goods", 5);
        Score(cut, "Service", 4);
        Assert.Equal("18", cut.Find("[data-testid=score-sum]").TextContent);
        Assert.Equal("true", Recommended(cut));
        Assert.Empty(cut.FindAll("[data-testid=override-reason]"));

        Score(cut, "Incentives", 2);
        Assert.Equal("17", cut.Find("[data-testid=score-sum]").TextContent);
        Assert.Equal("false", Recommended(cut));
        Assert.NotEmpty(cut.FindAll("[data-testid=override-reason]"));

        Score(cut, "Incentives", 5);
        Assert.Equal("true", Recommended(cut));
    }

    [Fact]
    public void Approve_AgainstRecommendationWithoutOverride_NotSentAndFieldMarkedRequired()
    {
        BrandAssessmentForm.Decision? sent = null;
        var cut = Render<BrandAssessmentForm>(p => p.Add(f => f.OnApprove, d => { sent = d; return Task.CompletedTask; }));

        cut.Find("form").Submit();

        Assert.Null(sent);
        Assert.Contains("批准需填写越权理由", cut.Markup);

        cut.Find("[data-testid=override-reason]").Change("战略品牌，激励方案下月到位");
        cut.Find("form").Submit();

        Assert.NotNull(sent);
        Assert.False(sent!.Scores.IsApprovalRecommended);
        Assert.Equal("战略品牌，激励方案下月到位", sent.OverrideReason);
    }

    [Fact]
    public void Approve_Recommended_SentWithoutOverride()
    {
        BrandAssessmentForm.Decision? sent = null;
        var cut = Render<BrandAssessmentForm>(p => p
            .Add(f => f.Initial, new BrandScores(4, 4, 4, 3, 4))
            .Add(f => f.OnApprove, d => { sent = d; return Task.CompletedTask; }));
        cut.Find("form").Submit();
        Assert.Equal(19, sent!.Scores.Sum);
        Assert.Null(sent.OverrideReason);
    }

    [Fact]
    public void Approve_ChangedBySomeoneElse_MessageShownAndEverythingTypedKept()
    {
        var cut = Render<BrandAssessmentForm>(p => p.Add(f => f.OnApprove, _ => throw new ConcurrencyConflictException()));
        Score(cut, "Goods", 5);
        Score(cut, "Service", 5);
        cut.Find("[data-testid=comment-Goods]").Change("正品保障，质检报告齐全");
        cut.Find("[data-testid=decision-reason]").Change("同意引入");

        cut.Find("form").Submit();

        Assert.Contains("记录已被他人修改", cut.Find("[data-testid=assessment-error]").TextContent);
        Assert.Equal("5", cut.Find("[data-testid=score-Goods] input").GetAttribute("value"));
        Assert.Equal("正品保障，质检报告齐全", cut.Find("[data-testid=comment-Goods]").GetAttribute("value"));
        Assert.Equal("同意引入", cut.Find("[data-testid=decision-reason]").GetAttribute("value"));
        Assert.Equal("19", cut.Find("[data-testid=score-sum]").TextContent);
    }

    [Fact]
    public void Reject_WithoutReason_NotSent()
    {
        var called = false;
        var cut = Render<BrandAssessmentForm>(p => p.Add(f => f.OnReject, _ => { called = true; return Task.CompletedTask; }));
        cut.Find("[data-testid=reject]").Click();
        Assert.False(called);
        Assert.Contains("驳回需填写理由", cut.Find("[data-testid=assessment-error]").TextContent);
    }

    [Fact]
    public void ReadOnly_ShowsScoresWithoutDecisionButtons()
    {
        var cut = Render<BrandAssessmentForm>(p => p.Add(f => f.Initial, new BrandScores(5, 5, 5, 5, 5)).Add(f => f.ReadOnly, true));
        Assert.Equal("true", Recommended(cut));
        Assert.Empty(cut.FindAll("[data-testid=approve]"));
    }
}
