using System.Globalization;
using BackOffice.Domain.Audit;
using BackOffice.Domain.Common;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Brands;

/// <summary>The brand list's and review queue's filters.</summary>
public sealed class BrandQuery
{
    public string? Search { get; set; }
    public string? Category { get; set; }
    public BrandStatus? Status { get; set; }
    public string? Applicant { get; set; }
    public int? SupplierId { get; set; }
    /// <summary>Submitted and UnderReview only, oldest submission first unless another sort is asked for.</summary>
    public bool ReviewQueue { get; set; }
}

public sealed record BrandRow(int Id, string NameZh, string NameLatin, string Category, BrandStatus Status, string SupplierCode, string SupplierName,
    string ApplicantId, string ApplicantName, DateTime? SubmittedAt, string? ReviewerId, DateOnly TrademarkExpiresOn, DateOnly AuthorizationExpiresOn);

public sealed record BrandDocumentView(int Id, string Title, string FileName, string ContentType, long SizeBytes, DateOnly ExpiresOn, string UploadedByName, DateTime UploadedAt);

public sealed record BrandView(int Id, int SupplierId, string SupplierCode, string SupplierName, BrandDetails Details, BrandStatus Status,
    string ApplicantId, string ApplicantName, DateTime CreatedAt, DateTime? SubmittedAt, string? ReviewerId, DateTime? DecidedAt,
    string? DecisionReason, string? OverrideReason, string? SuspensionReason, long Revision, BrandAssessment? LatestAssessment,
    IReadOnlyList<BrandDocumentView> Documents, bool DocumentsValidToday);

public sealed record ExpiringDocument(int BrandId, string BrandName, BrandStatus Status, string Document, DateOnly ExpiresOn, int DaysLeft)
{
    public bool IsExpired => DaysLeft < 0;
}

/// <summary>A brand from application to approval: drafts, the review queue, the five big goods decision, suspension, documents.</summary>
public sealed class BrandService(IDbContextFactory<BackOfficeDbContext> factory, AuditTrail audit, TimeProvider clock)
{
    public const int ExpiryWarningDays = 30;

    public async Task<PagedResult<BrandRow>> SearchAsync(BrandQuery query, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = from b in db.Brands.AsNoTracking()
                   join s in db.Suppliers.AsNoTracking() on b.SupplierId equals s.Id
                   select new { b, s };
        if (query.ReviewQueue) rows = rows.Where(x => x.b.Status == BrandStatus.Submitted || x.b.Status == BrandStatus.UnderReview);
        if (query.Status is { } status) rows = rows.Where(x => x.b.Status == status);
        if (!string.IsNullOrWhiteSpace(query.Category)) rows = rows.Where(x => x.b.Category == query.Category);
        if (query.SupplierId is { } supplierId) rows = rows.Where(x => x.b.SupplierId == supplierId);
        if (!string.IsNullOrWhiteSpace(query.Applicant))
        {
            var a = query.Applicant.Trim();
            rows = rows.Where(x => x.b.ApplicantId == a || x.b.ApplicantName.Contains(a));
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var t = query.Search.Trim();
            rows = rows.Where(x => x.b.NameZh.Contains(t) || x.b.NameLatin.Contains(t) || x.b.TrademarkNumber.Contains(t) || x.s.Name.Contains(t) || x.s.Code.Contains(t));
        }
        var total = await rows.CountAsync(ct);
        rows = (page.SortBy, page.Descending) switch
        {
            (nameof(BrandRow.NameZh), false) => rows.OrderBy(x => x.b.NameZh).ThenBy(x => x.b.Id),
            (nameof(BrandRow.NameZh), true) => rows.OrderByDescending(x => x.b.NameZh).ThenBy(x => x.b.Id),
            (nameof(BrandRow.NameLatin), false) => rows.OrderBy(x => x.b.NameLatin).ThenBy(x => x.b.Id),
            (nameof(BrandRow.NameLatin), true) => rows.OrderByDescending(x => x.b.NameLatin).ThenBy(x => x.b.Id),
            (nameof(BrandRow.Category), false) => rows.OrderBy(x => x.b.Category).ThenBy(x => x.b.Id),
            (nameof(BrandRow.Category), true) => rows.OrderByDescending(x => x.b.Category).ThenBy(x => x.b.Id),
            (nameof(BrandRow.Status), false) => rows.OrderBy(x => x.b.Status).ThenBy(x => x.b.Id),
            (nameof(BrandRow.Status), true) => rows.OrderByDescending(x => x.b.Status).ThenBy(x => x.b.Id),
            (nameof(BrandRow.SupplierName), false) => rows.OrderBy(x => x.s.Name).ThenBy(x => x.b.Id),
            (nameof(BrandRow.SupplierName), true) => rows.OrderByDescending(x => x.s.Name).ThenBy(x => x.b.Id),
            (nameof(BrandRow.ApplicantName), false) => rows.OrderBy(x => x.b.ApplicantName).ThenBy(x => x.b.Id),
            (nameof(BrandRow.ApplicantName), true) => rows.OrderByDescending(x => x.b.ApplicantName).ThenBy(x => x.b.Id),
            (nameof(BrandRow.SubmittedAt), true) => rows.OrderByDescending(x => x.b.SubmittedAt).ThenByDescending(x => x.b.Id),
            (nameof(BrandRow.SubmittedAt), false) => rows.OrderBy(x => x.b.SubmittedAt).ThenBy(x => x.b.Id),
            _ when query.ReviewQueue => rows.OrderBy(x => x.b.SubmittedAt).ThenBy(x => x.b.Id),
            _ => rows.OrderByDescending(x => x.b.Id),
        };
        var items = await rows.Skip(page.Skip).Take(page.Size)
            .Select(x => new BrandRow(x.b.Id, x.b.NameZh, x.b.NameLatin, x.b.Category, x.b.Status, x.s.Code, x.s.Name, x.b.ApplicantId, x.b.ApplicantName,
                x.b.SubmittedAt, x.b.ReviewerId, x.b.TrademarkExpiresOn, x.b.AuthorizationExpiresOn))
            .ToListAsync(ct);
        return new PagedResult<BrandRow>(items, total);
    }

    public async Task<BrandView?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var b = await db.Brands.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (b is null) return null;
        var supplier = await db.Suppliers.AsNoTracking().Where(s => s.Id == b.SupplierId).Select(s => new { s.Code, s.Name }).FirstAsync(ct);
        var assessment = await db.BrandAssessments.AsNoTracking().Where(a => a.BrandId == id).OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        var documents = await db.BrandDocuments.AsNoTracking().Where(d => d.BrandId == id).OrderBy(d => d.ExpiresOn)
            .Select(d => new BrandDocumentView(d.Id, d.Title, d.FileName, d.ContentType, d.SizeBytes, d.ExpiresOn, d.UploadedByName, d.UploadedAt)).ToListAsync(ct);
        var details = new BrandDetails(b.NameZh, b.NameLatin, b.Category, b.TrademarkNumber, b.TrademarkExpiresOn, b.AuthorizationText, b.AuthorizationExpiresOn);
        return new BrandView(b.Id, b.SupplierId, supplier.Code, supplier.Name, details, b.Status, b.ApplicantId, b.ApplicantName, b.CreatedAt, b.SubmittedAt,
            b.ReviewerId, b.DecidedAt, b.DecisionReason, b.OverrideReason, b.SuspensionReason, b.Revision, assessment, documents,
            b.DocumentsValidOn(ChinaTime.Today(clock)));
    }

    /// <summary>Trademarks, authorisations and uploaded documents that expire within 30 days or already have, soonest first.</summary>
    public async Task<IReadOnlyList<ExpiringDocument>> ExpiringAsync(CancellationToken ct = default)
    {
        var today = ChinaTime.Today(clock);
        var limit = today.AddDays(ExpiryWarningDays);
        await using var db = await factory.CreateDbContextAsync(ct);
        var brands = await db.Brands.AsNoTracking()
            .Where(b => b.Status != BrandStatus.Draft && (b.TrademarkExpiresOn <= limit || b.AuthorizationExpiresOn <= limit))
            .Select(b => new { b.Id, b.NameZh, b.NameLatin, b.Status, b.TrademarkExpiresOn, b.AuthorizationExpiresOn }).ToListAsync(ct);
        var documents = await (from d in db.BrandDocuments.AsNoTracking()
                               join b in db.Brands.AsNoTracking() on d.BrandId equals b.Id
                               where b.Status != BrandStatus.Draft && d.ExpiresOn <= limit
                               select new { b.Id, b.NameZh, b.NameLatin, b.Status, d.Title, d.ExpiresOn }).ToListAsync(ct);
        var list = new List<ExpiringDocument>();
        foreach (var b in brands)
        {
            var name = $"{b.NameZh} {b.NameLatin}".Trim();
            if (b.TrademarkExpiresOn <= limit) list.Add(new(b.Id, name, b.Status, "商标注册 · Trademark registration", b.TrademarkExpiresOn, b.TrademarkExpiresOn.DayNumber - today.DayNumber));
            if (b.AuthorizationExpiresOn <= limit) list.Add(new(b.Id, name, b.Status, "品牌授权 · Brand authorisation", b.AuthorizationExpiresOn, b.AuthorizationExpiresOn.DayNumber - today.DayNumber));
        }
        list.AddRange(documents.Select(d => new ExpiringDocument(d.Id, $"{d.NameZh} {d.NameLatin}".Trim(), d.Status, d.Title, d.ExpiresOn, d.ExpiresOn.DayNumber - today.DayNumber)));
        return list.OrderBy(e => e.ExpiresOn).ThenBy(e => e.BrandName, StringComparer.Ordinal).ToList();
    }

    public async Task<int> CreateDraftAsync(Actor actor, int supplierId, BrandDetails details, CancellationToken ct = default)
    {
        actor.Require(Roles.Selection, "品牌申请 a brand application");
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Suppliers.AnyAsync(s => s.Id == supplierId, ct)) throw new DomainException($"找不到供应商 {supplierId} · No supplier {supplierId}");
        var brand = new Brand(supplierId, details, actor, Now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Brands.Add(brand);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(db, actor, "brand.drafted", "Brand", Id(brand.Id), after: Snapshot(brand), ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return brand.Id;
    }

    /// <summary>Edits details; on an Approved or Suspended brand this is how expired documents are renewed.</summary>
    public Task EditAsync(Actor actor, int id, long revision, BrandDetails details, CancellationToken ct = default) =>
        ActAsync(actor, id, revision, "brand.edited", null, b => b.Edit(details), ct);

    public Task SubmitAsync(Actor actor, int id, long revision, CancellationToken ct = default) =>
        ActAsync(actor, id, revision, "brand.submitted", null, b => b.Submit(actor, Now), ct);

    public Task ResubmitAsync(Actor actor, int id, long revision, CancellationToken ct = default) =>
        ActAsync(actor, id, revision, "brand.resubmitted", null, b => b.Resubmit(actor, Now), ct);

    public Task StartReviewAsync(Actor actor, int id, long revision, CancellationToken ct = default) =>
        ActAsync(actor, id, revision, "brand.review-started", null, b => b.StartReview(actor), ct);

    public Task SuspendAsync(Actor actor, int id, long revision, string reason, CancellationToken ct = default) =>
        ActAsync(actor, id, revision, "brand.suspended", reason, b => b.Suspend(reason), ct);

    public Task ReinstateAsync(Actor actor, int id, long revision, string reason, CancellationToken ct = default) =>
        ActAsync(actor, id, revision, "brand.reinstated", reason, b => b.Reinstate(reason), ct);

    /// <summary>Records the five big goods assessment and approves; against the recommendation only with an override reason.</summary>
    public async Task ApproveAsync(Actor actor, int id, long revision, BrandScores scores, string? reason, string? overrideReason, CancellationToken ct = default)
    {
        actor.Require(Roles.Selection, "批准品牌 approving a brand");
        await using var db = await factory.CreateDbContextAsync(ct);
        var brand = await LoadAsync(db, id, revision, ct);
        var assessment = new BrandAssessment(id, scores, actor, Now);
        var before = Snapshot(brand);
        brand.Approve(assessment, actor, reason, overrideReason, Now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.BrandAssessments.Add(assessment);
        var why = assessment.IsApprovalRecommended ? reason : $"越权 override: {overrideReason?.Trim()}" + (string.IsNullOrWhiteSpace(reason) ? "" : $" · {reason.Trim()}");
        await audit.RecordAsync(db, actor, "brand.approved", "Brand", Id(id), before, new { Brand = Snapshot(brand), Assessment = AssessmentSnapshot(scores) }, why, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Rejects with a reason; the scores, when given, are kept as the assessment.</summary>
    public async Task RejectAsync(Actor actor, int id, long revision, BrandScores? scores, string reason, CancellationToken ct = default)
    {
        actor.Require(Roles.Selection, "驳回品牌 rejecting a brand");
        await using var db = await factory.CreateDbContextAsync(ct);
        var brand = await LoadAsync(db, id, revision, ct);
        var before = Snapshot(brand);
        brand.Reject(actor, reason, Now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (scores is not null) db.BrandAssessments.Add(new BrandAssessment(id, scores, actor, Now));
        await audit.RecordAsync(db, actor, "brand.rejected", "Brand", Id(id), before,
            new { Brand = Snapshot(brand), Assessment = scores is null ? null : AssessmentSnapshot(scores) }, reason, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task<int> UploadDocumentAsync(Actor actor, int brandId, string title, string fileName, byte[] content, DateOnly expiresOn, CancellationToken ct = default)
    {
        actor.Require(Roles.Selection, "上传授权文件 uploading a document");
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Brands.AnyAsync(b => b.Id == brandId, ct)) throw NotFound(brandId);
        var document = new BrandDocument(brandId, title, fileName, content, expiresOn, actor, Now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.BrandDocuments.Add(document);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(db, actor, "brand.document-uploaded", "Brand", Id(brandId), null,
            new { DocumentId = document.Id, document.Title, document.FileName, document.ContentType, document.SizeBytes, document.ExpiresOn, document.Sha256 }, ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return document.Id;
    }

    public async Task DeleteDocumentAsync(Actor actor, int documentId, string reason, CancellationToken ct = default)
    {
        actor.Require(Roles.Selection, "删除授权文件 deleting a document");
        await using var db = await factory.CreateDbContextAsync(ct);
        var document = await db.BrandDocuments.FirstOrDefaultAsync(d => d.Id == documentId, ct) ?? throw new DomainException($"找不到文件 {documentId} · No document {documentId}");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.BrandDocuments.Remove(document);
        await audit.RecordAsync(db, actor, "brand.document-deleted", "Brand", Id(document.BrandId),
            new { DocumentId = document.Id, document.Title, document.FileName, document.ExpiresOn, document.Sha256 }, null, reason, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The file for download, readable by staff who may see the brand.</summary>
    public async Task<(string FileName, string ContentType, byte[] Content)?> ReadDocumentAsync(int documentId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var d = await db.BrandDocuments.AsNoTracking().Where(x => x.Id == documentId).Select(x => new { x.FileName, x.ContentType, x.Content }).FirstOrDefaultAsync(ct);
        return d is null ? null : (d.FileName, d.ContentType, d.Content);
    }

    private async Task ActAsync(Actor actor, int id, long revision, string action, string? reason, Action<Brand> change, CancellationToken ct)
    {
        actor.Require(Roles.Selection, action);
        await using var db = await factory.CreateDbContextAsync(ct);
        var brand = await LoadAsync(db, id, revision, ct);
        var before = Snapshot(brand);
        change(brand);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await audit.RecordAsync(db, actor, action, "Brand", Id(id), before, Snapshot(brand), reason, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>A stale revision is refused before any rule is checked, so the loser hears "changed by someone else".</summary>
    private static async Task<Brand> LoadAsync(BackOfficeDbContext db, int id, long revision, CancellationToken ct)
    {
        var brand = await db.Brands.FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw NotFound(id);
        if (brand.Revision != revision) throw new ConcurrencyConflictException();
        db.Entry(brand).Property(b => b.Revision).OriginalValue = revision;
        return brand;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static DomainException NotFound(int id) => new($"找不到品牌 {id} · No brand {id}");

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static object Snapshot(Brand b) => new
    {
        b.Status, b.NameZh, b.NameLatin, b.Category, b.TrademarkNumber, b.TrademarkExpiresOn, b.AuthorizationExpiresOn,
        b.ApplicantId, b.ReviewerId, b.DecisionReason, b.OverrideReason, b.SuspensionReason,
    };

    private static object AssessmentSnapshot(BrandScores s) => new { s.Goods, s.Service, s.Marketing, s.Incentives, s.Delivery, s.Sum, Recommended = s.IsApprovalRecommended };
}
