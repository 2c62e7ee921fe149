using BackOffice.Domain.Common;
using BackOffice.Domain.Imports;
using BackOffice.Domain.Metrics;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static BackOffice.Tests.Builders.TradingData;

namespace BackOffice.Tests.Domain.Metrics;

public class LeaderboardTests
{
    private static readonly string[] Provinces = ["浙江", "广东"];

    internal static async Task<TestDatabase> DatabaseAsync(int seed)
    {
        var random = new Random(seed);
        var database = await TestDatabase.CreateAsync();
        await TradingData.SeedAsync(database, brands: 3);
        var import = database.Get<ImportService>();
        await Apply(import.ImportCsvAsync(People.FinanceChen, ImportKind.Shopkeepers, Csv(ShopkeeperHeader,
            Enumerable.Range(1, 20).Select(n => ShopkeeperRow(n, Provinces[n % 2], "2026-01-10")))));
        var rows = new List<string>();
        for (var o = 0; o < 120; o++)
        {
            var at = new DateTime(2026, 8, 20, 2, 0, 0, DateTimeKind.Utc).AddHours(random.Next(0, 24 * 120));
            var (brand, shopkeeper, paid) = (random.Next(1, 4), random.Next(1, 21), random.Next(1, 40) * 1_000L);
            var refund = random.Next(4) == 0 ? paid / 2 : 0;
            rows.Add(LineRow($"L{o}", $"O{o}", brand, 1, shopkeeper, 1, paid, random.Next(0, 500), orderedAt: at.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
                refund: refund, refundedAt: refund > 0 ? "2026-12-20T10:00:00+08:00" : ""));
        }
        await Apply(import.ImportCsvAsync(People.FinanceChen, ImportKind.OrderLines, Csv(OrderLineHeader, rows)));
        return database;
    }

    [Theory]
    [InlineData("2026-09-01", "2026-11-30", null, null, null, false)]
    [InlineData("2026-08-25", "2026-12-05", "Beauty", null, "Gmv", true)]
    [InlineData("2026-09-01", "2026-10-31", "Apparel", "浙江", "Orders", false)]
    [InlineData("2026-09-10", "2026-11-20", null, "广东", "Commission", true)]
    [InlineData("2026-09-03", "2026-09-20", null, null, "Orders", true)]
    public async Task Leaderboard_AnyFilterAndSort_RanksAsComputedFromLines(string from, string to, string? category, string? province, string? sortBy, bool descending)
    {
        await using var database = await DatabaseAsync(7);
        var filter = new MetricsFilter(Day(from), Day(to), Category: category, Province: province);
        await using var db = database.NewContext();
        var expected = (await LineMetrics.Lines(db, filter).GroupBy(l => l.ShopkeeperId)
                .Select(g => new { Id = g.Key, Gmv = g.Sum(l => l.PaidFen), Net = g.Sum(l => l.PaidFen - l.RefundFen), Orders = (long)g.Select(l => l.OrderId).Distinct().Count(), Commission = g.Sum(l => l.ShopkeeperCommissionFen) })
                .ToListAsync())
            .Select(x => (x.Id, x.Gmv, x.Net, x.Orders, x.Commission, Key: sortBy switch { "Orders" => x.Orders, "Commission" => x.Commission, _ => x.Gmv }))
            .ToList();
        var ranked = (descending || sortBy is null ? expected.OrderByDescending(x => x.Key) : expected.OrderBy(x => x.Key)).ThenBy(x => x.Id).ToList();

        var first = await database.Get<DashboardService>().LeaderboardAsync(filter, new PageRequest(0, 5, sortBy, descending), null);
        var second = await database.Get<DashboardService>().LeaderboardAsync(filter, new PageRequest(1, 5, sortBy, descending), null);

        Assert.Equal(ranked.Count, first.Total);
        Assert.Equal(ranked.Take(10).Select(x => (x.Id, x.Gmv, x.Net, x.Orders, x.Commission)),
            first.Items.Concat(second.Items).Select(r => (r.ShopkeeperId, r.GmvFen, r.NetGmvFen, r.Orders, r.CommissionFen)));
        Assert.Equal(Enumerable.Range(1, Math.Min(10, ranked.Count)), first.Items.Concat(second.Items).Select(r => r.Rank));
    }

    [Fact]
    public async Task Leaderboard_Search_CountsAndRanksOnlyMatchingShopkeepers()
    {
        await using var database = await DatabaseAsync(8);
        var filter = new MetricsFilter(new(2026, 8, 1), new(2026, 12, 31));
        var all = await database.Get<DashboardService>().LeaderboardAsync(filter, new PageRequest(0, 50), null);
        var code = all.Items[3].Code;

        var found = await database.Get<DashboardService>().LeaderboardAsync(filter, new PageRequest(0, 50), code);

        Assert.Equal(1, found.Total);
        Assert.Equal((1, all.Items[3].ShopkeeperId, all.Items[3].GmvFen), (found.Items[0].Rank, found.Items[0].ShopkeeperId, found.Items[0].GmvFen));
    }

    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task Apply(Task<ImportResult> import)
    {
        var result = await import;
        Assert.True(result.Applied, string.Join("; ", result.Problems));
    }
}
