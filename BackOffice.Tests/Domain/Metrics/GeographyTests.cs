using BackOffice.Domain.Metrics;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Tests.Domain.Metrics;

public class GeographyTests
{
    [Theory]
    [InlineData("2026-09-01", "2026-11-30", null, null, null)]
    [InlineData("2026-08-25", "2026-12-05", "Beauty", null, null)]
    [InlineData("2026-09-01", "2026-10-31", null, "浙江", null)]
    [InlineData("2026-09-10", "2026-11-20", "Apparel", "广东", null)]
    [InlineData("2026-08-20", "2026-12-20", null, null, 2)]
    [InlineData("2026-09-03", "2026-09-20", null, "广东", 1)]
    public async Task Geography_AnyFilter_EqualsFiguresFromLines(string from, string to, string? category, string? province, int? brandId)
    {
        await using var database = await LeaderboardTests.DatabaseAsync(11);
        var filter = new MetricsFilter(Day(from), Day(to), Category: category, BrandId: brandId, Province: province);
        await using var db = database.NewContext();
        var sales = (await LineMetrics.Lines(db, filter).Join(db.Shopkeepers, l => l.ShopkeeperId, s => s.Id, (l, s) => new { s.Province, l.PaidFen, l.RefundFen, l.OrderId, l.ShopkeeperId })
            .ToListAsync()).GroupBy(x => x.Province).ToDictionary(g => g.Key,
                g => (Gmv: g.Sum(x => x.PaidFen), Net: g.Sum(x => x.PaidFen - x.RefundFen), Orders: (long)g.Select(x => x.OrderId).Distinct().Count(),
                    Active: (long)g.Select(x => x.ShopkeeperId).Distinct().Count()));
        var all = await db.Shopkeepers.Where(s => province == null || s.Province == province).GroupBy(s => s.Province)
            .Select(g => new { g.Key, Count = g.LongCount() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var expected = all.Keys.Select(p =>
        {
            var s = sales.GetValueOrDefault(p);
            return new ProvinceFigures(p, s.Gmv, s.Net, s.Orders, s.Active, all[p]);
        }).OrderByDescending(p => p.GmvFen).ThenBy(p => p.Province, StringComparer.Ordinal).ToList();

        var geography = await database.Get<DashboardService>().GeographyAsync(filter);

        Assert.Equal(expected, geography);
        Assert.Contains(geography, p => p.ActiveShopkeepers > 0);
    }

    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
