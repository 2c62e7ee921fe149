using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Settlement;

/// <summary>
/// Rebuilds the draft statements from the ledger inside the caller's transaction: one per supplier and
/// open month that has entries or a carry-in, carrying a negative total month to month. Deterministic,
/// so a run that books nothing leaves the drafts as they were.
/// </summary>
public sealed class StatementDrafts
{
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

        var bySupplier = sums.GroupBy(s => s.SupplierId).ToDictionary(g => g.Key, g => g.ToList());
        var statementsBySupplier = existing.GroupBy(s => s.SupplierId).ToDictionary(g => g.Key, g => g.ToList());
        var count = 0;
        foreach (var id in bySupplier.Keys.Union(statementsBySupplier.Keys).Order())
        {
            var own = statementsBySupplier.TryGetValue(id, out var list) ? list : [];
            var current = own.Where(s => s.Status is not (StatementStatus.Draft or StatementStatus.Superseded)).MaxBy(s => (s.Month, s.Version));
            var lastIssued = current?.Month ?? 0;
            var carry = current?.CarryOutFen ?? 0;
            var months = (bySupplier.TryGetValue(id, out var rows) ? rows : [])
                .Where(r => r.BookedMonth > lastIssued)
                .GroupBy(r => r.BookedMonth)
                .ToDictionary(g => g.Key, g => new StatementFigures(
                    g.Where(r => r.Kind == EntryKind.Advance).Sum(r => r.Sum),
                    g.Where(r => r.Kind == EntryKind.Balance).Sum(r => r.Sum),
                    -g.Where(r => r.Kind == EntryKind.Clawback).Sum(r => r.Sum),
                    g.Where(r => r.Kind == EntryKind.Adjustment).Sum(r => r.Sum),
                    g.Sum(r => r.Count)));
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
                        draft = new Statement(id, codes[id], month, version, now);
                        db.Statements.Add(draft);
                    }
                    draft.SetFigures(figures ?? StatementFigures.None, carry, now);
                    carry = draft.CarryOutFen;
                    wanted.Add(month);
                    count++;
                }
            }
            foreach (var stale in drafts.Values.Where(d => !wanted.Contains(d.Month))) db.Statements.Remove(stale);
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        return count;
    }
}
