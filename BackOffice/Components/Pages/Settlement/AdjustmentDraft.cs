using BackOffice.Domain.Common;
using BackOffice.Domain.Settlement;

namespace BackOffice.Components.Pages.Settlement;

/// <summary>What the adjustment form hands its page: a signed amount (− deducts from the supplier).</summary>
public sealed record AdjustmentDraft(int SupplierId, AdjustmentType Type, Money Amount, string Reason, int? DisputeId, bool ForNewVersion);
