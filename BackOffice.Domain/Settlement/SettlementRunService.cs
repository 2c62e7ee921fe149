using System.Diagnostics;
using BackOffice.Domain.Audit;
using BackOffice.Domain.Common;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Persistence;
using BackOffice.Domain.Sales;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BackOffice.Domain.Settlement;

public sealed record SettlementProgress(string Phase, long Done, long Total)
{
    public int Percent => Total <= 0 ? 0 : (int)Math.Min(100, Done * 100 / Total);
}

public sealed record SettlementRunResult(DateOnly Through, long LinesExamined, long EntriesBooked, long AmountBookedFen, int Drafts, TimeSpan Elapsed);

/// <summary>
/// 结算: books, for every line shipped or refunded up to a date, the difference between its entitlements
/// and its ledger, then rebuilds the draft statements. One transaction; a second run books nothing.
/// </summary>
public sealed class SettlementRunService(
    IDbContextFactory<BackOfficeDbContext> factory, AuditTrail audit, TimeProvider clock, SettlementDefaults defaults, StatementDrafts drafts)
{
    private const int ChunkSize = 20_000;

    /// <summary>Writes through the portable multi-row INSERT writer whatever the provider (tests run it on SQLite).</summary>
    internal bool PortableWriter { get; init; }

    public async Task<SettlementRunResult> RunAsync(Actor actor, DateOnly through, IProgress<SettlementProgress>? progress = null, CancellationToken ct = default)
    {
        actor.Require(Roles.Finance, "settlement run");
        var watch = Stopwatch.StartNew();
        var now = clock.GetUtcNow().UtcDateTime;
        var end = ChinaTime.StartOfDayUtc(through.AddDays(1));
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));

        var supplierOfBrand = await db.Brands.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.SupplierId, ct);
        var fallback = defaults.ToSnapshot();
        var termsOfSale = (await db.Sales.AsNoTracking().Select(s => new { s.Id, s.Terms }).ToListAsync(ct))
            .ToDictionary(s => s.Id, s => s.Terms ?? fallback);
        var openMonth = (await LastIssuedMonthsAsync(db, ct)).ToDictionary(m => m.Key, m => SettlementMonth.Next(m.Value));

        progress?.Report(new SettlementProgress("count", 0, 0));
        var candidates = Candidates(db, end);
        // Progress runs over the id range: counting the candidates would scan every line once more.
        var total = await db.OrderLines.MaxAsync(l => (long?)l.Id, ct) ?? 0;
        progress?.Report(new SettlementProgress("book", 0, total));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsSqlite())
        {
            // A bigger page cache keeps the ledger's indexes in memory while millions of rows go in.
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144", ct);
        }
        var booked = new LedgerBookings();
        long examined = 0, entries = 0, amount = 0;
        using (var writer = LedgerWriter.Create(db, tx.GetDbTransaction(), now, PortableWriter))
        {
            long lastId = 0;
            while (true)
            {
                var chunk = await candidates.Where(c => c.OrderLineId > lastId).OrderBy(c => c.OrderLineId).Take(ChunkSize).ToListAsync(ct);
                if (chunk.Count == 0) break;
                foreach (var line in chunk)
                {
                    var supplierId = supplierOfBrand[line.BrandId];
                    var booking = Entitlements.Book(new LineState(line.OrderLineId, line.SaleId, line.PaidFen, line.ShippedAt, line.RefundFen, line.RefundedAt,
                        line.BookedShippedFen, line.BookedRefundFen ?? 0), termsOfSale.GetValueOrDefault(line.SaleId, fallback), end);
                    var open = openMonth.GetValueOrDefault(supplierId);
                    foreach (var entry in booking.Entries)
                    {
                        var month = Math.Max(SettlementMonth.Of(entry.DueDate), open);
                        writer.AddEntry(supplierId, entry.Kind, line.OrderLineId, line.SaleId, entry.AmountFen, entry.BasisFen, entry.DueDate, month);
                        booked.Add(supplierId, month, entry.Kind, entry.AmountFen);
                        entries++;
                        amount += entry.AmountFen;
                    }
                    if (line.BookedShippedFen is null) writer.AddLine(line.OrderLineId, supplierId, booking.ShippedFen, booking.RefundBookedFen);
                    else if (booking.RefundBookedFen != line.BookedRefundFen) writer.UpdateLine(line.OrderLineId, booking.RefundBookedFen);
                }
                // The next chunk's query joins the line ledger: it must see this chunk's rows.
                writer.Flush();
                examined += chunk.Count;
                lastId = chunk[^1].OrderLineId;
                progress?.Report(new SettlementProgress("book", lastId, total));
                ct.ThrowIfCancellationRequested();
            }
        }

        progress?.Report(new SettlementProgress("drafts", total, total));
        var draftCount = await drafts.ApplyAsync(db, now, booked, ct);
        await audit.RecordAsync(db, actor, "settlement.run", "Settlement", through.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            after: new { Through = through, LinesExamined = examined, EntriesBooked = entries, AmountBookedFen = amount, Drafts = draftCount }, ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        progress?.Report(new SettlementProgress("done", total, total));
        return new SettlementRunResult(through, examined, entries, amount, draftCount, watch.Elapsed);
    }

    /// <summary>Lines shipped by the end of the date whose shipment is not booked yet or whose refund grew since.</summary>
    private static IQueryable<Candidate> Candidates(BackOfficeDbContext db, DateTime end) =>
        from l in db.OrderLines.AsNoTracking()
        join s in db.LineSettlements.AsNoTracking() on l.Id equals s.OrderLineId into booked
        from s in booked.DefaultIfEmpty()
        where l.ShippedAt != null && l.ShippedAt < end
              && (s == null || (l.RefundFen > s.RefundBookedFen && l.RefundedAt < end))
        select new Candidate
        {
            OrderLineId = l.Id, BrandId = l.BrandId, SaleId = l.SaleId, PaidFen = l.PaidFen, ShippedAt = l.ShippedAt,
            RefundFen = l.RefundFen, RefundedAt = l.RefundedAt,
            BookedShippedFen = s == null ? null : s.ShippedFen, BookedRefundFen = s == null ? null : s.RefundBookedFen,
        };

    /// <summary>Per supplier, the last month with an issued statement; later entries of issued months go after it.</summary>
    internal static async Task<Dictionary<int, int>> LastIssuedMonthsAsync(BackOfficeDbContext db, CancellationToken ct) =>
        await db.Statements.AsNoTracking().Where(s => s.Status != StatementStatus.Draft)
            .GroupBy(s => s.SupplierId).Select(g => new { g.Key, Month = g.Max(s => s.Month) })
            .ToDictionaryAsync(x => x.Key, x => x.Month, ct);

    private sealed class Candidate
    {
        public long OrderLineId { get; init; }
        public int BrandId { get; init; }
        public int SaleId { get; init; }
        public long PaidFen { get; init; }
        public DateTime? ShippedAt { get; init; }
        public long RefundFen { get; init; }
        public DateTime? RefundedAt { get; init; }
        public long? BookedShippedFen { get; init; }
        public long? BookedRefundFen { get; init; }
    }
}
