using BackOffice.Domain.Brands;
using BackOffice.Domain.Common;
using BackOffice.Tests.Builders;

namespace BackOffice.Tests.Domain.Brands;

public class BrandTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 2, 0, 0, DateTimeKind.Utc);
    private static readonly BrandScores Good = new(4, 4, 4, 3, 4);
    private static readonly BrandScores Weak = new(4, 4, 4, 2, 4);

    private static BrandDetails Details(DateOnly? expires = null) =>
        new("金龙鱼", "Arawana", "Food", "TM-12345678", expires ?? new DateOnly(2030, 1, 1), "授权书 2026", expires ?? new DateOnly(2028, 1, 1));

    private static Brand Draft() => new(1, Details(), People.SelectionLi, Now);

    private static Brand UnderReview()
    {
        var brand = Draft();
        brand.Submit(People.SelectionLi, Now);
        brand.StartReview(People.SelectionZhang);
        return brand;
    }

    private static BrandAssessment Assess(BrandScores scores, Brand brand) => new(brand.Id, scores, People.SelectionZhang, Now);

    [Fact]
    public void Submit_Draft_BecomesSubmitted()
    {
        var brand = Draft();
        brand.Submit(People.SelectionLi, Now);
        Assert.Equal(BrandStatus.Submitted, brand.Status);
        Assert.Equal(Now, brand.SubmittedAt);
    }

    [Fact]
    public void StartReview_ByApplicant_RefusedFourEyes()
    {
        var brand = Draft();
        brand.Submit(People.SelectionLi, Now);
        var ex = Assert.Throws<DomainException>(() => brand.StartReview(People.SelectionLi));
        Assert.Contains("Four eyes", ex.Message);
    }

    [Fact]
    public void Approve_ByApplicantHoldingAnotherRole_StillRefused()
    {
        var brand = UnderReview();
        Assert.Throws<DomainException>(() => brand.Approve(Assess(Good, brand), People.SelectionLiAlsoFinance, null, null, Now));
    }

    [Fact]
    public void Approve_RecommendedScores_Approved()
    {
        var brand = UnderReview();
        brand.Approve(Assess(Good, brand), People.SelectionZhang, "好品牌", null, Now);
        Assert.Equal(BrandStatus.Approved, brand.Status);
        Assert.Null(brand.OverrideReason);
        Assert.Equal(People.SelectionZhang.UserId, brand.ReviewerId);
    }

    [Fact]
    public void Approve_AgainstRecommendationWithoutOverride_Refused()
    {
        var brand = UnderReview();
        var ex = Assert.Throws<DomainException>(() => brand.Approve(Assess(Weak, brand), People.SelectionZhang, null, " ", Now));
        Assert.Contains("override reason", ex.Message);
        Assert.Equal(BrandStatus.UnderReview, brand.Status);
    }

    [Fact]
    public void Approve_AgainstRecommendationWithOverride_KeepsTheReason()
    {
        var brand = UnderReview();
        brand.Approve(Assess(Weak, brand), People.SelectionZhang, null, "战略品牌，激励方案下月到位", Now);
        Assert.Equal(BrandStatus.Approved, brand.Status);
        Assert.Equal("战略品牌，激励方案下月到位", brand.OverrideReason);
    }

    [Fact]
    public void Reject_WithoutReason_Refused()
    {
        var brand = UnderReview();
        Assert.Throws<DomainException>(() => brand.Reject(People.SelectionZhang, "", Now));
    }

    [Fact]
    public void Resubmit_Rejected_StartsNewReview()
    {
        var brand = UnderReview();
        brand.Reject(People.SelectionZhang, "授权书不完整", Now);
        brand.Resubmit(People.SelectionLi, Now.AddDays(1));
        Assert.Equal(BrandStatus.Submitted, brand.Status);
        Assert.Null(brand.ReviewerId);
        Assert.Null(brand.DecisionReason);
    }

    [Fact]
    public void SuspendAndReinstate_Approved_RoundTrips()
    {
        var brand = UnderReview();
        brand.Approve(Assess(Good, brand), People.SelectionZhang, null, null, Now);
        brand.Suspend("质量投诉");
        Assert.Equal(BrandStatus.Suspended, brand.Status);
        brand.Reinstate("整改完成");
        Assert.Equal(BrandStatus.Approved, brand.Status);
    }

    public static TheoryData<string, BrandStatus> IllegalMoves => new()
    {
        { "submit", BrandStatus.Submitted },
        { "review", BrandStatus.Draft },
        { "approve", BrandStatus.Draft },
        { "reject", BrandStatus.Submitted },
        { "suspend", BrandStatus.Draft },
        { "reinstate", BrandStatus.Approved },
        { "resubmit", BrandStatus.Approved },
    };

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void Move_FromWrongStatus_RefusedWithReadableMessage(string move, BrandStatus from)
    {
        var brand = Draft();
        if (from != BrandStatus.Draft) brand.Submit(People.SelectionLi, Now);
        if (from == BrandStatus.Approved)
        {
            brand.StartReview(People.SelectionZhang);
            brand.Approve(Assess(Good, brand), People.SelectionZhang, null, null, Now);
        }
        Assert.Equal(from, brand.Status);
        var ex = Assert.Throws<DomainException>(() =>
        {
            switch (move)
            {
                case "submit": brand.Submit(People.SelectionLi, Now); break;
                case "review": brand.StartReview(People.SelectionZhang); break;
                case "approve": brand.Approve(Assess(Good, brand), People.SelectionZhang, null, null, Now); break;
                case "reject": brand.Reject(People.SelectionZhang, "x", Now); break;
                case "suspend": brand.Suspend("x"); break;
                case "reinstate": brand.Reinstate("x"); break;
                case "resubmit": brand.Resubmit(People.SelectionLi, Now); break;
            }
        });
        Assert.Contains($"status {from}", ex.Message);
        Assert.Equal(from, brand.Status);
    }

    [Fact]
    public void CanBeScheduledOn_ExpiredDocuments_False()
    {
        var brand = new Brand(1, Details(new DateOnly(2026, 11, 27)), People.SelectionLi, Now);
        brand.Submit(People.SelectionLi, Now);
        brand.StartReview(People.SelectionZhang);
        brand.Approve(Assess(Good, brand), People.SelectionZhang, null, null, Now);
        Assert.True(brand.CanBeScheduledOn(new DateOnly(2026, 11, 27)));
        Assert.False(brand.CanBeScheduledOn(new DateOnly(2026, 11, 28)));
    }

    [Theory]
    [InlineData(3, 3, 3, 3, 6, true)]   // every ≥ 3, sum 18
    [InlineData(3, 3, 3, 3, 5, false)]  // sum 17
    [InlineData(5, 5, 5, 5, 2, false)]  // one below 3
    [InlineData(4, 4, 4, 3, 3, true)]
    public void IsApprovalRecommended_AtBoundaries(int g, int s, int m, int i, int d, bool expected) =>
        Assert.Equal(expected, new BrandScores(g, s, m, i, d).IsApprovalRecommended);

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void BrandScores_OutOfRange_Refused(int score) =>
        Assert.Throws<DomainException>(() => new BrandScores(score, 3, 3, 3, 3).Validate());
}
