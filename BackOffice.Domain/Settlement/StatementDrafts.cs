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
        if (supplierId is { } only) open = open.Where(e => e.SupplierId == only);

        var sums = await open.GroupBy(e => new { e.SupplierId, e.BookedMonth, e.Kind })
            .Select(g => new { g.Key.SupplierId, g.Key.BookedMonth, g.Key.Kind, Sum = g.Sum(e => e.AmountFen), Count = g.Count() })
            .ToListAsync(ct);
        var bySupplier = sums.GroupBy(s => s.SupplierId).ToDictionary(g => g.Key, g => g.GroupBy(r => r.BookedMonth).ToDictionary(m => m.Key, m =>
        {
            var totals = new MonthTotals();
            foreach (var r in m) totals.Add(r.Kind, r.Sum, r.Count);
            return totals;
        }));
        var ledgers = await SupplierStatements.LoadAsync(db, supplierId is { } one ? [one] : null, bySupplier.Keys, ct);
        var count = 0;
        foreach (var id in bySupplier.Keys.Union(ledgers.Keys).Order())
        {
            count += Chain(db, id, ledgers.GetValueOrDefault(id) ?? SupplierStatements.None, bySupplier.GetValueOrDefault(id) ?? [], now);
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
            var suppliers = booked.Suppliers.Keys.ToList();
            var ledgers = await SupplierStatements.LoadAsync(db, suppliers, suppliers, ct);
            foreach (var (id, bookedMonths) in booked.Suppliers.OrderBy(s => s.Key))
            {
                var ledger = ledgers.GetValueOrDefault(id) ?? SupplierStatements.None;
                var months = new Dictionary<int, MonthTotals>();
                foreach (var draft in ledger.Drafts.Where(s => s.EntryCount > 0))
                {
                    months[draft.Month] = MonthTotals.Of(draft.Figures);
                }
                foreach (var (month, totals) in bookedMonths)
                {
                    if (!months.TryGetValue(month, out var sum)) months[month] = sum = new MonthTotals();
                    sum.Add(totals);
                }
                Chain(db, id, ledger, months, now);
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
        }
        return await db.Statements.CountAsync(s => s.Status == StatementStatus.Draft, ct);
    }

    /// <summary>One supplier: the drafts after its last issued statement, from the open months' totals; returns how many.</summary>
    private static int Chain(BackOfficeDbContext db, int supplierId, SupplierStatements own, Dictionary<int, MonthTotals> totals, DateTime now)
    {
        var lastIssued = own.IssuedMonth;
        var carry = own.IssuedCarryOutFen;
        var months = totals.Where(t => t.Key > lastIssued).ToDictionary(t => t.Key, t => t.Value.ToFigures());
        var drafts = own.Drafts.ToDictionary(s => s.Month);
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
                    var version = own.FrozenAfterIssued.GetValueOrDefault(month) + 1;
                    draft = new Statement(supplierId, own.Code ?? throw new InvalidOperationException($"No code for supplier {supplierId}"), month, version, now);
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

    /// <summary>
    /// What the chain of one supplier needs, and no more: its drafts (tracked, to change or remove), and for a
    /// supplier with open totals its code, the month and carry-out of its last issued statement and the frozen
    /// versions of any later month (none unless the data is odd; they number a new draft). Read set-based,
    /// never every statement ever issued.
    /// </summary>
    private sealed record SupplierStatements(string? Code, int IssuedMonth, long IssuedCarryOutFen, List<Statement> Drafts, Dictionary<int, int> FrozenAfterIssued)
    {
        public static readonly SupplierStatements None = new(null, 0, 0, [], []);

        /// <param name="draftsOf">Suppliers whose drafts are rebuilt; null for all.</param>
        /// <param name="withTotals">Suppliers with open totals, whose drafts may be created.</param>
        public static async Task<Dictionary<int, SupplierStatements>> LoadAsync(BackOfficeDbContext db, IReadOnlyCollection<int>? draftsOf,
            IReadOnlyCollection<int> withTotals, CancellationToken ct)
        {
            var drafts = (await (draftsOf is null ? db.Statements : db.Statements.Where(s => draftsOf.Contains(s.SupplierId)))
                .Where(s => s.Status == StatementStatus.Draft).ToListAsync(ct)).ToLookup(s => s.SupplierId);
            var frozen = db.Statements.AsNoTracking().Where(s => withTotals.Contains(s.SupplierId) && s.Status != StatementStatus.Draft);
            var current = frozen.Where(s => s.Status != StatementStatus.Superseded);
            var issued = await current.GroupBy(s => s.SupplierId)
                .Select(g => g.OrderByDescending(s => s.Month).ThenByDescending(s => s.Version).Select(s => new { s.SupplierId, s.Month, s.CarryOutFen }).First())
                .ToDictionaryAsync(s => s.SupplierId, ct);
            var later = (await frozen.Where(s => !current.Any(c => c.SupplierId == s.SupplierId && c.Month >= s.Month))
                .GroupBy(s => new { s.SupplierId, s.Month }).Select(g => new { g.Key.SupplierId, g.Key.Month, Count = g.Count() })
                .ToListAsync(ct)).ToLookup(s => s.SupplierId);
            var codes = await db.Suppliers.AsNoTracking().Where(s => withTotals.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Code, ct);
            return drafts.Select(d => d.Key).Union(withTotals).ToDictionary(id => id, id => new SupplierStatements(codes.GetValueOrDefault(id),
                issued.GetValueOrDefault(id)?.Month ?? 0, issued.GetValueOrDefault(id)?.CarryOutFen ?? 0,
                drafts[id].ToList(), later[id].ToDictionary(l => l.Month, l => l.Count)));
        }
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
