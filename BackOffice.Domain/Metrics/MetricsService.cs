using BackOffice.Domain.Orders;
using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Metrics;

/// <summary>The one place where GMV, net GMV, orders, refund rate and the rest are defined.</summary>
public sealed class MetricsService(IDbContextFactory<BackOfficeDbContext> factory)
{
    public async Task<SalesFigures> ComputeAsync(MetricsFilter filter, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var lines = Lines(db, filter);
        var sums = await lines.GroupBy(_ => 1).Select(g => new
        {
            Gmv = g.Sum(l => l.PaidFen),
            Refund = g.Sum(l => l.RefundFen),
            Items = g.Sum(l => (long)l.Quantity),
            Commission = g.Sum(l => l.ShopkeeperCommissionFen),
        }).FirstOrDefaultAsync(ct);
        if (sums is null) return SalesFigures.Empty with { NewShopkeepers = await NewShopkeepersAsync(db, filter, ct) };
        var orders = await lines.Select(l => l.OrderId).Distinct().LongCountAsync(ct);
        var active = await lines.Select(l => l.ShopkeeperId).Distinct().LongCountAsync(ct);
        return new SalesFigures(sums.Gmv, sums.Gmv - sums.Refund, orders, sums.Items, sums.Refund, sums.Commission, active,
            await NewShopkeepersAsync(db, filter, ct));
    }

    public async Task<IReadOnlyList<DailyFigures>> DailyAsync(MetricsFilter filter, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await Lines(db, filter).GroupBy(l => l.OrderedOn)
            .Select(g => new DailyFigures(g.Key, g.Sum(l => l.PaidFen), g.Sum(l => l.PaidFen - l.RefundFen), g.Sum(l => (long)l.Quantity)))
            .ToListAsync(ct);
        var byDay = rows.ToDictionary(r => r.Day);
        var days = new List<DailyFigures>();
        for (var day = filter.From; day <= filter.To; day = day.AddDays(1))
        {
            days.Add(byDay.GetValueOrDefault(day) ?? new DailyFigures(day, 0, 0, 0));
        }
        return days;
    }

    /// <summary>The shopkeepers with the highest GMV under a filter (a sale's top sellers), with their net GMV, orders and items.</summary>
    public async Task<IReadOnlyList<ShopkeeperFigures>> TopShopkeepersAsync(MetricsFilter filter, int count, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var top = await Lines(db, filter).GroupBy(l => l.ShopkeeperId)
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
        Lines(db, new MetricsFilter(from, to, BrandIds: brandIds)).SumAsync(l => l.PaidFen - l.RefundFen, ct);

    internal static IQueryable<OrderLine> Lines(BackOfficeDbContext db, MetricsFilter filter)
    {
        var lines = db.OrderLines.AsNoTracking().Where(l => l.OrderedOn >= filter.From && l.OrderedOn <= filter.To);
        if (filter.Category is { } category) lines = lines.Where(l => l.Category == category);
        if (filter.BrandId is { } brandId) lines = lines.Where(l => l.BrandId == brandId);
        if (filter.BrandIds is { } brandIds) lines = lines.Where(l => brandIds.Contains(l.BrandId));
        if (filter.SaleId is { } saleId) lines = lines.Where(l => l.SaleId == saleId);
        if (filter.Province is { } province)
            lines = lines.Where(l => db.Shopkeepers.Any(s => s.Id == l.ShopkeeperId && s.Province == province));
        return lines;
    }

    private static Task<long> NewShopkeepersAsync(BackOfficeDbContext db, MetricsFilter filter, CancellationToken ct)
    {
        var shopkeepers = db.Shopkeepers.AsNoTracking().Where(s => s.JoinedOn >= filter.From && s.JoinedOn <= filter.To);
        if (filter.Province is { } province) shopkeepers = shopkeepers.Where(s => s.Province == province);
        return shopkeepers.LongCountAsync(ct);
    }
}
