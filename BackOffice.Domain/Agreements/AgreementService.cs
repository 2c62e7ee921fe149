using System.Data;
using BackOffice.Domain.Audit;
using BackOffice.Domain.Common;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Metrics;
using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Agreements;

/// <summary>The framework agreement use cases of account managers: draft, submit, sign (four eyes), terminate, renew; and the portfolio.</summary>
public sealed class AgreementService(IDbContextFactory<BackOfficeDbContext> factory, AuditTrail audit, AuditQueryService history, TimeProvider clock)
{
    public const string EntityType = "FrameworkAgreement";

    private DateOnly Today => ChinaTime.Today(clock);

    public async Task<int> CreateDraftAsync(Actor actor, AgreementDraft draft, CancellationToken ct = default)
    {
        actor.Require(Roles.AccountManager, "agreements");
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
        await RequireBrandsOfSupplierAsync(db, draft, ct);
        var code = await NextCodeAsync(db, draft.Terms.TermStart.Year, ct);
        var agreement = new FrameworkAgreement(code, draft.SupplierId, draft.BrandIds, draft.Terms, actor, clock.GetUtcNow().UtcDateTime);
        agreement.EditDraft(draft.BrandIds, draft.Terms, draft.Signatories, draft.DocumentReference);
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(db, actor, "agreement.drafted", EntityType, Key(agreement), after: Snapshot(agreement), ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return agreement.Id;
    }

    public async Task EditDraftAsync(Actor actor, int id, long revision, AgreementDraft draft, CancellationToken ct = default)
    {
        actor.Require(Roles.AccountManager, "agreements");
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var agreement = await LoadAsync(db, id, revision, ct);
        if (agreement.SupplierId != draft.SupplierId) throw new DomainException("协议的供应商不能更改 · An agreement's supplier cannot change");
        await RequireBrandsOfSupplierAsync(db, draft, ct);
        var before = Snapshot(agreement);
        agreement.EditDraft(draft.BrandIds, draft.Terms, draft.Signatories, draft.DocumentReference);
        await audit.RecordAsync(db, actor, "agreement.edited", EntityType, Key(agreement), before, Snapshot(agreement), ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task SubmitAsync(Actor actor, int id, long revision, CancellationToken ct = default)
    {
        actor.Require(Roles.AccountManager, "agreements");
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var agreement = await LoadAsync(db, id, revision, ct);
        agreement.Submit(actor);
        await audit.RecordAsync(db, actor, "agreement.submitted", EntityType, Key(agreement),
            new { Status = nameof(AgreementStatus.Draft) }, new { Status = nameof(AgreementStatus.PendingApproval) }, ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Another account manager approves and records the signing. The overlap rule is checked inside a serializable
    /// transaction over the supplier's Signed agreements, so two signings cannot both pass it.
    /// </summary>
    public async Task SignAsync(Actor actor, int id, long revision, AgreementSigning signing, CancellationToken ct = default)
    {
        actor.Require(Roles.AccountManager, "agreements");
        signing.Scan?.Validate();
        if (signing.SignedOn > Today) throw new DomainException("签署日期不能晚于今天 · The signing date cannot be in the future");
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
        var agreement = await LoadAsync(db, id, revision, ct);
        var overlapping = await db.Agreements.AsNoTracking()
            .Where(a => a.SupplierId == agreement.SupplierId && a.Id != agreement.Id && a.StoredStatus == AgreementStatus.Signed
                        && a.TermStart <= agreement.TermEnd && agreement.TermStart <= a.TermEnd)
            .OrderBy(a => a.TermStart).Select(a => new { a.Code, a.TermStart, a.TermEnd }).FirstOrDefaultAsync(ct);
        if (overlapping is not null)
        {
            throw new DomainException(
                $"该供应商已有期限重叠的已签署协议 {overlapping.Code}（{overlapping.TermStart:yyyy-MM-dd} 至 {overlapping.TermEnd:yyyy-MM-dd}） · " +
                $"The supplier already has a signed agreement {overlapping.Code} whose term ({overlapping.TermStart:yyyy-MM-dd} to {overlapping.TermEnd:yyyy-MM-dd}) overlaps this one");
        }
        agreement.Sign(actor, signing.SignedOn, signing.DocumentReference, signing.Scan?.SafeName, signing.Scan?.Content);
        await audit.RecordAsync(db, actor, "agreement.signed", EntityType, Key(agreement),
            new { Status = nameof(AgreementStatus.PendingApproval) },
            new { Status = nameof(AgreementStatus.Signed), agreement.SignedOn, agreement.DocumentReference, Scan = agreement.SignedScanFileName, ScanBytes = agreement.SignedScan?.Length },
            ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The approver (or the author) sends a pending agreement back for changes, with a reason.</summary>
    public async Task ReturnToDraftAsync(Actor actor, int id, long revision, string reason, CancellationToken ct = default)
    {
        actor.Require(Roles.AccountManager, "agreements");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("退回需填写理由 · Returning needs a reason");
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var agreement = await LoadAsync(db, id, revision, ct);
        agreement.ReturnToDraft();
        await audit.RecordAsync(db, actor, "agreement.returned", EntityType, Key(agreement),
            new { Status = nameof(AgreementStatus.PendingApproval) }, new { Status = nameof(AgreementStatus.Draft) }, reason, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task TerminateAsync(Actor actor, int id, long revision, string reason, CancellationToken ct = default)
    {
        actor.Require(Roles.AccountManager, "agreements");
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var agreement = await LoadAsync(db, id, revision, ct);
        var before = agreement.StatusOn(Today);
        agreement.Terminate(reason, Today);
        await audit.RecordAsync(db, actor, "agreement.terminated", EntityType, Key(agreement),
            new { Status = before.ToString() }, new { Status = nameof(AgreementStatus.Terminated) }, reason, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Copies a signed (or ended) agreement into a new Draft starting the day after it ends; returns the new id.</summary>
    public async Task<int> RenewAsync(Actor actor, int id, CancellationToken ct = default)
    {
        actor.Require(Roles.AccountManager, "agreements");
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
        // Read without tracking: the renewal copies the tiers, and EF cannot track one owned instance under two owners.
        var agreement = await db.Agreements.AsNoTracking().Include(a => a.Brands).FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw NotFound(id);
        var start = agreement.TermEnd.AddDays(1);
        var renewal = agreement.Renew(await NextCodeAsync(db, start.Year, ct), actor, clock.GetUtcNow().UtcDateTime);
        db.Agreements.Add(renewal);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(db, actor, "agreement.renewed", EntityType, Key(renewal), after: Snapshot(renewal),
            reason: $"续签自 {agreement.Code} · Renewal of {agreement.Code}", ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return renewal.Id;
    }

    public async Task<AgreementDetails?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var a = await db.Agreements.AsNoTracking().Include(x => x.Brands).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return null;
        var supplier = await db.Suppliers.AsNoTracking().Where(s => s.Id == a.SupplierId).Select(s => new { s.Code, s.Name }).SingleAsync(ct);
        var brandIds = a.Brands.Select(b => b.BrandId).ToList();
        var brands = await db.Brands.AsNoTracking().Where(b => brandIds.Contains(b.Id)).OrderBy(b => b.NameZh)
            .Select(b => new BrandOption(b.Id, b.NameLatin.Length > 0 ? b.NameZh + " " + b.NameLatin : b.NameZh, b.Category)).ToListAsync(ct);
        var renewedFrom = a.RenewedFromId is { } fromId ? await db.Agreements.AsNoTracking().Where(x => x.Id == fromId).Select(x => x.Code).FirstOrDefaultAsync(ct) : null;
        var today = Today;
        var terms = a.Terms;
        var (progress, chart) = await ProgressAsync(db, terms, brandIds, today, withChart: true, ct);
        var audits = await history.HistoryAsync(EntityType, Key(a), ct);
        return new AgreementDetails(a.Id, a.Code, a.SupplierId, supplier.Code, supplier.Name, brands, terms, a.StatusOn(today), a.StoredStatus,
            a.Signatories, a.DocumentReference, a.SignedOn, a.SignedScanFileName, a.AuthorId, a.AuthorName, a.ApproverId, a.ApproverName,
            a.TerminationReason, a.RenewedFromId, renewedFrom, a.CreatedAt, a.Revision, progress, chart, audits);
    }

    /// <summary>The signed scan, for download by an account manager.</summary>
    public async Task<SignedScanFile?> ScanAsync(int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var scan = await db.Agreements.AsNoTracking().Where(a => a.Id == id && a.SignedScan != null)
            .Select(a => new { a.SignedScanFileName, a.SignedScan }).FirstOrDefaultAsync(ct);
        return scan is null ? null : new SignedScanFile(scan.SignedScanFileName ?? "scan", scan.SignedScan!);
    }

    /// <summary>The portfolio, filtered and sorted in the database and paged on the server; progress is computed for the page's rows only.</summary>
    public async Task<PagedResult<AgreementRow>> SearchAsync(AgreementQuery query, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var today = Today;
        var agreements = Filter(db, query, today);
        var total = await agreements.CountAsync(ct);
        var list = await Sort(db, agreements, page, today).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        var ids = list.Select(a => a.Id).ToList();
        var supplierIds = list.Select(a => a.SupplierId).Distinct().ToList();
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => supplierIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Code, s.Name }).ToDictionaryAsync(s => s.Id, ct);
        var brandNames = await (from ab in db.Set<AgreementBrand>().AsNoTracking()
                                join b in db.Brands on ab.BrandId equals b.Id
                                where ids.Contains(ab.AgreementId)
                                select new { ab.AgreementId, b.NameZh }).ToListAsync(ct);
        var brandsOf = brandNames.ToLookup(b => b.AgreementId, b => b.NameZh);
        var netGmv = await NetGmvByAgreementAsync(db, ids, today, ct);
        var result = new List<AgreementRow>(list.Count);
        foreach (var a in list)
        {
            var supplier = suppliers[a.SupplierId];
            var progress = AgreementProgress.Calculate(a.Terms, netGmv.GetValueOrDefault(a.Id), today);
            result.Add(new AgreementRow(a.Id, a.Code, a.SupplierId, supplier.Code, supplier.Name, brandsOf[a.Id].Order().ToList(),
                a.TermStart, a.TermEnd, a.StatusOn(today), a.AuthorId, a.AuthorName, a.GmvTargetFen, a.CommissionBp, progress));
        }
        return new PagedResult<AgreementRow>(result, total);
    }

    /// <summary>Every row of the portfolio under the filters (for the Excel export), in the page's sort order.</summary>
    public async Task<IReadOnlyList<AgreementRow>> AllAsync(AgreementQuery query, string? sortBy, bool descending, CancellationToken ct = default)
    {
        var rows = new List<AgreementRow>();
        for (var index = 0; ; index++)
        {
            var page = await SearchAsync(query, new PageRequest(index, PageRequest.MaxPageSize, sortBy, descending), ct);
            rows.AddRange(page.Items);
            if (rows.Count >= page.Total || page.Items.Count == 0) return rows;
        }
    }

    public async Task<IReadOnlyList<SupplierOption>> SuppliersAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Suppliers.AsNoTracking().OrderBy(s => s.Code).Select(s => new SupplierOption(s.Id, s.Code, s.Name)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<BrandOption>> BrandsOfSupplierAsync(int supplierId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Brands.AsNoTracking().Where(b => b.SupplierId == supplierId).OrderBy(b => b.NameZh)
            .Select(b => new BrandOption(b.Id, b.NameLatin.Length > 0 ? b.NameZh + " " + b.NameLatin : b.NameZh, b.Category)).ToListAsync(ct);
    }

    /// <summary>The account managers who own agreements, for the portfolio's manager filter.</summary>
    public async Task<IReadOnlyList<ManagerOption>> ManagersAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var managers = await db.Agreements.AsNoTracking().Select(a => new { a.AuthorId, a.AuthorName }).Distinct().ToListAsync(ct);
        return managers.GroupBy(m => m.AuthorId).Select(g => new ManagerOption(g.Key, g.First().AuthorName)).OrderBy(m => m.Id).ToList();
    }

    private static IQueryable<FrameworkAgreement> Filter(BackOfficeDbContext db, AgreementQuery query, DateOnly today)
    {
        var agreements = db.Agreements.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim();
            agreements = agreements.Where(a => a.Code.Contains(s) || a.DocumentReference.Contains(s) || a.Signatories.Contains(s)
                || db.Suppliers.Any(x => x.Id == a.SupplierId && (x.Name.Contains(s) || x.Code.Contains(s)))
                || a.Brands.Any(ab => db.Brands.Any(b => b.Id == ab.BrandId && (b.NameZh.Contains(s) || b.NameLatin.Contains(s)))));
        }
        if (query.SupplierId is { } supplierId) agreements = agreements.Where(a => a.SupplierId == supplierId);
        if (!string.IsNullOrWhiteSpace(query.ManagerId)) agreements = agreements.Where(a => a.AuthorId == query.ManagerId);
        agreements = query.Status switch
        {
            AgreementStatus.Signed => agreements.Where(a => a.StoredStatus == AgreementStatus.Signed && a.TermStart > today),
            AgreementStatus.Active => agreements.Where(a => a.StoredStatus == AgreementStatus.Signed && a.TermStart <= today && a.TermEnd >= today),
            AgreementStatus.Expired => agreements.Where(a => a.StoredStatus == AgreementStatus.Signed && a.TermEnd < today),
            { } stored => agreements.Where(a => a.StoredStatus == stored),
            null => agreements,
        };
        if (query.ExpiringWithinDays is { } days)
        {
            var until = today.AddDays(days);
            agreements = agreements.Where(a => a.StoredStatus == AgreementStatus.Signed && a.TermEnd >= today && a.TermEnd <= until);
        }
        return agreements;
    }

    private static IQueryable<FrameworkAgreement> Sort(BackOfficeDbContext db, IQueryable<FrameworkAgreement> agreements, PageRequest page, DateOnly today) =>
        (page.SortBy, page.Descending) switch
        {
            (nameof(AgreementRow.TermStart), false) => agreements.OrderBy(a => a.TermStart).ThenBy(a => a.Id),
            (nameof(AgreementRow.TermStart), true) => agreements.OrderByDescending(a => a.TermStart).ThenByDescending(a => a.Id),
            (nameof(AgreementRow.TermEnd), false) => agreements.OrderBy(a => a.TermEnd).ThenBy(a => a.Id),
            (nameof(AgreementRow.TermEnd), true) => agreements.OrderByDescending(a => a.TermEnd).ThenByDescending(a => a.Id),
            (nameof(AgreementRow.GmvTargetFen), false) => agreements.OrderBy(a => a.GmvTargetFen).ThenBy(a => a.Id),
            (nameof(AgreementRow.GmvTargetFen), true) => agreements.OrderByDescending(a => a.GmvTargetFen).ThenByDescending(a => a.Id),
            (nameof(AgreementRow.CommissionBp), false) => agreements.OrderBy(a => a.CommissionBp).ThenBy(a => a.Id),
            (nameof(AgreementRow.CommissionBp), true) => agreements.OrderByDescending(a => a.CommissionBp).ThenByDescending(a => a.Id),
            (nameof(AgreementRow.ManagerName), false) => agreements.OrderBy(a => a.AuthorName).ThenBy(a => a.Id),
            (nameof(AgreementRow.ManagerName), true) => agreements.OrderByDescending(a => a.AuthorName).ThenByDescending(a => a.Id),
            (nameof(AgreementRow.SupplierName), false) => agreements.OrderBy(a => db.Suppliers.Where(x => x.Id == a.SupplierId).Select(x => x.Name).FirstOrDefault()).ThenBy(a => a.Id),
            (nameof(AgreementRow.SupplierName), true) => agreements.OrderByDescending(a => db.Suppliers.Where(x => x.Id == a.SupplierId).Select(x => x.Name).FirstOrDefault()).ThenByDescending(a => a.Id),
            (nameof(AgreementRow.Status), false) => agreements.OrderBy(a => a.StoredStatus).ThenBy(a => a.TermStart > today).ThenBy(a => a.Id),
            (nameof(AgreementRow.Status), true) => agreements.OrderByDescending(a => a.StoredStatus).ThenByDescending(a => a.TermStart > today).ThenByDescending(a => a.Id),
            (nameof(AgreementRow.Code), false) => agreements.OrderBy(a => a.Code),
            _ => agreements.OrderByDescending(a => a.Code),
        };

    /// <summary>Progress over the term, using the one definition of net GMV; the chart is cumulative by month (or by week for short terms).</summary>
    private static async Task<(AgreementProgress, IReadOnlyList<ProgressPoint>)> ProgressAsync(
        BackOfficeDbContext db, AgreementTerms terms, IReadOnlyCollection<int> brandIds, DateOnly today, bool withChart, CancellationToken ct)
    {
        var until = AgreementProgress.MeasuredUntil(terms, today);
        var net = until is { } to && brandIds.Count > 0 ? await MetricsService.NetGmvAsync(db, brandIds, terms.TermStart, to, ct) : 0;
        var progress = AgreementProgress.Calculate(terms, net, today);
        if (!withChart) return (progress, []);
        var points = new List<ProgressPoint>();
        foreach (var periodEnd in ChartPeriodEnds(terms, until))
        {
            var pace = Money.RoundDiv(checked(terms.GmvTargetFen * (periodEnd.DayNumber - terms.TermStart.DayNumber + 1)), terms.TermDaysInclusive);
            long? cumulative = until is { } measured && periodEnd <= measured
                ? periodEnd == measured ? net : await MetricsService.NetGmvAsync(db, brandIds, terms.TermStart, periodEnd, ct)
                : null;
            points.Add(new ProgressPoint(periodEnd, cumulative, pace));
        }
        return (progress, points);
    }

    /// <summary>
    /// Net GMV of several agreements at once, each over its own covered brands from the term start to
    /// <see cref="AgreementProgress.MeasuredUntil"/>: the definition of <see cref="MetricsService.NetGmvAsync(BackOfficeDbContext, IReadOnlyCollection{int}, DateOnly, DateOnly, CancellationToken)"/>
    /// (daily GMV less refunds) in one grouped query, so a portfolio page costs one query, not one per row.
    /// Agreements whose term has not started are absent (their net GMV is 0).
    /// </summary>
    private static async Task<Dictionary<int, long>> NetGmvByAgreementAsync(BackOfficeDbContext db, IReadOnlyCollection<int> agreementIds, DateOnly today, CancellationToken ct) =>
        await (from a in db.Agreements.AsNoTracking()
               where agreementIds.Contains(a.Id) && a.TermStart <= today
               from ab in a.Brands
               join d in db.DailySales.AsNoTracking() on ab.BrandId equals d.BrandId
               where d.Day >= a.TermStart && d.Day <= (a.TermEnd < today ? a.TermEnd : today)
               group d by a.Id into g
               select new { Id = g.Key, NetFen = g.Sum(d => d.GmvFen - d.RefundFen) })
            .ToDictionaryAsync(x => x.Id, x => x.NetFen, ct);

    /// <summary>Month ends inside the term (week ends for terms under 62 days), the day measured to, and the term end.</summary>
    private static IEnumerable<DateOnly> ChartPeriodEnds(AgreementTerms terms, DateOnly? measured)
    {
        var weekly = terms.TermDaysInclusive < 62;
        var ends = new SortedSet<DateOnly> { terms.TermEnd };
        if (measured is { } m) ends.Add(m);
        for (var day = terms.TermStart; ;)
        {
            var end = weekly ? day.AddDays(6) : new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1);
            if (end >= terms.TermEnd) break;
            ends.Add(end);
            day = end.AddDays(1);
        }
        return ends;
    }

    private static async Task<FrameworkAgreement> LoadAsync(BackOfficeDbContext db, int id, long revision, CancellationToken ct)
    {
        var agreement = await db.Agreements.Include(a => a.Brands).FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw NotFound(id);
        // The form's revision is checked before any rule, so a stale page is told the record moved on, not that the action is illegal.
        if (agreement.Revision != revision) throw new ConcurrencyConflictException();
        db.Entry(agreement).Property(a => a.Revision).OriginalValue = revision;
        return agreement;
    }

    private static async Task RequireBrandsOfSupplierAsync(BackOfficeDbContext db, AgreementDraft draft, CancellationToken ct)
    {
        if (!await db.Suppliers.AnyAsync(s => s.Id == draft.SupplierId, ct)) throw new DomainException("请选择供应商 · Choose a supplier");
        var ids = draft.BrandIds.Distinct().ToList();
        var own = await db.Brands.CountAsync(b => ids.Contains(b.Id) && b.SupplierId == draft.SupplierId, ct);
        if (own != ids.Count) throw new DomainException("所选品牌须属于该供应商 · The brands covered must belong to the supplier");
    }

    /// <summary>FA-yyyy-nnnn, numbered per year of the term start; called inside the creating transaction.</summary>
    private static async Task<string> NextCodeAsync(BackOfficeDbContext db, int year, CancellationToken ct)
    {
        var prefix = FrameworkAgreement.FormatCode(year, 0)[..8];
        return FrameworkAgreement.FormatCode(year, await SequentialCode.NextAsync(db.Agreements.Select(a => a.Code), prefix, 4, ct));
    }

    private static DomainException NotFound(int id) => new($"找不到协议 {id} · No agreement {id}");

    private static string Key(FrameworkAgreement agreement) => agreement.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static object Snapshot(FrameworkAgreement a) => new
    {
        a.Code, a.SupplierId, Brands = a.Brands.Select(b => b.BrandId).Order().ToList(), TermStart = a.TermStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        TermEnd = a.TermEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), a.GmvTargetFen, a.CommissionBp, a.AdvancePercent, a.AdvanceDays, a.BalanceDays,
        Tiers = a.Tiers.Select(t => new { t.ThresholdFen, t.ReductionBp }).ToList(), a.Signatories, a.DocumentReference, Status = a.StoredStatus.ToString(),
    };
}
