namespace BackOffice.Domain.Agreements;

/// <summary>Net GMV threshold (fen) at which the commission is reduced by N basis points; the highest reached applies.</summary>
public sealed record RebateTier(long ThresholdFen, int ReductionBp);
