using BackOffice.Domain.Common;

namespace BackOffice.Domain.Agreements;

/// <summary>The negotiable fields of a framework agreement, validated field by field.</summary>
public sealed record AgreementTerms(
    DateOnly TermStart, DateOnly TermEnd, long GmvTargetFen, int CommissionBp, int AdvancePercent,
    int AdvanceDays, int BalanceDays, IReadOnlyList<RebateTier> Tiers)
{
    public const int MaxTermDays = 366;
    public const int MinCommissionBp = 1;
    public const int MaxCommissionBp = 3000;
    public const int CommissionWarningAboveBp = 1000;

    public int TermDaysInclusive => TermEnd.DayNumber - TermStart.DayNumber + 1;

    public bool CommissionAboveMarketNorm => CommissionBp > CommissionWarningAboveBp;

    /// <summary>Every problem, each naming its field, so a form can show them all at once.</summary>
    public IReadOnlyList<(string Field, string Message)> Problems()
    {
        var problems = new List<(string, string)>();
        if (TermStart > TermEnd) problems.Add((nameof(TermEnd), "结束日期不能早于开始日期 · The term must not end before it starts"));
        else if (TermDaysInclusive > MaxTermDays) problems.Add((nameof(TermEnd), $"期限最长 {MaxTermDays} 天（含首尾），现为 {TermDaysInclusive} 天 · The term is at most {MaxTermDays} days inclusive, not {TermDaysInclusive}"));
        if (GmvTargetFen <= 0) problems.Add((nameof(GmvTargetFen), "年度 GMV 目标须大于 0 · The GMV target must be above zero"));
        if (CommissionBp is < MinCommissionBp or > MaxCommissionBp) problems.Add((nameof(CommissionBp), $"佣金率须为 {MinCommissionBp}–{MaxCommissionBp} bp · Commission must be {MinCommissionBp}–{MaxCommissionBp} bp"));
        if (AdvancePercent is < 0 or > 100) problems.Add((nameof(AdvancePercent), "预付比例须为 0–100% · The advance must be 0–100%"));
        if (AdvanceDays < 0) problems.Add((nameof(AdvanceDays), "预付天数不能为负 · Advance days must be 0 or more"));
        if (BalanceDays < 0) problems.Add((nameof(BalanceDays), "尾款天数不能为负 · Balance days must be 0 or more"));
        for (var i = 0; i < Tiers.Count; i++)
        {
            var tier = Tiers[i];
            if (tier.ThresholdFen <= 0) problems.Add(($"Tiers[{i}]", $"第 {i + 1} 档门槛须大于 0 · Tier {i + 1}: the threshold must be above zero"));
            if (i > 0 && tier.ThresholdFen <= Tiers[i - 1].ThresholdFen) problems.Add(($"Tiers[{i}]", $"第 {i + 1} 档门槛须高于上一档 · Tier {i + 1}: thresholds must rise strictly"));
            if (tier.ReductionBp < 0) problems.Add(($"Tiers[{i}]", $"第 {i + 1} 档减免不能为负 · Tier {i + 1}: the reduction must not be negative"));
            if (tier.ReductionBp > CommissionBp) problems.Add(($"Tiers[{i}]", $"第 {i + 1} 档减免使佣金率低于 0 · Tier {i + 1}: the reduction takes the rate below 0"));
        }
        return problems;
    }

    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0) throw new DomainException(string.Join("；", problems.Select(p => p.Message)));
    }

    /// <summary>The highest tier reached by this net GMV, if any (tiers are not cumulative).</summary>
    public RebateTier? TierReached(long netGmvFen) => Tiers.Where(t => netGmvFen >= t.ThresholdFen).MaxBy(t => t.ThresholdFen);

    public BasisPoints EffectiveCommission(long netGmvFen) =>
        new(Math.Max(0, CommissionBp - (TierReached(netGmvFen)?.ReductionBp ?? 0)));
}
