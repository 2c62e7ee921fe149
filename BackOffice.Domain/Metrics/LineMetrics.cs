using BackOffice.Domain.Orders;
using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Metrics;

/// <summary>
/// DESIGN.md "Metrics" computed straight from the order lines: the reference the aggregates are
/// tested and benchmarked against, and the path for a single sale. Dashboards never call it.
/// </summary>
public static class LineMetrics
{
    public static async Task<SalesFigures> ComputeAsync(BackOfficeDbContext db, MetricsFilter filter, CancellationToken ct = default)
    {
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

    public static async Task<IReadOnlyList<DailyFigures>> DailyAsync(BackOfficeDbContext db, MetricsFilter filter, CancellationToken ct = default)
    {
        var rows = await Lines(db, filter).GroupBy(l => l.OrderedOn)
            .Select(g => new DailyFigures(g.Key, g.Sum(l => l.PaidFen), g.Sum(l => l.PaidFen - l.RefundFen), g.Sum(l => (long)l.Quantity)))
            .ToListAsync(ct);
        return FillDays(filter, rows);
    }

    internal static IReadOnlyList<DailyFigures> FillDays(MetricsFilter filter, IEnumerable<DailyFigures> rows)
    {
        var byDay = rows.ToDictionary(r => r.Day);
        var days = new List<DailyFigures>();
        for (var day = filter.From; day <= filter.To; day = day.AddDays(1))
        {
            days.Add(byDay.GetValueOrDefault(day) ?? new DailyFigures(day, 0, 0, 0));
        }
        return days;
    }

    public static IQueryable<OrderLine> Lines(BackOfficeDbContext db, MetricsFilter filter)
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

    internal static Task<long> NewShopkeepersAsync(BackOfficeDbContext db, MetricsFilter filter, CancellationToken ct)
    {
        var shopkeepers = db.Shopkeepers.AsNoTracking().Where(s => s.JoinedOn >= filter.From && s.JoinedOn <= filter.To);
        if (filter.Province is { } province) shopkeepers = shopkeepers.Where(s => s.Province == province);
        return shopkeepers.LongCountAsync(ct);
    }
}
