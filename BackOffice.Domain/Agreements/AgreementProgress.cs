using BackOffice.Domain.Common;

namespace BackOffice.Domain.Agreements;

/// <summary>
/// How far an agreement has come, by DESIGN.md "Metrics": net GMV of the covered brands over the term.
/// All figures are integer fen or basis points, rounded half away from zero by <see cref="Money.RoundDiv"/>.
/// </summary>
/// <param name="NetGmvFen">Net GMV of the covered brands from the term start to <paramref name="MeasuredTo"/>, inclusive.</param>
/// <param name="MeasuredTo">The last day counted: today, or the term end once the term is over; null before the term starts.</param>
/// <param name="ElapsedDays">Days of the term counted, both ends inclusive (today counts as elapsed); 0 before the term.</param>
/// <param name="TermDays">Days of the whole term, both ends inclusive.</param>
/// <param name="PercentOfTargetBp">Net GMV / target in basis points (10000 = 100%).</param>
/// <param name="ProjectedFen">
/// Run-rate projection to the term end: RoundDiv(net GMV × term days, elapsed days); equal to the net GMV once the
/// term is over, 0 before it starts.
/// </param>
public sealed record AgreementProgress(
    long NetGmvFen, DateOnly? MeasuredTo, int ElapsedDays, int TermDays, long TargetFen, long PercentOfTargetBp,
    long ProjectedFen, long ProjectedPercentOfTargetBp, RebateTier? TierReached, RebateTier? NextTier, long? GapToNextTierFen,
    int EffectiveCommissionBp, RebateTier? ProjectedTier)
{
    public Money NetGmv => new(NetGmvFen);
    public Money Projected => new(ProjectedFen);
    public Money Target => new(TargetFen);
    public Money? GapToNextTier => GapToNextTierFen is { } gap ? new Money(gap) : null;

    /// <summary>The last day whose order lines count towards progress on <paramref name="today"/>, or null before the term.</summary>
    public static DateOnly? MeasuredUntil(AgreementTerms terms, DateOnly today) =>
        today < terms.TermStart ? null : today > terms.TermEnd ? terms.TermEnd : today;

    /// <summary>The figures for a net GMV measured from the term start to <see cref="MeasuredUntil"/>.</summary>
    public static AgreementProgress Calculate(AgreementTerms terms, long netGmvFen, DateOnly today)
    {
        var measuredTo = MeasuredUntil(terms, today);
        var termDays = terms.TermDaysInclusive;
        var elapsed = measuredTo is { } to ? to.DayNumber - terms.TermStart.DayNumber + 1 : 0;
        if (elapsed == 0) netGmvFen = 0;
        var projected = elapsed == 0 ? 0 : Money.RoundDiv(checked(netGmvFen * termDays), elapsed);
        var reached = terms.TierReached(netGmvFen);
        var next = terms.Tiers.Where(t => t.ThresholdFen > netGmvFen).MinBy(t => t.ThresholdFen);
        return new AgreementProgress(
            netGmvFen, measuredTo, elapsed, termDays, terms.GmvTargetFen,
            PercentOf(netGmvFen, terms.GmvTargetFen), projected, PercentOf(projected, terms.GmvTargetFen),
            reached, next, next is null ? null : next.ThresholdFen - netGmvFen,
            terms.EffectiveCommission(netGmvFen).Value, terms.TierReached(projected));
    }

    private static long PercentOf(long value, long target) => target <= 0 ? 0 : Money.RoundDiv(checked(value * 10_000), target);

    /// <summary>A basis-point share as a percent with two decimals, e.g. 4567 → "45.67%".</summary>
    public static string FormatPercent(long bp) => new BasisPoints((int)Math.Clamp(bp, int.MinValue, int.MaxValue)).ToString();
}

/// <summary>One point of the progress chart: cumulative net GMV to a day (null for days still to come) against the straight-line pace to the target.</summary>
public sealed record ProgressPoint(DateOnly Until, long? CumulativeNetGmvFen, long PaceFen);
