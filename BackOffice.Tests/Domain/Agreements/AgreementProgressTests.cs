using BackOffice.Domain.Agreements;

namespace BackOffice.Tests.Domain.Agreements;

public class AgreementProgressTests
{
    // 2026 is not a leap year: 365 days. Target ¥60,000; tiers at ¥30,000 (−100 bp) and ¥50,000 (−200 bp).
    private static readonly AgreementTerms Terms = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 6_000_000, 800, 80, 7, 30,
        [new RebateTier(3_000_000, 100), new RebateTier(5_000_000, 200)]);

    [Fact]
    public void Calculate_MidTerm_HandComputedFigures()
    {
        // Nov 28 is day 332 of the term (304 days to Oct 31, plus 28).
        var progress = AgreementProgress.Calculate(Terms, 3_000_000, new DateOnly(2026, 11, 28));

        Assert.Equal(new DateOnly(2026, 11, 28), progress.MeasuredTo);
        Assert.Equal(332, progress.ElapsedDays);
        Assert.Equal(365, progress.TermDays);
        Assert.Equal(5000, progress.PercentOfTargetBp); // 50.00%
        // 3,000,000 × 365 / 332 = 3,298,192.77… → 3,298,193 (half away from zero)
        Assert.Equal(3_298_193, progress.ProjectedFen);
        Assert.Equal(5497, progress.ProjectedPercentOfTargetBp); // 3,298,193 / 6,000,000 = 54.9698…%
        Assert.Equal(3_000_000, progress.TierReached?.ThresholdFen); // exactly at the threshold: reached
        Assert.Equal(5_000_000, progress.NextTier?.ThresholdFen);
        Assert.Equal(2_000_000, progress.GapToNextTierFen);
        Assert.Equal(700, progress.EffectiveCommissionBp);
    }

    [Fact]
    public void Calculate_OneFenBelowThreshold_NoTierAndGapOfOneFen()
    {
        var progress = AgreementProgress.Calculate(Terms, 2_999_999, new DateOnly(2026, 11, 28));
        Assert.Null(progress.TierReached);
        Assert.Equal(1, progress.GapToNextTierFen);
        Assert.Equal(800, progress.EffectiveCommissionBp);
    }

    [Fact]
    public void Calculate_AboveTopTier_HighestTierOnlyAndNoNextTier()
    {
        var progress = AgreementProgress.Calculate(Terms, 5_000_000, new DateOnly(2026, 11, 28));
        Assert.Equal(5_000_000, progress.TierReached?.ThresholdFen);
        Assert.Null(progress.NextTier);
        Assert.Null(progress.GapToNextTierFen);
        Assert.Equal(600, progress.EffectiveCommissionBp); // not cumulative: 800 − 200, not 800 − 300
    }

    [Fact]
    public void Calculate_FirstDay_ProjectsTheWholeTerm()
    {
        var progress = AgreementProgress.Calculate(Terms, 10_000, new DateOnly(2026, 1, 1));
        Assert.Equal(1, progress.ElapsedDays);
        Assert.Equal(3_650_000, progress.ProjectedFen);
    }

    [Fact]
    public void Calculate_AfterTheTerm_MeasuresToTheEndAndProjectionIsTheActual()
    {
        var progress = AgreementProgress.Calculate(Terms, 6_500_000, new DateOnly(2027, 3, 1));
        Assert.Equal(new DateOnly(2026, 12, 31), progress.MeasuredTo);
        Assert.Equal(365, progress.ElapsedDays);
        Assert.Equal(6_500_000, progress.ProjectedFen);
        Assert.Equal(10833, progress.PercentOfTargetBp); // 108.33%
    }

    [Fact]
    public void Calculate_BeforeTheTerm_NothingCounted()
    {
        var progress = AgreementProgress.Calculate(Terms, 123, new DateOnly(2025, 12, 31));
        Assert.Null(progress.MeasuredTo);
        Assert.Equal(0, progress.ElapsedDays);
        Assert.Equal(0, progress.NetGmvFen);
        Assert.Equal(0, progress.ProjectedFen);
        Assert.Equal(3_000_000, progress.GapToNextTierFen);
    }

    [Fact]
    public void Calculate_ProjectionHalfFen_RoundsAwayFromZero()
    {
        // A 3-day term measured on day 2: 1 fen × 3 / 2 = 1.5 → 2
        var terms = Terms with { TermStart = new DateOnly(2026, 1, 1), TermEnd = new DateOnly(2026, 1, 3), Tiers = [] };
        Assert.Equal(2, AgreementProgress.Calculate(terms, 1, new DateOnly(2026, 1, 2)).ProjectedFen);
    }

    [Fact]
    public void FormatPercent_BasisPoints_TwoDecimals() => Assert.Equal("54.97%", AgreementProgress.FormatPercent(5497));
}
