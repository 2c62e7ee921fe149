using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Metrics;

/// <summary>
/// The one place where GMV, net GMV, orders, refund rate and the rest are defined (DESIGN.md
/// "Metrics"). Figures are read from the aggregates the imports keep; <see cref="LineMetrics"/>
/// computes the same figures straight from the order lines and is only the reference that tests and
/// the benchmark compare against.
/// </summary>
public sealed class MetricsService(IDbContextFactory<BackOfficeDbContext> factory)
{
    public async Task<SalesFigures> ComputeAsync(MetricsFilter filter, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await ComputeAsync(db, filter, ct);
    }

    internal static async Task<SalesFigures> ComputeAsync(BackOfficeDbContext db, MetricsFilter filter, CancellationToken ct)
    {
        // A single sale is small; its figures come from its lines (the aggregates are per brand-day).
        if (filter.SaleId is not null) return await LineMetrics.ComputeAsync(db, filter, ct);
        var totals = await ShopkeeperTotals.ReadAsync(db, filter, ct);
        var newShopkeepers = await LineMetrics.NewShopkeepersAsync(db, filter, ct);
        if (totals.Active.Count == 0) return SalesFigures.Empty with { NewShopkeepers = newShopkeepers };
        var (gmv, refund, items, orders, commission) = totals.Sum();
        return new SalesFigures(gmv, gmv - refund, orders, items, refund, commission, totals.Active.Count, newShopkeepers);
    }

    public async Task<IReadOnlyList<DailyFigures>> DailyAsync(MetricsFilter filter, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await DailyAsync(db, filter, ct);
    }

    internal static async Task<IReadOnlyList<DailyFigures>> DailyAsync(BackOfficeDbContext db, MetricsFilter filter, CancellationToken ct)
    {
        if (filter.SaleId is not null) return await LineMetrics.DailyAsync(db, filter, ct);
        // Unsliced or by category, each day's pack row carries the day's sums: a year is 365 rows.
        var rows = filter.Province is null && !BrandSliced(filter)
            ? await db.ShopkeeperSalesPacks.AsNoTracking()
                .Where(p => p.Span == PackSpan.Day && p.Category == (filter.Category ?? "") && p.Start >= filter.From && p.Start <= filter.To)
                .Select(p => new DailyFigures(p.Start, p.GmvFen, p.GmvFen - p.RefundFen, p.Items)).ToListAsync(ct)
            : await Daily(db, filter).GroupBy(d => d.Day)
                .Select(g => new DailyFigures(g.Key, g.Sum(d => d.GmvFen), g.Sum(d => d.GmvFen - d.RefundFen), g.Sum(d => d.Items))).ToListAsync(ct);
        return LineMetrics.FillDays(filter, rows);
    }

    /// <summary>The shopkeepers with the highest GMV under a filter (a sale's top sellers), with their net GMV, orders and items.</summary>
    public async Task<IReadOnlyList<ShopkeeperFigures>> TopShopkeepersAsync(MetricsFilter filter, int count, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var top = await LineMetrics.Lines(db, filter).GroupBy(l => l.ShopkeeperId)
            .Select(g => new
            {
                ShopkeeperId = g.Key,
                Gmv = g.Sum(l => l.PaidFen),
                Net = g.Sum(l => l.PaidFen - l.RefundFen),
                Orders = g.Select(l => l.OrderId).Distinct().Count(),
                Items = g.Sum(l => (long)l.Quantity),
            })
            .OrderByDescending(r => r.Gmv).ThenBy(r => r.ShopkeeperId).Take(count).ToListAsync(ct);
        var ids = top.Select(t => t.ShopkeeperId).ToList();
        var people = await db.Shopkeepers.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.Code, s.RealNameMasked, s.City }).ToDictionaryAsync(s => s.Id, ct);
        return top.Select(t => new ShopkeeperFigures(t.ShopkeeperId, people.GetValueOrDefault(t.ShopkeeperId)?.Code ?? "",
            people.GetValueOrDefault(t.ShopkeeperId)?.RealNameMasked ?? "", people.GetValueOrDefault(t.ShopkeeperId)?.City ?? "",
            t.Gmv, t.Net, t.Orders, t.Items)).ToList();
    }

    /// <summary>Net GMV of some brands over a term: what agreement progress and tiers are measured by.</summary>
    public async Task<long> NetGmvAsync(IReadOnlyCollection<int> brandIds, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await NetGmvAsync(db, brandIds, from, to, ct);
    }

    /// <summary>The same, inside a caller's context (for use within a business transaction).</summary>
    public static Task<long> NetGmvAsync(BackOfficeDbContext db, IReadOnlyCollection<int> brandIds, DateOnly from, DateOnly to, CancellationToken ct) =>
        Daily(db, new MetricsFilter(from, to, BrandIds: brandIds)).SumAsync(d => d.GmvFen - d.RefundFen, ct);

    internal static IQueryable<DailySales> Daily(BackOfficeDbContext db, MetricsFilter filter)
    {
        var rows = db.DailySales.AsNoTracking().Where(d => d.Day >= filter.From && d.Day <= filter.To);
        if (filter.Category is { } category) rows = rows.Where(d => d.Category == category);
        if (filter.BrandId is { } brandId) rows = rows.Where(d => d.BrandId == brandId);
        if (filter.BrandIds is { } brandIds) rows = rows.Where(d => brandIds.Contains(d.BrandId));
        if (filter.Province is { } province) rows = rows.Where(d => d.Province == province);
        return rows;
    }

    internal static IQueryable<ShopkeeperDailySales> ShopkeeperDays(BackOfficeDbContext db, MetricsFilter filter)
    {
        var rows = db.ShopkeeperDailySales.AsNoTracking().Where(d => d.Day >= filter.From && d.Day <= filter.To);
        if (filter.Category is { } category) rows = rows.Where(d => d.Category == category);
        if (filter.BrandId is { } brandId) rows = rows.Where(d => d.BrandId == brandId);
        if (filter.BrandIds is { } brandIds) rows = rows.Where(d => brandIds.Contains(d.BrandId));
        if (filter.Province is { } province) rows = rows.Where(d => d.Province == province);
        return rows;
    }

    /// <summary>Sliced finer than a category: only the daily per-shopkeeper rows carry the brand (the packs do not).</summary>
    internal static bool BrandSliced(MetricsFilter filter) => filter.BrandId is not null || filter.BrandIds is not null || filter.SaleId is not null;

    /// <summary>The first day of the first and the last day of the last whole calendar month within from … to (first &gt; last when none).</summary>
    internal static (DateOnly First, DateOnly LastEnd) WholeMonths(DateOnly from, DateOnly to)
    {
        var first = from.Day == 1 ? from : new DateOnly(from.Year, from.Month, 1).AddMonths(1);
        var lastEnd = to.AddDays(1).Day == 1 ? to : new DateOnly(to.Year, to.Month, 1).AddDays(-1);
        return (first, lastEnd);
    }
}
