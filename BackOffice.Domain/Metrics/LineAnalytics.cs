using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Metrics;

/// <summary>
/// Segments, concentration and cohorts computed straight from the order lines with
/// <see cref="Segments.Classify"/>: the reference <see cref="AnalyticsService"/> is tested and
/// benchmarked against. Dashboards never call it.
/// </summary>
public static class LineAnalytics
{
    public static async Task<SegmentFigures> SegmentsAsync(BackOfficeDbContext db, SegmentFilter filter, CancellationToken ct = default)
    {
        var latest = filter.Day > filter.CompareDay ? filter.Day : filter.CompareDay;
        var shopkeepers = db.Shopkeepers.AsNoTracking().Where(k => k.JoinedOn <= latest);
        if (filter.Province is { } province) shopkeepers = shopkeepers.Where(k => k.Province == province);
        var joined = await shopkeepers.Select(k => new { k.Id, k.JoinedOn }).ToDictionaryAsync(k => k.Id, k => k.JoinedOn, ct);
        var days = new Dictionary<int, List<(DateOnly, long)>>();
        var lines = db.OrderLines.AsNoTracking().Where(l => l.OrderedOn < latest)
            .GroupBy(l => new { l.ShopkeeperId, l.OrderedOn }).Select(g => new { g.Key.ShopkeeperId, g.Key.OrderedOn, Net = g.Sum(l => l.PaidFen - l.RefundFen) });
        await foreach (var l in lines.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!joined.ContainsKey(l.ShopkeeperId)) continue;
            if (!days.TryGetValue(l.ShopkeeperId, out var list)) days[l.ShopkeeperId] = list = [];
            list.Add((l.OrderedOn, l.Net));
        }
        var moves = new Dictionary<(ShopkeeperSegment?, ShopkeeperSegment), long>();
        var compare = new Dictionary<ShopkeeperSegment, long>();
        foreach (var (id, joinedOn) in joined)
        {
            var history = days.GetValueOrDefault(id) ?? [];
            ShopkeeperSegment? from = joinedOn > filter.CompareDay ? null : Segments.Classify(filter.CompareDay, joinedOn, history);
            if (from is { } f) compare[f] = compare.GetValueOrDefault(f) + 1;
            if (joinedOn > filter.Day) continue;
            var to = Segments.Classify(filter.Day, joinedOn, history);
            moves[(from, to)] = moves.GetValueOrDefault((from, to)) + 1;
        }
        var list2 = moves.Select(m => new SegmentMove(m.Key.Item1, m.Key.Item2, m.Value)).OrderBy(m => m.From ?? (ShopkeeperSegment)(-1)).ThenBy(m => m.To).ToList();
        var counts = Segments.All.Select(s => new SegmentCount(s, list2.Where(m => m.To == s).Sum(m => m.Count), compare.GetValueOrDefault(s))).ToList();
        return new SegmentFigures(filter, counts, list2);
    }

    public static async Task<ConcentrationFigures> ConcentrationAsync(BackOfficeDbContext db, MetricsFilter filter, CancellationToken ct = default)
    {
        var period = await LineMetrics.Lines(db, filter).GroupBy(l => l.ShopkeeperId).Select(g => g.Sum(l => l.PaidFen)).ToListAsync(ct);
        var lastMonth = AnalyticsService.FirstOfMonth(filter.To);
        var firstMonth = lastMonth.AddMonths(-(AnalyticsService.TrendMonths - 1));
        var perDay = await LineMetrics.Lines(db, filter with { From = firstMonth, To = lastMonth.AddMonths(1).AddDays(-1) })
            .GroupBy(l => new { l.ShopkeeperId, l.OrderedOn }).Select(g => new { g.Key.ShopkeeperId, g.Key.OrderedOn, Gmv = g.Sum(l => l.PaidFen) }).ToListAsync(ct);
        var byMonth = perDay.GroupBy(d => (AnalyticsService.FirstOfMonth(d.OrderedOn), d.ShopkeeperId)).GroupBy(g => g.Key.Item1)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Sum(d => d.Gmv)).ToArray());
        var trend = new List<MonthlyConcentration>();
        for (var month = firstMonth; month <= lastMonth; month = month.AddMonths(1))
        {
            var values = byMonth.GetValueOrDefault(month) ?? [];
            trend.Add(new MonthlyConcentration(month, values.Length, values.Sum(), AnalyticsService.Deciles(values)[0].Share));
        }
        var all = period.ToArray();
        return new ConcentrationFigures(filter, all.Length, all.Sum(), AnalyticsService.Deciles(all), trend);
    }

    public static async Task<CohortFigures> CohortsAsync(BackOfficeDbContext db, CohortFilter filter, CancellationToken ct = default)
    {
        var from = AnalyticsService.FirstOfMonth(filter.FromMonth);
        var to = AnalyticsService.FirstOfMonth(filter.ToMonth).AddMonths(1).AddDays(-1);
        var end = AnalyticsService.FirstOfMonth(filter.Through).AddMonths(1).AddDays(-1);
        var shopkeepers = db.Shopkeepers.AsNoTracking().Where(k => k.JoinedOn >= from && k.JoinedOn <= to);
        if (filter.Province is { } province) shopkeepers = shopkeepers.Where(k => k.Province == province);
        var joined = await shopkeepers.Select(k => new { k.Id, k.JoinedOn }).ToDictionaryAsync(k => k.Id, k => k.JoinedOn, ct);
        var lineDays = await db.OrderLines.AsNoTracking().Where(l => l.OrderedOn >= from && l.OrderedOn <= end)
            .Select(l => new { l.ShopkeeperId, l.OrderedOn }).Distinct().ToListAsync(ct);
        var active = lineDays.Where(l => joined.ContainsKey(l.ShopkeeperId))
            .Select(l => (l.ShopkeeperId, Month: AnalyticsService.FirstOfMonth(l.OrderedOn))).Distinct()
            .GroupBy(x => (joined[x.ShopkeeperId], x.Month)).Select(g => (g.Key.Item1, g.Key.Month, (long)g.Count()));
        return AnalyticsService.Cohorts(filter, joined.Values.GroupBy(d => d).Select(g => (g.Key, (long)g.Count())), active);
    }
}
