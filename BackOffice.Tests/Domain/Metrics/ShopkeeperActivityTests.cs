using BackOffice.Domain.Imports;
using BackOffice.Domain.Metrics;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static BackOffice.Tests.Builders.TradingData;

namespace BackOffice.Tests.Domain.Metrics;

public class ShopkeeperActivityTests
{
    private static readonly string[] Provinces = ["浙江", "广东", "江苏"];

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public async Task Import_RandomBatchesWithRefundsAndMoves_MonthlyAndSegmentRunsEqualRebuildAndLines(int seed)
    {
        var random = new Random(seed);
        await using var database = await TestDatabase.CreateAsync();
        await TradingData.SeedAsync(database, brands: 3);
        var import = database.Get<ImportService>();
        await Apply(import.ImportCsvAsync(People.FinanceChen, ImportKind.Shopkeepers,
            Csv(ShopkeeperHeader, Enumerable.Range(1, 15).Select(n => ShopkeeperRow(n, Provinces[n % 3], $"2026-{1 + n % 6:00}-10")))));
        var lines = new Dictionary<string, (string Order, int Brand, int Shopkeeper, long Paid, DateTime At, long Refund)>();
        var orders = 0;
        for (var batch = 0; batch < 6; batch++)
        {
            var rows = new List<string>();
            foreach (var key in lines.Keys.Where(_ => random.Next(3) == 0).ToList())
            {
                var l = lines[key];
                lines[key] = l with { Refund = Math.Min(l.Paid, l.Refund + random.Next(0, 400_000)) };
                rows.Add(Row(key, lines[key]));
            }
            for (var o = 0; o < 12; o++)
            {
                var order = $"O{++orders}";
                var at = new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(random.Next(0, 24 * 140));
                var (brand, shopkeeper) = (random.Next(1, 4), random.Next(1, 16));
                for (var i = 0; i < random.Next(1, 3); i++)
                {
                    lines[$"{order}-{i}"] = (order, brand, shopkeeper, random.Next(1_000, 900_000), at, 0);
                    rows.Add(Row($"{order}-{i}", lines[$"{order}-{i}"]));
                }
            }
            await Apply(import.ImportCsvAsync(People.FinanceChen, ImportKind.OrderLines, Csv(OrderLineHeader, rows)));
            if (batch == 3)
            {
                var moved = Enumerable.Range(1, 15).Select(n => ShopkeeperRow(n, Provinces[(n + 1) % 3], $"2026-{1 + n % 6:00}-10"));
                await Apply(import.ImportCsvAsync(People.FinanceChen, ImportKind.Shopkeepers, Csv(ShopkeeperHeader, moved)));
            }
        }

        var incremental = await SnapshotAsync(database);
        var analytics = database.Get<AnalyticsService>();
        await using (var db = database.NewContext())
        {
            for (var day = new DateOnly(2026, 7, 1); day <= new DateOnly(2027, 2, 1); day = day.AddDays(9))
            {
                var filter = new SegmentFilter(day, day.AddDays(-random.Next(1, 120)), random.Next(3) == 0 ? Provinces[random.Next(3)] : null);
                Assert.Equivalent(await LineAnalytics.SegmentsAsync(db, filter), await analytics.SegmentsAsync(filter), strict: true);
            }
            var cohorts = new CohortFilter(new(2026, 1, 1), new(2026, 6, 1), new(2026, 11, 1));
            Assert.Equivalent(await LineAnalytics.CohortsAsync(db, cohorts), await analytics.CohortsAsync(cohorts), strict: true);
        }
        Assert.Equal(await ByCategoryFromLinesAsync(database), incremental.ByCategory);
        await database.Get<AggregateBuilder>().RebuildAsync();
        var rebuilt = await SnapshotAsync(database);
        Assert.Equal(incremental.Monthly, rebuilt.Monthly);
        Assert.Equal(incremental.ByCategory, rebuilt.ByCategory);
        Assert.Equal(incremental.Spells, rebuilt.Spells);
        Assert.NotEmpty(incremental.Monthly);
        Assert.NotEmpty(incremental.ByCategory);
        Assert.NotEmpty(incremental.Spells);
    }

    private static async Task<(List<string> Monthly, List<string> ByCategory, List<string> Spells)> SnapshotAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var monthly = await db.ShopkeeperMonthlySales.AsNoTracking().OrderBy(m => m.ShopkeeperId).ThenBy(m => m.Month)
            .Select(m => $"{m.ShopkeeperId} {m.Month} {m.Province} {m.GmvFen} {m.RefundFen} {m.CommissionFen} {m.Orders} {m.Lines}").ToListAsync();
        var byCategory = await db.ShopkeeperCategoryMonthlySales.AsNoTracking().OrderBy(m => m.ShopkeeperId).ThenBy(m => m.Month).ThenBy(m => m.Category)
            .Select(m => $"{m.ShopkeeperId} {m.Month} {m.Category} {m.Province} {m.GmvFen} {m.RefundFen} {m.CommissionFen} {m.Orders} {m.Lines}").ToListAsync();
        var spells = await db.ShopkeeperSegmentSpells.AsNoTracking().OrderBy(s => s.ShopkeeperId).ThenBy(s => s.FromDay)
            .Select(s => $"{s.ShopkeeperId} {s.FromDay} {s.ToDay} {s.Segment}").ToListAsync();
        return (monthly, byCategory, spells);
    }

    /// <summary>The per-category monthly rows computed straight from the lines and the shopkeepers' current province.</summary>
    private static async Task<List<string>> ByCategoryFromLinesAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var lines = await db.OrderLines.AsNoTracking()
            .Join(db.Shopkeepers, l => l.ShopkeeperId, k => k.Id, (l, k) => new { l.ShopkeeperId, l.OrderedOn, l.Category, k.Province, l.PaidFen, l.RefundFen, l.ShopkeeperCommissionFen, l.OrderId })
            .ToListAsync();
        return lines.GroupBy(l => (l.ShopkeeperId, Month: new DateOnly(l.OrderedOn.Year, l.OrderedOn.Month, 1), l.Category))
            .OrderBy(g => g.Key.ShopkeeperId).ThenBy(g => g.Key.Month).ThenBy(g => g.Key.Category, StringComparer.Ordinal)
            .Select(g => $"{g.Key.ShopkeeperId} {g.Key.Month} {g.Key.Category} {g.First().Province} {g.Sum(l => l.PaidFen)} {g.Sum(l => l.RefundFen)} "
                + $"{g.Sum(l => l.ShopkeeperCommissionFen)} {g.Select(l => l.OrderId).Distinct().Count()} {g.Count()}")
            .ToList();
    }

    private static async Task Apply(Task<ImportResult> import)
    {
        var result = await import;
        Assert.True(result.Applied, string.Join("; ", result.Problems));
    }

    private static string Row(string key, (string Order, int Brand, int Shopkeeper, long Paid, DateTime At, long Refund) l) =>
        LineRow(key, l.Order, l.Brand, 1, l.Shopkeeper, 1, l.Paid, 0, orderedAt: l.At.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            refund: l.Refund, refundedAt: l.Refund > 0 ? "2026-11-25T10:00:00+08:00" : "");
}
