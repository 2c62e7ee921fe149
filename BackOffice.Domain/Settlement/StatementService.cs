using System.Security.Cryptography;
using BackOffice.Domain.Audit;
using BackOffice.Domain.Common;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Settlement;

public sealed class StatementQuery
{
    public string? Search { get; set; }
    public int? Month { get; set; }
    public StatementStatus? Status { get; set; }
    public long? MinPayableFen { get; set; }
    public long? MaxPayableFen { get; set; }
}

public sealed record StatementRow(int Id, string Number, string SupplierCode, string SupplierName, int Month, int Version, StatementStatus Status,
    long PayableFen, long CarryInFen, long CarryOutFen, int EntryCount, DateTime? IssuedAt, string? PaymentReference, DateOnly? PaidOn);

public sealed record MonthSummary(int Month, int Drafts, int Issued, int Paid, int Settled, long PayableFen, long UnpaidFen);

public sealed record DisputeView(int Id, IReadOnlyList<long> EntryIds, string Note, string RaisedBy, DateTime RaisedAt, DisputeStatus Status,
    string? Resolution, int? AdjustmentId, int? NewStatementId);

public sealed record StatementView(StatementDocument Document, long Revision, string? PaidBy, string? PaymentReference, DateOnly? PaidOn,
    string? JsonSha256, string? XlsxSha256, string? PdfSha256, int? SupersededById, IReadOnlyList<StatementRow> Versions,
    IReadOnlyList<DisputeView> Disputes, bool NextMonthIssued);

/// <summary>对账单: list, read, issue a month, record disputes and issue a new version.</summary>
public sealed class StatementService(
    IDbContextFactory<BackOfficeDbContext> factory, AuditTrail audit, TimeProvider clock, StatementDrafts drafts, StatementArchive archive)
{
    public async Task<PagedResult<StatementRow>> ListAsync(Actor actor, StatementQuery query, PageRequest page, CancellationToken ct = default)
    {
        actor.Require(Roles.Finance, "statements");
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = Rows(db);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim();
            rows = rows.Where(r => r.Number.Contains(s) || r.SupplierCode.Contains(s) || r.SupplierName.Contains(s));
        }
        if (query.Month is { } month) rows = rows.Where(r => r.Month == month);
        if (query.Status is { } status) rows = rows.Where(r => r.Status == status);
        if (query.MinPayableFen is { } min) rows = rows.Where(r => r.PayableFen >= min);
        if (query.MaxPayableFen is { } max) rows = rows.Where(r => r.PayableFen <= max);
        var total = await rows.CountAsync(ct);
        rows = (page.SortBy, page.Descending) switch
        {
            (nameof(StatementRow.PayableFen), false) => rows.OrderBy(r => r.PayableFen).ThenBy(r => r.Number),
            (nameof(StatementRow.PayableFen), true) => rows.OrderByDescending(r => r.PayableFen).ThenBy(r => r.Number),
            (nameof(StatementRow.SupplierName), false) => rows.OrderBy(r => r.SupplierName).ThenBy(r => r.Number),
            (nameof(StatementRow.SupplierName), true) => rows.OrderByDescending(r => r.SupplierName).ThenBy(r => r.Number),
            (nameof(StatementRow.Status), false) => rows.OrderBy(r => r.Status).ThenBy(r => r.Number),
            (nameof(StatementRow.Status), true) => rows.OrderByDescending(r => r.Status).ThenBy(r => r.Number),
            (nameof(StatementRow.Month), true) => rows.OrderByDescending(r => r.Month).ThenBy(r => r.Number),
            (nameof(StatementRow.Month), false) => rows.OrderBy(r => r.Month).ThenBy(r => r.Number),
            (_, true) => rows.OrderByDescending(r => r.Number),
            _ => rows.OrderBy(r => r.Number),
        };
        return new PagedResult<StatementRow>((await rows.Skip(page.Skip).Take(page.Size).ToListAsync(ct)).Select(r => r.ToRow()).ToList(), total);
    }

    public async Task<IReadOnlyList<MonthSummary>> MonthsAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Finance, "statements");
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Statements.AsNoTracking().Where(s => s.Status != StatementStatus.Superseded)
            .GroupBy(s => new { s.Month, s.Status })
            .Select(g => new { g.Key.Month, g.Key.Status, Count = g.Count(), Payable = g.Sum(s => s.PayableFen) }).ToListAsync(ct);
        return rows.GroupBy(r => r.Month).OrderByDescending(g => g.Key).Select(g => new MonthSummary(g.Key,
            g.Where(r => r.Status == StatementStatus.Draft).Sum(r => r.Count), g.Where(r => r.Status == StatementStatus.Issued).Sum(r => r.Count),
            g.Where(r => r.Status == StatementStatus.Paid).Sum(r => r.Count), g.Where(r => r.Status == StatementStatus.Settled).Sum(r => r.Count),
            g.Sum(r => r.Payable), g.Where(r => r.Status == StatementStatus.Issued).Sum(r => r.Payable))).ToList();
    }

    public async Task<StatementView> GetAsync(Actor actor, int id, CancellationToken ct = default)
    {
        actor.Require(Roles.Finance, "statements");
        await using var db = await factory.CreateDbContextAsync(ct);
        var statement = await db.Statements.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw NotFound(id);
        var document = await DocumentAsync(db, statement, ct);
        var versions = (await Rows(db).Where(r => r.Id == id || (r.SupplierCode == document.SupplierCode && r.Month == statement.Month))
            .OrderBy(r => r.Version).ToListAsync(ct)).Select(r => r.ToRow()).ToList();
        var disputes = (await db.Disputes.AsNoTracking().Where(d => d.StatementId == id).OrderBy(d => d.RaisedAt).ToListAsync(ct))
            .Select(d => new DisputeView(d.Id, d.EntryIdList, d.Note, d.RaisedBy, d.RaisedAt, d.Status, d.Resolution, d.AdjustmentId, d.NewStatementId)).ToList();
        var next = SettlementMonth.Next(statement.Month);
        var nextIssued = await db.Statements.AnyAsync(s => s.SupplierId == statement.SupplierId && s.Month == next && s.Status != StatementStatus.Draft, ct);
        return new StatementView(document, statement.Revision, statement.PaidBy, statement.PaymentReference, statement.PaidOn,
            statement.JsonSha256, statement.XlsxSha256, statement.PdfSha256, statement.SupersededById, versions, disputes, nextIssued);
    }

    public async Task<PagedResult<StatementLine>> EntriesAsync(Actor actor, int id, EntryKind? kind, PageRequest page, CancellationToken ct = default)
    {
        actor.Require(Roles.Finance, "statements");
        await using var db = await factory.CreateDbContextAsync(ct);
        var statement = await db.Statements.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw NotFound(id);
        var entries = await EntriesOfAsync(db, statement, ct);
        if (kind is { } k) entries = entries.Where(e => e.Kind == k);
        var total = await entries.CountAsync(ct);
        var ordered = page.SortBy switch
        {
            nameof(SettlementEntry.AmountFen) => page.Descending ? entries.OrderByDescending(e => e.AmountFen) : entries.OrderBy(e => e.AmountFen),
            nameof(SettlementEntry.DueDate) => page.Descending ? entries.OrderByDescending(e => e.DueDate) : entries.OrderBy(e => e.DueDate),
            _ => entries.OrderBy(e => e.Id),
        };
        var lines = await Lines(db, ordered.ThenBy(e => e.Id).Skip(page.Skip).Take(page.Size)).ToListAsync(ct);
        return new PagedResult<StatementLine>(lines, total);
    }

    /// <summary>The export model of one statement (every entry).</summary>
    public async Task<StatementDocument> DocumentAsync(int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var statement = await db.Statements.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw NotFound(id);
        return await DocumentAsync(db, statement, ct);
    }

    /// <summary>
    /// Issues every draft of the month: frozen, entries assigned, JSON archived with its SHA-256. Months go in
    /// order: an earlier draft anywhere must be issued first.
    /// </summary>
    public async Task<int> IssueMonthAsync(Actor actor, int month, IProgress<SettlementProgress>? progress = null, CancellationToken ct = default)
    {
        actor.Require(Roles.Finance, "issue statements");
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var earlier = await db.Statements.Where(s => s.Status == StatementStatus.Draft && s.Month < month).OrderBy(s => s.Month).Select(s => (int?)s.Month).FirstOrDefaultAsync(ct);
        if (earlier is { } e)
            throw new DomainException($"须按月开具：请先开具 {SettlementMonth.Format(e)} · Months are issued in order: issue {SettlementMonth.Format(e)} first");
        var statements = await db.Statements.Where(s => s.Status == StatementStatus.Draft && s.Month == month).OrderBy(s => s.Number).ToListAsync(ct);
        if (statements.Count == 0) throw new DomainException($"{SettlementMonth.Format(month)} 没有待开具的对账单 · No draft statements for {SettlementMonth.Format(month)}");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var done = 0;
        foreach (var statement in statements)
        {
            await FreezeAsync(db, actor, statement, now, ct);
            progress?.Report(new SettlementProgress("issue", ++done, statements.Count));
        }

        await CloseSalesAsync(db, month, now, ct);
        await audit.RecordAsync(db, actor, "statements.issued", "Statement", SettlementMonth.Format(month),
            after: new { Month = SettlementMonth.Format(month), Statements = statements.Count, PayableFen = statements.Sum(s => s.PayableFen) }, ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return statements.Count;
    }

    /// <summary>Issues one supplier's draft; that supplier's earlier months must be issued first.</summary>
    public async Task IssueAsync(Actor actor, int statementId, long revision, CancellationToken ct = default)
    {
        actor.Require(Roles.Finance, "issue statements");
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        var statement = await db.Statements.FirstOrDefaultAsync(s => s.Id == statementId, ct) ?? throw NotFound(statementId);
        db.Entry(statement).Property(s => s.Revision).OriginalValue = revision;
        var earlier = await db.Statements.Where(s => s.SupplierId == statement.SupplierId && s.Status == StatementStatus.Draft && s.Month < statement.Month)
            .OrderBy(s => s.Month).Select(s => s.Number).FirstOrDefaultAsync(ct);
        if (earlier is not null)
            throw new DomainException($"须按月开具：请先开具 {earlier} · Months are issued in order: issue {earlier} first");
        if (statement.Status != StatementStatus.Draft) throw new DomainException($"对账单 {statement.Number} 不是草稿 · Statement {statement.Number} is not a draft");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await FreezeAsync(db, actor, statement, now, ct);
        await CloseSalesAsync(db, statement.Month, now, ct);
        await audit.RecordAsync(db, actor, "statement.issued", "Statement", statement.Number,
            before: new { Status = "Draft" }, after: new { Status = statement.Status.ToString(), statement.PayableFen, statement.CarryOutFen }, ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Ties the month's unattached entries to the statement, keeps its JSON and issues it with that file's SHA-256.</summary>
    private async Task FreezeAsync(BackOfficeDbContext db, Actor actor, Statement statement, DateTime now, CancellationToken ct, string? reason = null)
    {
        await db.SettlementEntries.Where(x => x.SupplierId == statement.SupplierId && x.BookedMonth == statement.Month && x.StatementId == null)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.StatementId, statement.Id), ct);
        var document = await DocumentAsync(db, statement, ct, issuedAt: now, status: statement.PayableFen == 0 ? StatementStatus.Settled : StatementStatus.Issued, reason: reason);
        var json = document.ToJsonBytes();
        await archive.KeepAsync(statement.Number, "json", json, ct);
        statement.Issue(actor, Convert.ToHexStringLower(SHA256.HashData(json)), now, reason);
    }

    public async Task<int> RaiseDisputeAsync(Actor actor, int statementId, IReadOnlyCollection<long> entryIds, string note, CancellationToken ct = default)
    {
        actor.Require(Roles.Finance, "disputes");
        await using var db = await factory.CreateDbContextAsync(ct);
        var statement = await db.Statements.FirstOrDefaultAsync(s => s.Id == statementId, ct) ?? throw NotFound(statementId);
        var ids = entryIds.ToList();
        var known = await (await EntriesOfAsync(db, statement, ct)).Where(x => ids.Contains(x.Id)).CountAsync(ct);
        if (ids.Count == 0 || known != ids.Distinct().Count()) throw new DomainException("请选择本对账单中的明细 · Choose entries of this statement");
        var dispute = new Dispute(statement, ids, note, actor, clock.GetUtcNow().UtcDateTime);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Disputes.Add(dispute);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(db, actor, "statement.disputed", "Statement", statement.Number, after: new { dispute.Id, dispute.EntryIds }, reason: dispute.Note, ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return dispute.Id;
    }

    /// <summary>
    /// Resolves a dispute by version n+1: the month's entries (including approved adjustments made for this
    /// dispute) are issued again; version n becomes Superseded. Only while the next month is not issued.
    /// </summary>
    public async Task<int> IssueNewVersionAsync(Actor actor, int disputeId, string reason, CancellationToken ct = default)
    {
        actor.Require(Roles.Finance, "issue a new version");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("新版本需填写理由 · A new version needs a reason");
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        var dispute = await db.Disputes.FirstOrDefaultAsync(d => d.Id == disputeId, ct) ?? throw new DomainException($"找不到异议 {disputeId} · No dispute {disputeId}");
        var old = await db.Statements.FirstAsync(s => s.Id == dispute.StatementId, ct);
        if (old.Status == StatementStatus.Superseded) throw new DomainException("该版本已被取代 · This version is already superseded");
        var next = SettlementMonth.Next(old.Month);
        if (await db.Statements.AnyAsync(s => s.SupplierId == old.SupplierId && s.Month == next && s.Status != StatementStatus.Draft, ct))
            throw new DomainException("下月已开具，请用调整解决 · The next month is issued: resolve by an adjustment");
        if (await db.Adjustments.AnyAsync(a => a.DisputeId == disputeId && a.Status == AdjustmentStatus.Pending, ct))
            throw new DomainException("该异议的调整尚待审批 · An adjustment for this dispute awaits approval");
        var code = await db.Suppliers.Where(s => s.Id == old.SupplierId).Select(s => s.Code).FirstAsync(ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var figures = await FiguresAsync(db.SettlementEntries.Where(x => x.SupplierId == old.SupplierId && x.BookedMonth == old.Month
            && (x.StatementId == null || db.Statements.Any(s => s.Id == x.StatementId && s.SupplierId == old.SupplierId && s.Month == old.Month))), ct);
        var version = new Statement(old.SupplierId, code, old.Month, old.Version + 1, now);
        version.SetFigures(figures, old.CarryInFen, now);
        db.Statements.Add(version);
        await db.SaveChangesAsync(ct);
        await FreezeAsync(db, actor, version, now, ct, reason.Trim());
        old.Supersede(version.Id);
        dispute.ResolveByNewVersion(version.Id, reason.Trim(), now);
        await db.SaveChangesAsync(ct);
        await drafts.RebuildAsync(db, now, old.SupplierId, ct);
        await audit.RecordAsync(db, actor, "statement.new-version", "Statement", version.Number,
            before: new { old.Number, old.PayableFen, old.CarryOutFen }, after: new { version.Number, version.PayableFen, version.CarryOutFen }, reason: reason, ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return version.Id;
    }

    internal static async Task<StatementFigures> FiguresAsync(IQueryable<SettlementEntry> entries, CancellationToken ct)
    {
        var totals = new MonthTotals();
        foreach (var s in await entries.GroupBy(e => e.Kind).Select(g => new { g.Key, Sum = g.Sum(e => e.AmountFen), Count = g.Count() }).ToListAsync(ct))
            totals.Add(s.Key, s.Sum, s.Count);
        return totals.ToFigures();
    }

    /// <summary>A sale is Closed once every one of its entries is in an issued statement.</summary>
    private static async Task CloseSalesAsync(BackOfficeDbContext db, int month, DateTime now, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        var touched = db.SettlementEntries.Where(e => e.BookedMonth == month && e.SaleId != null).Select(e => e.SaleId!.Value).Distinct();
        var sales = await db.Sales.Where(s => touched.Contains(s.Id) && !s.SettlementClosed && s.EndsAt <= now
            && !db.SettlementEntries.Any(e => e.SaleId == s.Id && e.StatementId == null)).ToListAsync(ct);
        foreach (var sale in sales) sale.MarkSettlementClosed();
    }

    private static async Task<IQueryable<SettlementEntry>> EntriesOfAsync(BackOfficeDbContext db, Statement statement, CancellationToken ct)
    {
        var entries = db.SettlementEntries.AsNoTracking().Where(e => e.SupplierId == statement.SupplierId && e.BookedMonth == statement.Month);
        var versions = await db.Statements.Where(s => s.SupplierId == statement.SupplierId && s.Month == statement.Month && s.Version <= statement.Version)
            .Select(s => (int?)s.Id).ToListAsync(ct);
        // A draft (also a version being issued) holds the month's unissued entries and those of its earlier versions.
        return statement.Status == StatementStatus.Draft
            ? entries.Where(e => e.StatementId == null || versions.Contains(e.StatementId))
            : entries.Where(e => versions.Contains(e.StatementId));
    }

    private static IQueryable<StatementLine> Lines(BackOfficeDbContext db, IQueryable<SettlementEntry> entries) =>
        from e in entries
        join l in db.OrderLines on e.OrderLineId equals l.Id into lines
        from l in lines.DefaultIfEmpty()
        join s in db.Sales on e.SaleId equals s.Id into sales
        from s in sales.DefaultIfEmpty()
        join a in db.Adjustments on e.AdjustmentId equals a.Id into adjustments
        from a in adjustments.DefaultIfEmpty()
        select new StatementLine(e.Id, e.Kind, l == null ? null : l.ExternalId, e.AdjustmentId, s == null ? null : s.Code, e.DueDate, e.AmountFen, e.BasisFen, e.BookedMonth,
            s == null || s.Terms == null ? null : s.Terms.CommissionBp, s == null || s.Terms == null ? null : s.Terms.AdvancePercent,
            s == null || s.Terms == null ? null : s.Terms.AdvanceDays, s == null || s.Terms == null ? null : s.Terms.BalanceDays,
            s == null || s.Terms == null ? null : s.Terms.AgreementCode, a == null ? null : a.Type, a == null ? null : a.Reason);

    private static async Task<StatementDocument> DocumentAsync(BackOfficeDbContext db, Statement statement, CancellationToken ct,
        DateTime? issuedAt = null, StatementStatus? status = null, string? reason = null)
    {
        var supplier = await db.Suppliers.AsNoTracking().FirstAsync(s => s.Id == statement.SupplierId, ct);
        var entries = await EntriesOfAsync(db, statement, ct);
        var lines = await Lines(db, entries.OrderBy(e => e.DueDate).ThenBy(e => e.Id)).ToListAsync(ct);
        var byType = lines.Where(l => l.AdjustmentType is not null).GroupBy(l => l.AdjustmentType!.Value).OrderBy(g => g.Key)
            .Select(g => new AdjustmentTotal(g.Key, g.Sum(l => l.AmountFen), g.Count())).ToList();
        return new StatementDocument(statement.Id, statement.Number, supplier.Code, supplier.Name, supplier.BankAccount.AccountName, supplier.BankAccount.BankName,
            supplier.BankAccount.AccountNumber, statement.Month, statement.Version, status ?? statement.Status,
            statement.AdvancesFen, statement.BalancesFen, statement.ClawbacksFen, statement.AdjustmentsFen, statement.CarryInFen, statement.PayableFen, statement.CarryOutFen,
            byType, lines, issuedAt ?? statement.IssuedAt, reason ?? statement.VersionReason);
    }

    private static IQueryable<RowData> Rows(BackOfficeDbContext db) =>
        from s in db.Statements.AsNoTracking()
        join p in db.Suppliers on s.SupplierId equals p.Id
        select new RowData
        {
            Id = s.Id, Number = s.Number, SupplierCode = p.Code, SupplierName = p.Name, Month = s.Month, Version = s.Version, Status = s.Status,
            PayableFen = s.PayableFen, CarryInFen = s.CarryInFen, CarryOutFen = s.CarryOutFen, EntryCount = s.EntryCount, IssuedAt = s.IssuedAt,
            PaymentReference = s.PaymentReference, PaidOn = s.PaidOn,
        };

    private sealed class RowData
    {
        public int Id { get; init; }
        public string Number { get; init; } = "";
        public string SupplierCode { get; init; } = "";
        public string SupplierName { get; init; } = "";
        public int Month { get; init; }
        public int Version { get; init; }
        public StatementStatus Status { get; init; }
        public long PayableFen { get; init; }
        public long CarryInFen { get; init; }
        public long CarryOutFen { get; init; }
        public int EntryCount { get; init; }
        public DateTime? IssuedAt { get; init; }
        public string? PaymentReference { get; init; }
        public DateOnly? PaidOn { get; init; }

        public StatementRow ToRow() => new(Id, Number, SupplierCode, SupplierName, Month, Version, Status, PayableFen, CarryInFen, CarryOutFen, EntryCount,
            IssuedAt, PaymentReference, PaidOn);
    }

    private static DomainException NotFound(int id) => new($"找不到对账单 {id} · No statement {id}");
}
