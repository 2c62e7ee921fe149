using BackOffice.Domain.Audit;
using BackOffice.Domain.Common;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Settlement;

public sealed record AdjustmentRow(int Id, string SupplierCode, string SupplierName, AdjustmentType Type, long AmountFen, string Reason, string MakerId, string MakerName,
    DateTime MadeAt, AdjustmentStatus Status, string? CheckerName, DateTime? CheckedAt, int? DisputeId, int? TargetMonth, long Revision);

public sealed record SupplierChoice(int Id, string Code, string Name);

/// <summary>调整: made by one Finance user, approved by another (four eyes), then booked as a ledger entry.</summary>
public sealed class AdjustmentService(IDbContextFactory<BackOfficeDbContext> factory, AuditTrail audit, TimeProvider clock, StatementDrafts drafts)
{
    public async Task<int> ProposeAsync(Actor actor, int supplierId, AdjustmentType type, Money amount, string reason, int? disputeId = null,
        bool forNewVersion = false, CancellationToken ct = default)
    {
        actor.Require(Roles.Finance, "adjustments");
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Suppliers.AnyAsync(s => s.Id == supplierId, ct)) throw new DomainException("请选择供应商 · Choose a supplier");
        int? target = null;
        if (disputeId is { } d)
        {
            var dispute = await db.Disputes.FirstOrDefaultAsync(x => x.Id == d, ct) ?? throw new DomainException($"找不到异议 {d} · No dispute {d}");
            if (dispute.SupplierId != supplierId) throw new DomainException("异议属于另一供应商 · The dispute is another supplier's");
            if (dispute.Status != DisputeStatus.Open) throw new DomainException("该异议已解决 · This dispute is already resolved");
            if (forNewVersion) target = await db.Statements.Where(s => s.Id == dispute.StatementId).Select(s => s.Month).FirstAsync(ct);
        }
        var adjustment = new Adjustment(supplierId, type, amount, reason, actor, clock.GetUtcNow().UtcDateTime, disputeId, target);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Adjustments.Add(adjustment);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(db, actor, "adjustment.proposed", "Adjustment", adjustment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            after: new { adjustment.SupplierId, Type = adjustment.Type.ToString(), adjustment.AmountFen, adjustment.DisputeId, adjustment.TargetMonth }, reason: adjustment.Reason, ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return adjustment.Id;
    }

    /// <summary>
    /// Books the entry, due today (China date), in this month or the first open one; an adjustment for a new
    /// version goes into the disputed month, which is issued again.
    /// </summary>
    public async Task ApproveAsync(Actor actor, int id, long revision, CancellationToken ct = default)
    {
        actor.Require(Roles.Finance, "approve adjustments");
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        var adjustment = await db.Adjustments.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw NotFound(id);
        db.Entry(adjustment).Property(a => a.Revision).OriginalValue = revision;
        adjustment.Approve(actor, now);
        var today = ChinaTime.DateOf(now);
        int month;
        if (adjustment.TargetMonth is { } target)
        {
            var next = SettlementMonth.Next(target);
            if (await db.Statements.AnyAsync(s => s.SupplierId == adjustment.SupplierId && s.Month == next && s.Status != StatementStatus.Draft, ct))
                throw new DomainException("下月已开具，不能再出新版本 · The next month is issued: no new version is possible");
            month = target;
        }
        else
        {
            var lastIssued = await db.Statements.Where(s => s.SupplierId == adjustment.SupplierId && s.Status != StatementStatus.Draft).MaxAsync(s => (int?)s.Month, ct) ?? 0;
            month = Math.Max(SettlementMonth.Of(today), SettlementMonth.Next(lastIssued));
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.SettlementEntries.Add(new SettlementEntry(adjustment.SupplierId, EntryKind.Adjustment, null, adjustment.Id, null, adjustment.AmountFen, 0, today, month, now));
        if (adjustment.DisputeId is { } disputeId && adjustment.TargetMonth is null)
        {
            var dispute = await db.Disputes.FirstAsync(d => d.Id == disputeId, ct);
            dispute.ResolveByAdjustment(adjustment.Id, now);
        }
        await db.SaveChangesAsync(ct);
        await drafts.RebuildAsync(db, now, adjustment.SupplierId, ct);
        await audit.RecordAsync(db, actor, "adjustment.approved", "Adjustment", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            before: new { Status = "Pending" }, after: new { Status = "Approved", BookedMonth = SettlementMonth.Format(month), adjustment.AmountFen }, ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task RejectAsync(Actor actor, int id, long revision, string reason, CancellationToken ct = default)
    {
        actor.Require(Roles.Finance, "approve adjustments");
        await using var db = await factory.CreateDbContextAsync(ct);
        var adjustment = await db.Adjustments.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw NotFound(id);
        db.Entry(adjustment).Property(a => a.Revision).OriginalValue = revision;
        adjustment.Reject(actor, reason, clock.GetUtcNow().UtcDateTime);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await audit.RecordAsync(db, actor, "adjustment.rejected", "Adjustment", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            before: new { Status = "Pending" }, after: new { Status = "Rejected" }, reason: reason, ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task<PagedResult<AdjustmentRow>> ListAsync(Actor actor, string? search, AdjustmentStatus? status, PageRequest page, CancellationToken ct = default) =>
        await ListAsync(actor, search, status, null, page, ct);

    /// <summary>The list, or only adjustment <paramref name="id"/> when given (a "waiting for me" link).</summary>
    public async Task<PagedResult<AdjustmentRow>> ListAsync(Actor actor, string? search, AdjustmentStatus? status, int? id, PageRequest page, CancellationToken ct = default)
    {
        actor.Require(Roles.Finance, "adjustments");
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = from a in db.Adjustments.AsNoTracking()
                   join s in db.Suppliers on a.SupplierId equals s.Id
                   select new { a, s.Code, s.Name };
        if (!string.IsNullOrWhiteSpace(search))
        {
            var q = search.Trim();
            rows = rows.Where(r => r.Code.Contains(q) || r.Name.Contains(q) || r.a.Reason.Contains(q));
        }
        if (status is { } st) rows = rows.Where(r => r.a.Status == st);
        if (id is { } only) rows = rows.Where(r => r.a.Id == only);
        var total = await rows.CountAsync(ct);
        rows = page.SortBy == nameof(AdjustmentRow.AmountFen)
            ? (page.Descending ? rows.OrderByDescending(r => r.a.AmountFen) : rows.OrderBy(r => r.a.AmountFen))
            : (page.Descending ? rows.OrderByDescending(r => r.a.Id) : rows.OrderBy(r => r.a.Id));
        var items = await rows.Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedResult<AdjustmentRow>(items.Select(r => new AdjustmentRow(r.a.Id, r.Code, r.Name, r.a.Type, r.a.AmountFen, r.a.Reason, r.a.MakerId, r.a.MakerName,
            r.a.MadeAt, r.a.Status, r.a.CheckerName, r.a.CheckedAt, r.a.DisputeId, r.a.TargetMonth, r.a.Revision)).ToList(), total);
    }

    public async Task<IReadOnlyList<SupplierChoice>> FindSuppliersAsync(string? text, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var q = db.Suppliers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text)) q = q.Where(s => s.Code.Contains(text.Trim()) || s.Name.Contains(text.Trim()));
        return await q.OrderBy(s => s.Code).Take(20).Select(s => new SupplierChoice(s.Id, s.Code, s.Name)).ToListAsync(ct);
    }

    private static DomainException NotFound(int id) => new($"找不到调整 {id} · No adjustment {id}");
}
