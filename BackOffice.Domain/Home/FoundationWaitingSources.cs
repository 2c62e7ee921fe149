using BackOffice.Domain.Agreements;
using BackOffice.Domain.Brands;
using BackOffice.Domain.Common;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Persistence;
using BackOffice.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Home;

/// <summary>Brands a selection reviewer may review: submitted by someone else, or under their own review.</summary>
public sealed class BrandReviewsWaiting : IWaitingForMeSource
{
    public async Task<IReadOnlyList<WaitingItem>> GetAsync(BackOfficeDbContext db, Actor actor, CancellationToken ct)
    {
        if (!actor.IsIn(Roles.Selection)) return [];
        var brands = await db.Brands.AsNoTracking()
            .Where(b => (b.Status == BrandStatus.Submitted && b.ApplicantId != actor.UserId)
                        || (b.Status == BrandStatus.UnderReview && b.ReviewerId == actor.UserId))
            .OrderBy(b => b.SubmittedAt).Take(50)
            .Select(b => new { b.Id, b.NameZh, b.NameLatin, b.SubmittedAt, b.Status }).ToListAsync(ct);
        return brands.Select(b => new WaitingItem(b.Status == BrandStatus.Submitted ? "BrandReview" : "BrandReviewInProgress",
            $"{b.NameZh} {b.NameLatin}".Trim(), $"/brands/{b.Id}", b.SubmittedAt ?? DateTime.MinValue)).ToList();
    }
}

/// <summary>Bank account changes a Finance user other than the requester may approve.</summary>
public sealed class BankChangesWaiting : IWaitingForMeSource
{
    public async Task<IReadOnlyList<WaitingItem>> GetAsync(BackOfficeDbContext db, Actor actor, CancellationToken ct)
    {
        if (!actor.IsIn(Roles.Finance)) return [];
        var changes = await (from c in db.BankAccountChanges.AsNoTracking()
                             join s in db.Suppliers.AsNoTracking() on c.SupplierId equals s.Id
                             where c.Status == BankAccountChangeStatus.Pending && c.RequestedBy != actor.UserId
                             orderby c.RequestedAt
                             select new { c.Id, s.Code, s.Name, c.RequestedAt, SupplierId = s.Id }).Take(50).ToListAsync(ct);
        return changes.Select(c => new WaitingItem("BankChange", $"{c.Code} {c.Name}", $"/suppliers/{c.SupplierId}", c.RequestedAt)).ToList();
    }
}

/// <summary>Agreements another account manager submitted for approval and signing.</summary>
public sealed class AgreementApprovalsWaiting : IWaitingForMeSource
{
    public async Task<IReadOnlyList<WaitingItem>> GetAsync(BackOfficeDbContext db, Actor actor, CancellationToken ct)
    {
        if (!actor.IsIn(Roles.AccountManager)) return [];
        var agreements = await db.Agreements.AsNoTracking()
            .Where(a => a.StoredStatus == AgreementStatus.PendingApproval && a.AuthorId != actor.UserId)
            .OrderBy(a => a.CreatedAt).Take(50)
            .Select(a => new { a.Id, a.Code, a.CreatedAt }).ToListAsync(ct);
        return agreements.Select(a => new WaitingItem("AgreementApproval", a.Code, $"/agreements/{a.Id}", a.CreatedAt)).ToList();
    }
}
