using BackOffice.Domain.Audit;

namespace BackOffice.Domain.Agreements;

/// <summary>What a form sends to draft or edit an agreement.</summary>
public sealed record AgreementDraft(int SupplierId, IReadOnlyList<int> BrandIds, AgreementTerms Terms, string Signatories = "", string DocumentReference = "");

/// <summary>What the approving account manager records when signing.</summary>
public sealed record AgreementSigning(DateOnly SignedOn, string DocumentReference, SignedScanFile? Scan = null);

/// <summary>The portfolio's filters, as the page's filter bar edits them.</summary>
public sealed class AgreementQuery
{
    public string? Search { get; set; }
    /// <summary>A status as shown (Active and Expired derived from today).</summary>
    public AgreementStatus? Status { get; set; }
    /// <summary>The owning account manager's user id (the author).</summary>
    public string? ManagerId { get; set; }
    /// <summary>Signed or Active agreements whose term ends within this many days from today (30, 60, 90).</summary>
    public int? ExpiringWithinDays { get; set; }
    public int? SupplierId { get; set; }
}

public sealed record AgreementRow(
    int Id, string Code, int SupplierId, string SupplierCode, string SupplierName, IReadOnlyList<string> Brands,
    DateOnly TermStart, DateOnly TermEnd, AgreementStatus Status, string ManagerId, string ManagerName,
    long GmvTargetFen, int CommissionBp, AgreementProgress Progress);

public sealed record BrandOption(int Id, string Name, string Category);

public sealed record SupplierOption(int Id, string Code, string Name);

public sealed record ManagerOption(string Id, string Name);

public sealed record AgreementDetails(
    int Id, string Code, int SupplierId, string SupplierCode, string SupplierName, IReadOnlyList<BrandOption> Brands,
    AgreementTerms Terms, AgreementStatus Status, AgreementStatus StoredStatus, string Signatories, string DocumentReference,
    DateOnly? SignedOn, string? SignedScanFileName, string AuthorId, string AuthorName, string? ApproverId, string? ApproverName,
    string? TerminationReason, int? RenewedFromId, string? RenewedFromCode, DateTime CreatedAt, long Revision,
    AgreementProgress Progress, IReadOnlyList<ProgressPoint> Chart, IReadOnlyList<AuditRow> History);
