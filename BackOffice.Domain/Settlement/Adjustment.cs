using BackOffice.Domain.Common;

namespace BackOffice.Domain.Settlement;

public enum AdjustmentType
{
    MarketingFee,
    LateShipmentPenalty,
    AfterSaleCompensation,
    Other,
}

public enum AdjustmentStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>调整: a typed ± amount with a reason, made by one Finance user and approved by another.</summary>
public class Adjustment : IHasRevision
{
    public const int ReasonMaxLength = 1000;

    public int Id { get; private set; }
    public int SupplierId { get; private set; }
    public AdjustmentType Type { get; private set; }
    public long AmountFen { get; private set; }
    public string Reason { get; private set; } = "";
    public string MakerId { get; private set; } = "";
    public string MakerName { get; private set; } = "";
    public DateTime MadeAt { get; private set; }
    public string? CheckerId { get; private set; }
    public string? CheckerName { get; private set; }
    public DateTime? CheckedAt { get; private set; }
    public string? RejectReason { get; private set; }
    public AdjustmentStatus Status { get; private set; }

    /// <summary>The dispute it resolves, if any.</summary>
    public int? DisputeId { get; private set; }

    /// <summary>Set when it corrects a disputed month that will be issued again as version n+1.</summary>
    public int? TargetMonth { get; private set; }
    public long Revision { get; set; }

    protected Adjustment() { }

    public Adjustment(int supplierId, AdjustmentType type, Money amount, string reason, Actor maker, DateTime now, int? disputeId = null, int? targetMonth = null)
    {
        if (amount.Fen == 0) throw new DomainException("调整金额不能为 0 · An adjustment cannot be zero");
        reason = (reason ?? "").Trim();
        if (reason.Length == 0) throw new DomainException("调整需填写理由 · An adjustment needs a reason");
        if (reason.Length > ReasonMaxLength) throw new DomainException($"理由最多 {ReasonMaxLength} 字 · The reason is at most {ReasonMaxLength} characters");
        (SupplierId, Type, AmountFen, Reason, MakerId, MakerName, MadeAt, DisputeId, TargetMonth) =
            (supplierId, type, amount.Fen, reason, maker.UserId, maker.DisplayName, now, disputeId, targetMonth);
        Status = AdjustmentStatus.Pending;
    }

    public void Approve(Actor checker, DateTime now)
    {
        RequirePending();
        checker.RequireOtherThan(MakerId, "审批调整 approving an adjustment");
        (CheckerId, CheckerName, CheckedAt, Status) = (checker.UserId, checker.DisplayName, now, AdjustmentStatus.Approved);
    }

    public void Reject(Actor checker, string reason, DateTime now)
    {
        RequirePending();
        checker.RequireOtherThan(MakerId, "驳回调整 rejecting an adjustment");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("驳回需填写理由 · Rejecting needs a reason");
        (CheckerId, CheckerName, CheckedAt, RejectReason, Status) = (checker.UserId, checker.DisplayName, now, reason.Trim(), AdjustmentStatus.Rejected);
    }

    private void RequirePending()
    {
        if (Status != AdjustmentStatus.Pending)
            throw new DomainException($"该调整已处理（{Status}） · This adjustment is already {Status}");
    }

    public static string TypeName(AdjustmentType type) => type switch
    {
        AdjustmentType.MarketingFee => "营销费用 · Marketing fee",
        AdjustmentType.LateShipmentPenalty => "延迟发货罚款 · Late-shipment penalty",
        AdjustmentType.AfterSaleCompensation => "售后补偿 · After-sale compensation",
        _ => "其他 · Other",
    };
}
