using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Settlement;

/// <summary>
/// Keeps the draft statements equal to the ledger inside the caller's transaction: one per supplier and open
/// month that has entries or a carry-in, carrying a negative total month to month. Deterministic, so a run
/// that books nothing leaves the drafts as they were.
/// </summary>
public sealed class StatementDrafts
{
    /// <summary>Recomputes the drafts from the ledger's open entries (one supplier, or all).</summary>
    public async Task<int> RebuildAsync(BackOfficeDbContext db, DateTime now, int? supplierId, CancellationToken ct)
    {
        var open = db.SettlementEntries.AsNoTracking().Where(e => e.StatementId == null);
        var statements = db.Statements.AsQueryable();
        if (supplierId is { } only)
        {
            open = open.Where(e => e.SupplierId == only);
            statements = statements.Where(s => s.SupplierId == only);
        }

        var sums = await open.GroupBy(e => new { e.SupplierId, e.BookedMonth, e.Kind })
            .Select(g => new { g.Key.SupplierId, g.Key.BookedMonth, g.Key.Kind, Sum = g.Sum(e => e.AmountFen), Count = g.Count() })
            .ToListAsync(ct);
        var existing = await statements.ToListAsync(ct);
        var codes = await db.Suppliers.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Code, ct);

        var bySupplier = sums.GroupBy(s => s.SupplierId).ToDictionary(g => g.Key, g => g.GroupBy(r => r.BookedMonth).ToDictionary(m => m.Key, m =>
        {
            var totals = new MonthTotals();
            foreach (var r in m) totals.Add(r.Kind, r.Sum, r.Count);
            return totals;
        }));
        var statementsBySupplier = existing.GroupBy(s => s.SupplierId).ToDictionary(g => g.Key, g => g.ToList());
        var count = 0;
        foreach (var id in bySupplier.Keys.Union(statementsBySupplier.Keys).Order())
        {
            count += Chain(db, id, codes[id], statementsBySupplier.GetValueOrDefault(id) ?? [], bySupplier.GetValueOrDefault(id) ?? [], now);
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        return count;
    }

    /// <summary>
    /// After a settlement run: each supplier the run booked for gets, per open month, its draft's figures plus
    /// what the run booked into that month, then the carry chain again. The drafts equal the ledger before the
    /// run (every writer of entries keeps them so), so this equals <see cref="RebuildAsync"/> without reading
    /// the month's millions of entries back. Returns the number of drafts.
    /// </summary>
    public async Task<int> ApplyAsync(BackOfficeDbContext db, DateTime now, LedgerBookings booked, CancellationToken ct)
    {
        if (booked.Suppliers.Count > 0)
        {
            var existing = await db.Statements.ToListAsync(ct);
            var codes = await db.Suppliers.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Code, ct);
            var statementsBySupplier = existing.GroupBy(s => s.SupplierId).ToDictionary(g => g.Key, g => g.ToList());
            foreach (var (id, bookedMonths) in booked.Suppliers.OrderBy(s => s.Key))
            {
                var own = statementsBySupplier.GetValueOrDefault(id) ?? [];
                var months = new Dictionary<int, MonthTotals>();
                foreach (var draft in own.Where(s => s.Status == StatementStatus.Draft && s.EntryCount > 0))
                {
                    months[draft.Month] = MonthTotals.Of(draft.Figures);
                }
                foreach (var (month, totals) in bookedMonths)
                {
                    if (!months.TryGetValue(month, out var sum)) months[month] = sum = new MonthTotals();
                    sum.Add(totals);
                }
                Chain(db, id, codes[id], own, months, now);
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
        }
        return await db.Statements.CountAsync(s => s.Status == StatementStatus.Draft, ct);
    }

    /// <summary>One supplier: the drafts after its last issued statement, from the open months' totals; returns how many.</summary>
    private static int Chain(BackOfficeDbContext db, int supplierId, string code, List<Statement> own, Dictionary<int, MonthTotals> totals, DateTime now)
    {
        var current = own.Where(s => s.Status is not (StatementStatus.Draft or StatementStatus.Superseded)).MaxBy(s => (s.Month, s.Version));
        var lastIssued = current?.Month ?? 0;
        var carry = current?.CarryOutFen ?? 0;
        var months = totals.Where(t => t.Key > lastIssued).ToDictionary(t => t.Key, t => t.Value.ToFigures());
        var drafts = own.Where(s => s.Status == StatementStatus.Draft).ToDictionary(s => s.Month);
        var wanted = new HashSet<int>();
        if (months.Count > 0)
        {
            var last = months.Keys.Max();
            var month = carry < 0 ? SettlementMonth.Next(lastIssued) : months.Keys.Min();
            for (; month <= last; month = SettlementMonth.Next(month))
            {
                var has = months.TryGetValue(month, out var figures);
                if (!has && carry == 0) continue;
                if (!drafts.TryGetValue(month, out var draft))
                {
                    var version = own.Count(s => s.Month == month) + 1;
                    draft = new Statement(supplierId, code, month, version, now);
                    db.Statements.Add(draft);
                }
                draft.SetFigures(figures ?? StatementFigures.None, carry, now);
                carry = draft.CarryOutFen;
                wanted.Add(month);
            }
        }
        foreach (var stale in drafts.Values.Where(d => !wanted.Contains(d.Month))) db.Statements.Remove(stale);
        return wanted.Count;
    }
}

/// <summary>What one month holds by kind: entry sums as booked (clawbacks negative) and the entry count.</summary>
public sealed class MonthTotals
{
    public long AdvancesFen { get; private set; }
    public long BalancesFen { get; private set; }
    public long ClawbacksFen { get; private set; }
    public long AdjustmentsFen { get; private set; }
    public int EntryCount { get; private set; }

    public void Add(EntryKind kind, long amountFen, int count = 1)
    {
        switch (kind)
        {
            case EntryKind.Advance: AdvancesFen += amountFen; break;
            case EntryKind.Balance: BalancesFen += amountFen; break;
            case EntryKind.Clawback: ClawbacksFen += amountFen; break;
            case EntryKind.Adjustment: AdjustmentsFen += amountFen; break;
        }
        EntryCount += count;
    }

    public void Add(MonthTotals other)
    {
        (AdvancesFen, BalancesFen, ClawbacksFen, AdjustmentsFen, EntryCount) = (AdvancesFen + other.AdvancesFen, BalancesFen + other.BalancesFen,
            ClawbacksFen + other.ClawbacksFen, AdjustmentsFen + other.AdjustmentsFen, EntryCount + other.EntryCount);
    }

    /// <summary>A statement shows clawbacks as a positive amount that is subtracted.</summary>
    public StatementFigures ToFigures() => new(AdvancesFen, BalancesFen, -ClawbacksFen, AdjustmentsFen, EntryCount);

    public static MonthTotals Of(StatementFigures figures) => new()
    {
        AdvancesFen = figures.AdvancesFen, BalancesFen = figures.BalancesFen, ClawbacksFen = -figures.ClawbacksFen,
        AdjustmentsFen = figures.AdjustmentsFen, EntryCount = figures.EntryCount,
    };
}

/// <summary>What a settlement run booked, per supplier and statement month.</summary>
public sealed class LedgerBookings
{
    private readonly Dictionary<int, Dictionary<int, MonthTotals>> _suppliers = [];

    public IReadOnlyDictionary<int, Dictionary<int, MonthTotals>> Suppliers => _suppliers;

    public void Add(int supplierId, int month, EntryKind kind, long amountFen)
    {
        if (!_suppliers.TryGetValue(supplierId, out var months)) _suppliers[supplierId] = months = [];
        if (!months.TryGetValue(month, out var totals)) months[month] = totals = new MonthTotals();
        totals.Add(kind, amountFen);
    }
}
