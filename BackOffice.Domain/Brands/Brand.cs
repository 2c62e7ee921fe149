using BackOffice.Domain.Common;

namespace BackOffice.Domain.Brands;

/// <summary>品牌: belongs to one supplier; reviewed by the five big goods before it can be sold.</summary>
public class Brand : IHasRevision
{
    public const int NameMaxLength = 100;

    public int Id { get; private set; }
    public int SupplierId { get; private set; }
    public string NameZh { get; private set; } = "";
    public string NameLatin { get; private set; } = "";
    public string Category { get; private set; } = "";
    public string TrademarkNumber { get; private set; } = "";
    public DateOnly TrademarkExpiresOn { get; private set; }
    public string AuthorizationText { get; private set; } = "";
    public DateOnly AuthorizationExpiresOn { get; private set; }
    public BrandStatus Status { get; private set; }
    public string ApplicantId { get; private set; } = "";
    public string ApplicantName { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    public string? ReviewerId { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? DecisionReason { get; private set; }
    public string? OverrideReason { get; private set; }
    public string? SuspensionReason { get; private set; }
    public long Revision { get; set; }

    protected Brand() { }

    public Brand(int supplierId, BrandDetails details, Actor applicant, DateTime now)
    {
        SupplierId = supplierId;
        Status = BrandStatus.Draft;
        ApplicantId = applicant.UserId;
        ApplicantName = applicant.DisplayName;
        CreatedAt = now;
        Edit(details);
    }

    public string DisplayName => NameLatin.Length > 0 ? $"{NameZh} {NameLatin}" : NameZh;

    public void Edit(BrandDetails details)
    {
        if (Status is not (BrandStatus.Draft or BrandStatus.Rejected or BrandStatus.Approved or BrandStatus.Suspended))
            throw new DomainException($"审核中的品牌不能修改 · A brand in status {Status} cannot be edited");
        details.Validate();
        (NameZh, NameLatin, Category, TrademarkNumber, TrademarkExpiresOn, AuthorizationText, AuthorizationExpiresOn) =
            (details.NameZh.Trim(), details.NameLatin.Trim(), details.Category, details.TrademarkNumber.Trim(),
             details.TrademarkExpiresOn, details.AuthorizationText.Trim(), details.AuthorizationExpiresOn);
    }

    public void Submit(Actor applicant, DateTime now)
    {
        Require(BrandStatus.Draft, "提交 submit");
        ApplicantId = applicant.UserId;
        ApplicantName = applicant.DisplayName;
        SubmittedAt = now;
        Status = BrandStatus.Submitted;
    }

    public void Resubmit(Actor applicant, DateTime now)
    {
        Require(BrandStatus.Rejected, "重新提交 resubmit");
        ApplicantId = applicant.UserId;
        ApplicantName = applicant.DisplayName;
        SubmittedAt = now;
        ReviewerId = null;
        DecidedAt = null;
        DecisionReason = null;
        OverrideReason = null;
        Status = BrandStatus.Submitted;
    }

    public void StartReview(Actor reviewer)
    {
        Require(BrandStatus.Submitted, "开始审核 start a review");
        reviewer.RequireOtherThan(ApplicantId, "审核 the review");
        ReviewerId = reviewer.UserId;
        Status = BrandStatus.UnderReview;
    }

    public void Approve(BrandAssessment assessment, Actor reviewer, string? reason, string? overrideReason, DateTime now)
    {
        Require(BrandStatus.UnderReview, "批准 approve");
        reviewer.RequireOtherThan(ApplicantId, "批准 the approval");
        if (!assessment.IsApprovalRecommended && string.IsNullOrWhiteSpace(overrideReason))
            throw new DomainException("评分未达推荐标准，批准需填写越权理由 · The scores do not recommend approval: approving needs a written override reason");
        Decide(reviewer, reason, now);
        OverrideReason = assessment.IsApprovalRecommended ? null : overrideReason!.Trim();
        Status = BrandStatus.Approved;
    }

    public void Reject(Actor reviewer, string reason, DateTime now)
    {
        Require(BrandStatus.UnderReview, "驳回 reject");
        reviewer.RequireOtherThan(ApplicantId, "驳回 the rejection");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("驳回需填写理由 · Rejecting needs a reason");
        Decide(reviewer, reason, now);
        Status = BrandStatus.Rejected;
    }

    public void Suspend(string reason)
    {
        Require(BrandStatus.Approved, "暂停 suspend");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("暂停需填写理由 · Suspending needs a reason");
        SuspensionReason = reason.Trim();
        Status = BrandStatus.Suspended;
    }

    public void Reinstate(string reason)
    {
        Require(BrandStatus.Suspended, "恢复 reinstate");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("恢复需填写理由 · Reinstating needs a reason");
        SuspensionReason = null;
        Status = BrandStatus.Approved;
    }

    public bool DocumentsValidOn(DateOnly day) => TrademarkExpiresOn >= day && AuthorizationExpiresOn >= day;

    /// <summary>Only Approved brands whose documents have not expired can be scheduled.</summary>
    public bool CanBeScheduledOn(DateOnly day) => Status == BrandStatus.Approved && DocumentsValidOn(day);

    private void Decide(Actor reviewer, string? reason, DateTime now)
    {
        ReviewerId = reviewer.UserId;
        DecidedAt = now;
        DecisionReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }

    private void Require(BrandStatus expected, string action)
    {
        if (Status != expected)
            throw new DomainException($"品牌状态为 {Status}，不能{action.Split(' ')[0]} · A brand in status {Status} cannot {string.Join(' ', action.Split(' ').Skip(1))} (needs {expected})");
    }
}

/// <summary>What the applicant types on the brand form.</summary>
public sealed record BrandDetails(
    string NameZh, string NameLatin, string Category, string TrademarkNumber, DateOnly TrademarkExpiresOn,
    string AuthorizationText, DateOnly AuthorizationExpiresOn)
{
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(NameZh)) throw new DomainException("请填写品牌中文名 · The Chinese name is required");
        if (NameZh.Trim().Length > Brand.NameMaxLength || NameLatin.Trim().Length > Brand.NameMaxLength)
            throw new DomainException($"品牌名最多 {Brand.NameMaxLength} 字 · A brand name is at most {Brand.NameMaxLength} characters");
        if (!Categories.Exists(Category)) throw new DomainException("请选择类目 · Choose a category");
        if (string.IsNullOrWhiteSpace(TrademarkNumber)) throw new DomainException("请填写商标注册号 · The trademark registration number is required");
    }
}
