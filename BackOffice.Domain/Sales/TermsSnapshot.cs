using BackOffice.Domain.Common;

namespace BackOffice.Domain.Sales;

/// <summary>
/// The settlement terms taken when a sale is scheduled and never changed after: from the covering
/// Signed/Active agreement (its rate less the highest tier reached), else the configured defaults.
/// </summary>
public sealed record TermsSnapshot(
    int CommissionBp, int AdvancePercent, int AdvanceDays, int BalanceDays,
    string? AgreementCode, long? AgreementNetGmvFen, long? TierThresholdFen)
{
    public BasisPoints Commission => new(CommissionBp);

    public bool FromAgreement => AgreementCode is not null;
}

/// <summary>Defaults from configuration section "Settlement:Defaults".</summary>
public sealed class SettlementDefaults
{
    public int CommissionBp { get; set; } = 800;
    public int AdvancePercent { get; set; } = 80;
    public int AdvanceDays { get; set; } = 7;
    public int BalanceDays { get; set; } = 30;

    public TermsSnapshot ToSnapshot() => new(CommissionBp, AdvancePercent, AdvanceDays, BalanceDays, null, null, null);
}
