using BackOffice.Domain.Imports;
using BackOffice.Domain.Metrics;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Domain.Imports;
using BackOffice.Tests.Infrastructure;
using static BackOffice.Tests.Builders.TradingData;

namespace BackOffice.Tests.Domain.Metrics;

public class AggregatesTests
{
    private static readonly string[] Provinces = ["浙江", "广东", "江苏"];

    /// <summary>
    /// <paramref name="deltaCapacity"/>: the import's delta summed in memory (the default), grouped in SQL (0), or
    /// summed until the sums overflow part-way through a file and then grouped in SQL (8).
    /// </summary>
    [Theory]
    [InlineData(1, ImportDelta.DefaultCapacity)]
    [InlineData(2, ImportDelta.DefaultCapacity)]
    [InlineData(3, 0)]
    [InlineData(4, 8)]
    public async Task Import_RandomBatchesWithUpdatesAndMoves_AggregatesEqualRebuildAndLineFigures(int seed, int deltaCapacity)
    {
        var random = new Random(seed);
        await using var database = await TestDatabase.CreateAsync();
        await TradingData.SeedAsync(database, brands: 4);
        var import = database.Get<ImportService>();
        import.DeltaCapacity = deltaCapacity;
        await Apply(import.ImportCsvAsync(People.FinanceChen, ImportKind.Shopkeepers,
            Csv(ShopkeeperHeader, Enumerable.Range(1, 12).Select(n => ShopkeeperRow(n, Provinces[n % 3], $"2026-{1 + n % 11:00}-10")))));

        var lines = new Dictionary<string, (string Order, int Brand, int Sku, int Shopkeeper, int Qty, long Paid, long Commission, DateTime At, long Refund, string? Shipped)>();
        var orders = 0;
        for (var batch = 0; batch < 6; batch++)
        {
            var rows = new List<string>();
            // Existing lines come back with a grown refund, a changed commission or a shipment.
            foreach (var key in lines.Keys.Where(_ => random.Next(4) == 0).ToList())
            {
                var l = lines[key];
                l = l with { Refund = Math.Min(l.Paid, l.Refund + random.Next(0, 2_000)), Commission = random.Next(0, 300), Shipped = l.Shipped ?? "2026-11-20T09:00:00+08:00" };
                lines[key] = l;
                rows.Add(Row(key, l));
            }
            for (var o = 0; o < 15; o++)
            {
                var order = $"O{++orders}";
                var brand = random.Next(1, 5);
                var shopkeeper = random.Next(1, 13);
                var at = new DateTime(2026, 10, 20, 0, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(0, 60 * 24 * 30));
                for (var i = 0; i < random.Next(1, 4); i++)
                {
                    var key = $"{order}-{i}";
                    var paid = (long)random.Next(100, 20_000);
                    lines[key] = (order, brand, random.Next(1, 4), shopkeeper, random.Next(1, 4), paid, paid / 10, at, random.Next(3) == 0 ? paid / 2 : 0, null);
                    rows.Add(Row(key, lines[key]));
                }
            }
            // Late lines of earlier orders: the order is counted once, when its first line arrived.
            foreach (var late in lines.Values.DistinctBy(l => l.Order).Where(_ => random.Next(6) == 0).ToList())
            {
                var key = $"{late.Order}-late{batch}";
                var paid = (long)random.Next(100, 5_000);
                lines[key] = late with { Paid = paid, Commission = paid / 10, Refund = 0, Shipped = null };
                rows.Add(Row(key, lines[key]));
            }
            // An order's lines need not come together.
            rows = [.. rows.OrderBy(_ => random.Next())];
            await Apply(import.ImportCsvAsync(People.FinanceChen, ImportKind.OrderLines, Csv(OrderLineHeader, rows)));
            if (batch % 2 == 1)
            {
                // Some shopkeepers move province; their sales move with them.
                var moved = Enumerable.Range(1, 12).Select(n => ShopkeeperRow(n, Provinces[(n + batch + random.Next(2)) % 3], $"2026-{1 + n % 11:00}-10"));
                await Apply(import.ImportCsvAsync(People.FinanceChen, ImportKind.Shopkeepers, Csv(ShopkeeperHeader, moved)));
            }
        }

        var incremental = await ImportServiceTests.SnapshotAsync(database);
        var metrics = database.Get<MetricsService>();
        await using (var db = database.NewContext())
        {
            for (var i = 0; i < 20; i++)
            {
                var from = new DateOnly(2026, 10, 20).AddDays(random.Next(0, 30));
                var filter = new MetricsFilter(from, from.AddDays(random.Next(0, 20)),
                    Category: random.Next(3) == 0 ? BackOffice.Domain.Brands.Categories.All[random.Next(4)].Code : null,
                    BrandId: random.Next(3) == 0 ? random.Next(1, 5) : null,
                    Province: random.Next(3) == 0 ? Provinces[random.Next(3)] : null);
                Assert.Equal(await LineMetrics.ComputeAsync(db, filter), await metrics.ComputeAsync(filter));
                Assert.Equal(await LineMetrics.DailyAsync(db, filter), await metrics.DailyAsync(filter));
            }
            // Periods with whole months: those months are read from the monthly rows, the edge days from the daily ones.
            foreach (var (from, to) in new[] { (new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), (new(2026, 10, 1), new(2026, 12, 31)), (new(2026, 10, 25), new(2026, 12, 3)) })
            {
                foreach (var province in new[] { null, Provinces[0], Provinces[1] })
                {
                    foreach (var category in new[] { null, BackOffice.Domain.Brands.Categories.All[0].Code, BackOffice.Domain.Brands.Categories.All[1].Code })
                    {
                        var filter = new MetricsFilter(from, to, Category: category, Province: province);
                        Assert.Equal(await LineMetrics.ComputeAsync(db, filter), await metrics.ComputeAsync(filter));
                    }
                }
            }
        }
        await database.Get<AggregateBuilder>().RebuildAsync();
        Assert.Equal(incremental, await ImportServiceTests.SnapshotAsync(database));
    }

    [Fact]
    public async Task Compute_HandMadeLines_GivesHandComputedFigures()
    {
        await using var database = await TestDatabase.CreateAsync();
        await TradingData.SeedAsync(database);
        var import = database.Get<ImportService>();
        await Apply(import.ImportCsvAsync(People.FinanceChen, ImportKind.Shopkeepers,
            Csv(ShopkeeperHeader, ShopkeeperRow(1, "浙江", "2026-11-02"), ShopkeeperRow(2, "广东", "2026-10-01"), ShopkeeperRow(3, "广东", "2026-11-05"))));
        await Apply(import.ImportCsvAsync(People.FinanceChen, ImportKind.OrderLines, Csv(OrderLineHeader,
            LineRow("A", "O1", 1, 1, 1, 2, 10_000, 1_000),
            LineRow("B", "O1", 1, 2, 1, 1, 5_000, 500),
            LineRow("C", "O2", 2, 1, 2, 3, 6_000, 300, refund: 1_500, refundedAt: "2026-11-06T10:00:00+08:00"),
            LineRow("D", "O3", 2, 1, 2, 1, 999, 0, orderedAt: "2026-10-31T23:59:00+08:00"))));
        var november = new MetricsFilter(new(2026, 11, 1), new(2026, 11, 30));
        var f = await database.Get<MetricsService>().ComputeAsync(november);
        // GMV 10,000 + 5,000 + 6,000; refund 1,500; orders O1, O2; items 2+1+3; commission 1,800; active SK1, SK2; new SK1, SK3.
        Assert.Equal((21_000L, 19_500L, 2L, 6L, 1_800L, 2L, 2L), (f.GmvFen, f.NetGmvFen, f.Orders, f.Items, f.ShopkeeperCommissionFen, f.ActiveShopkeepers, f.NewShopkeepers));
        Assert.Equal(10_500, f.AverageOrderValue.Fen);
        Assert.Equal(714, f.RefundRate.Value);
        var guangdong = await database.Get<MetricsService>().ComputeAsync(november with { Province = "广东" });
        Assert.Equal((6_000L, 1L, 1L), (guangdong.GmvFen, guangdong.Orders, guangdong.NewShopkeepers));
    }

    private static async Task Apply(Task<ImportResult> import)
    {
        var result = await import;
        Assert.True(result.Applied, string.Join("; ", result.Problems));
    }

    private static string Row(string key, (string Order, int Brand, int Sku, int Shopkeeper, int Qty, long Paid, long Commission, DateTime At, long Refund, string? Shipped) l) =>
        LineRow(key, l.Order, l.Brand, l.Sku, l.Shopkeeper, l.Qty, l.Paid, l.Commission, orderedAt: l.At.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            shippedAt: l.Shipped ?? "", refund: l.Refund, refundedAt: l.Refund > 0 ? "2026-11-25T10:00:00+08:00" : "");
}
