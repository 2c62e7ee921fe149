using System.Globalization;
using BackOffice.Domain.Common;

namespace BackOffice.Domain.Agreements;

/// <summary>年框: a supplier's yearly deal: commission, payment terms, GMV target and rebate tiers.</summary>
public class FrameworkAgreement : IHasRevision
{
    public const int CodeMaxLength = 16;

    private readonly List<RebateTier> _tiers = [];
    private readonly List<AgreementBrand> _brands = [];

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public int SupplierId { get; private set; }
    public DateOnly TermStart { get; private set; }
    public DateOnly TermEnd { get; private set; }
    public long GmvTargetFen { get; private set; }
    public int CommissionBp { get; private set; }
    public int AdvancePercent { get; private set; }
    public int AdvanceDays { get; private set; }
    public int BalanceDays { get; private set; }
    public IReadOnlyList<RebateTier> Tiers => _tiers;
    public IReadOnlyCollection<AgreementBrand> Brands => _brands;
    public string Signatories { get; private set; } = "";
    public string DocumentReference { get; private set; } = "";
    public string? SignedScanFileName { get; private set; }
    public byte[]? SignedScan { get; private set; }
    public DateOnly? SignedOn { get; private set; }
    public AgreementStatus StoredStatus { get; private set; }
    public string AuthorId { get; private set; } = "";
    public string AuthorName { get; private set; } = "";
    public string? ApproverId { get; private set; }
    public string? ApproverName { get; private set; }
    public string? TerminationReason { get; private set; }
    public int? RenewedFromId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public long Revision { get; set; }

    protected FrameworkAgreement() { }

    public FrameworkAgreement(string code, int supplierId, IEnumerable<int> brandIds, AgreementTerms terms, Actor author, DateTime now)
    {
        Code = code;
        SupplierId = supplierId;
        AuthorId = author.UserId;
        AuthorName = author.DisplayName;
        CreatedAt = now;
        StoredStatus = AgreementStatus.Draft;
        EditDraft(brandIds, terms, "", "");
    }

    public static string FormatCode(int year, int number) =>
        $"FA-{year.ToString(CultureInfo.InvariantCulture)}-{number.ToString("0000", CultureInfo.InvariantCulture)}";

    public AgreementTerms Terms => new(TermStart, TermEnd, GmvTargetFen, CommissionBp, AdvancePercent, AdvanceDays, BalanceDays, _tiers.ToList());

    /// <summary>The state as of a China calendar day: Signed turns Active inside its term and Expired after it.</summary>
    public AgreementStatus StatusOn(DateOnly today) => StoredStatus switch
    {
        AgreementStatus.Signed when today > TermEnd => AgreementStatus.Expired,
        AgreementStatus.Signed when today >= TermStart => AgreementStatus.Active,
        var stored => stored,
    };

    public bool Covers(int brandId) => _brands.Any(b => b.BrandId == brandId);

    public bool TermContains(DateOnly day) => day >= TermStart && day <= TermEnd;

    public bool OverlapsTerm(DateOnly start, DateOnly end) => TermStart <= end && start <= TermEnd;

    /// <summary>Counts as binding for overlap and terms snapshots: Signed (before or inside the term).</summary>
    public bool IsSigned => StoredStatus == AgreementStatus.Signed;

    public void EditDraft(IEnumerable<int> brandIds, AgreementTerms terms, string signatories, string documentReference)
    {
        if (StoredStatus != AgreementStatus.Draft) throw new DomainException($"只有草稿可以修改 · Only a Draft can be edited (this one is {StoredStatus})");
        terms.Validate();
        var ids = brandIds.Distinct().ToList();
        if (ids.Count == 0) throw new DomainException("请至少选择一个品牌 · Choose at least one brand");
        (TermStart, TermEnd, GmvTargetFen, CommissionBp, AdvancePercent, AdvanceDays, BalanceDays) =
            (terms.TermStart, terms.TermEnd, terms.GmvTargetFen, terms.CommissionBp, terms.AdvancePercent, terms.AdvanceDays, terms.BalanceDays);
        _tiers.Clear();
        _tiers.AddRange(terms.Tiers);
        _brands.RemoveAll(b => !ids.Contains(b.BrandId));
        foreach (var id in ids.Where(id => _brands.All(b => b.BrandId != id))) _brands.Add(new AgreementBrand(id));
        Signatories = signatories.Trim();
        DocumentReference = documentReference.Trim();
    }

    public void Submit(Actor author)
    {
        Require(AgreementStatus.Draft, "提交 submit");
        AuthorId = author.UserId;
        AuthorName = author.DisplayName;
        StoredStatus = AgreementStatus.PendingApproval;
    }

    /// <summary>Another account manager approves and records the signing; the overlap rule is checked by the caller over the supplier's agreements.</summary>
    public void Sign(Actor approver, DateOnly signedOn, string documentReference, string? scanFileName, byte[]? scan)
    {
        Require(AgreementStatus.PendingApproval, "签署 sign");
        approver.RequireOtherThan(AuthorId, "审批签署 approving and signing");
        if (string.IsNullOrWhiteSpace(documentReference)) throw new DomainException("请填写合同编号 · The document reference is required");
        ApproverId = approver.UserId;
        ApproverName = approver.DisplayName;
        SignedOn = signedOn;
        DocumentReference = documentReference.Trim();
        SignedScanFileName = scanFileName;
        SignedScan = scan;
        StoredStatus = AgreementStatus.Signed;
    }

    public void ReturnToDraft()
    {
        Require(AgreementStatus.PendingApproval, "退回 return");
        StoredStatus = AgreementStatus.Draft;
    }

    public void Terminate(string reason, DateOnly today)
    {
        var status = StatusOn(today);
        if (status is not (AgreementStatus.Signed or AgreementStatus.Active))
            throw new DomainException($"只有已签署或生效中的协议可以终止 · Only a Signed or Active agreement can be terminated (this one is {status})");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("终止需填写理由 · Terminating needs a reason");
        TerminationReason = reason.Trim();
        StoredStatus = AgreementStatus.Terminated;
    }

    /// <summary>A Draft copy whose term starts the day after this one ends: a year for a one-year term, else the same number of days.</summary>
    public FrameworkAgreement Renew(string newCode, Actor author, DateTime now)
    {
        if (StoredStatus is AgreementStatus.Draft or AgreementStatus.PendingApproval)
            throw new DomainException("草稿或待审批的协议不能续签 · A Draft or pending agreement cannot be renewed");
        var start = TermEnd.AddDays(1);
        var end = TermStart.AddYears(1).AddDays(-1) == TermEnd
            ? start.AddYears(1).AddDays(-1)
            : start.AddDays(TermEnd.DayNumber - TermStart.DayNumber);
        var terms = Terms with { TermStart = start, TermEnd = end };
        var renewal = new FrameworkAgreement(newCode, SupplierId, _brands.Select(b => b.BrandId), terms, author, now) { RenewedFromId = Id };
        renewal.Signatories = Signatories;
        return renewal;
    }

    private void Require(AgreementStatus expected, string action)
    {
        if (StoredStatus != expected)
            throw new DomainException($"协议状态为 {StoredStatus}，不能{action.Split(' ')[0]} · An agreement in status {StoredStatus} cannot {action.Split(' ')[1]} (needs {expected})");
    }
}

public class AgreementBrand
{
    public int AgreementId { get; private set; }
    public int BrandId { get; private set; }

    protected AgreementBrand() { }

    public AgreementBrand(int brandId) => BrandId = brandId;
}
