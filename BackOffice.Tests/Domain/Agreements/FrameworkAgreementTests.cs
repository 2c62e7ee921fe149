using BackOffice.Domain.Agreements;
using BackOffice.Domain.Common;
using BackOffice.Tests.Builders;

namespace BackOffice.Tests.Domain.Agreements;

public class FrameworkAgreementTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 2, 0, 0, DateTimeKind.Utc);

    private static AgreementTerms Terms(DateOnly? start = null, DateOnly? end = null, int commission = 800, IReadOnlyList<RebateTier>? tiers = null) =>
        new(start ?? new DateOnly(2027, 1, 1), end ?? new DateOnly(2027, 12, 31), 100_000_000_00, commission, 80, 7, 30,
            tiers ?? [new RebateTier(10_000_000_00, 100), new RebateTier(50_000_000_00, 200)]);

    private static FrameworkAgreement Draft(AgreementTerms? terms = null) =>
        new("FA-2027-0001", 1, [1, 2], terms ?? Terms(), People.ManagerWang, Now);

    [Fact]
    public void Terms_366DaysInclusive_Accepted() =>
        Assert.Empty(Terms(new DateOnly(2028, 1, 1), new DateOnly(2028, 12, 31)).Problems()); // 2028 is a leap year: 366 days

    [Fact]
    public void Terms_367DaysInclusive_RefusedOnTermEnd()
    {
        var problems = Terms(new DateOnly(2027, 1, 1), new DateOnly(2028, 1, 2)).Problems();
        Assert.Contains(problems, p => p.Field == nameof(AgreementTerms.TermEnd) && p.Message.Contains("367"));
    }

    [Fact]
    public void Terms_EndBeforeStart_Refused() =>
        Assert.Contains(Terms(new DateOnly(2027, 2, 1), new DateOnly(2027, 1, 31)).Problems(), p => p.Field == nameof(AgreementTerms.TermEnd));

    [Fact]
    public void Terms_OneDay_Accepted() => Assert.Empty(Terms(new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 1)).Problems());

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(3000, true)]
    [InlineData(3001, false)]
    public void Terms_CommissionRange(int bp, bool valid) =>
        Assert.Equal(valid, !Terms(commission: bp, tiers: []).Problems().Any(p => p.Field == nameof(AgreementTerms.CommissionBp)));

    [Theory]
    [InlineData(1000, false)]
    [InlineData(1001, true)]
    public void CommissionAboveMarketNorm_WarnsAbove1000(int bp, bool warns) =>
        Assert.Equal(warns, Terms(commission: bp).CommissionAboveMarketNorm);

    [Fact]
    public void Terms_TiersNotAscending_NamesTheTier()
    {
        var problems = Terms(tiers: [new RebateTier(500, 10), new RebateTier(500, 20)]).Problems();
        Assert.Contains(problems, p => p.Field == "Tiers[1]");
    }

    [Fact]
    public void Terms_ReductionAboveRate_Refused() =>
        Assert.Contains(Terms(commission: 300, tiers: [new RebateTier(500, 301)]).Problems(), p => p.Field == "Tiers[0]");

    [Fact]
    public void Terms_ReductionEqualToRate_Accepted() =>
        Assert.Empty(Terms(commission: 300, tiers: [new RebateTier(500, 300)]).Problems());

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(101, 0)]
    [InlineData(80, -1)]
    public void Terms_AdvanceOrDaysOutOfRange_Refused(int advance, int days)
    {
        var terms = Terms() with { AdvancePercent = advance, AdvanceDays = days };
        Assert.NotEmpty(terms.Problems());
    }

    [Theory]
    [InlineData(9_999_999_99, 800, null)]
    [InlineData(10_000_000_00, 700, 10_000_000_00L)] // exactly at the threshold: the tier applies
    [InlineData(49_999_999_99, 700, 10_000_000_00L)]
    [InlineData(50_000_000_00, 600, 50_000_000_00L)] // not cumulative: the highest tier only
    public void EffectiveCommission_HighestTierReached(long netGmv, int expectedBp, long? tier)
    {
        var terms = Terms();
        Assert.Equal(expectedBp, terms.EffectiveCommission(netGmv).Value);
        Assert.Equal(tier, terms.TierReached(netGmv)?.ThresholdFen);
    }

    [Fact]
    public void Lifecycle_DraftSubmitSign_ByAnotherManager()
    {
        var agreement = Draft();
        agreement.Submit(People.ManagerWang);
        Assert.Equal(AgreementStatus.PendingApproval, agreement.StoredStatus);
        agreement.Sign(People.ManagerLiu, new DateOnly(2026, 11, 28), "HT-2027-001", null, null);
        Assert.Equal(AgreementStatus.Signed, agreement.StatusOn(new DateOnly(2026, 12, 31)));
        Assert.Equal(AgreementStatus.Active, agreement.StatusOn(new DateOnly(2027, 1, 1)));
        Assert.Equal(AgreementStatus.Active, agreement.StatusOn(new DateOnly(2027, 12, 31)));
        Assert.Equal(AgreementStatus.Expired, agreement.StatusOn(new DateOnly(2028, 1, 1)));
    }

    [Fact]
    public void Sign_ByAuthor_RefusedFourEyes()
    {
        var agreement = Draft();
        agreement.Submit(People.ManagerWang);
        Assert.Throws<DomainException>(() => agreement.Sign(People.ManagerWang, new DateOnly(2026, 11, 28), "HT", null, null));
        Assert.Equal(AgreementStatus.PendingApproval, agreement.StoredStatus);
    }

    [Fact]
    public void Sign_Draft_Refused() =>
        Assert.Throws<DomainException>(() => Draft().Sign(People.ManagerLiu, new DateOnly(2026, 11, 28), "HT", null, null));

    [Fact]
    public void Terminate_ActiveWithReason_Terminated()
    {
        var agreement = Draft();
        agreement.Submit(People.ManagerWang);
        agreement.Sign(People.ManagerLiu, new DateOnly(2026, 11, 28), "HT", null, null);
        agreement.Terminate("供应商违约", new DateOnly(2027, 3, 1));
        Assert.Equal(AgreementStatus.Terminated, agreement.StatusOn(new DateOnly(2027, 3, 1)));
    }

    [Fact]
    public void Terminate_Expired_Refused()
    {
        var agreement = Draft();
        agreement.Submit(People.ManagerWang);
        agreement.Sign(People.ManagerLiu, new DateOnly(2026, 11, 28), "HT", null, null);
        Assert.Throws<DomainException>(() => agreement.Terminate("x", new DateOnly(2028, 1, 1)));
    }

    [Fact]
    public void Terminate_Draft_Refused() => Assert.Throws<DomainException>(() => Draft().Terminate("x", new DateOnly(2027, 1, 1)));

    [Fact]
    public void Renew_StartsTheDayAfterAndCopiesTerms()
    {
        var agreement = Draft();
        agreement.Submit(People.ManagerWang);
        agreement.Sign(People.ManagerLiu, new DateOnly(2026, 11, 28), "HT", null, null);
        var renewal = agreement.Renew("FA-2028-0001", People.ManagerWang, Now);
        Assert.Equal(AgreementStatus.Draft, renewal.StoredStatus);
        Assert.Equal(new DateOnly(2028, 1, 1), renewal.TermStart);
        Assert.Equal(new DateOnly(2028, 12, 31), renewal.TermEnd);
        Assert.Equal(agreement.CommissionBp, renewal.CommissionBp);
        Assert.Equal(agreement.Tiers, renewal.Tiers);
        Assert.Equal(agreement.Brands.Select(b => b.BrandId), renewal.Brands.Select(b => b.BrandId));
    }

    [Theory]
    [InlineData("2027-12-31", "2028-06-30", true)]
    [InlineData("2028-01-01", "2028-06-30", false)] // touching: one ends the day before the other starts
    [InlineData("2026-06-01", "2026-12-31", false)]
    [InlineData("2026-06-01", "2027-01-01", true)]
    public void OverlapsTerm_InclusiveDates(string start, string end, bool overlaps) =>
        Assert.Equal(overlaps, Draft().OverlapsTerm(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)));
}
