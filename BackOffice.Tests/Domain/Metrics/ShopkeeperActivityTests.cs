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

    /// <summary><paramref name="deltaCapacity"/>: the import's delta summed in memory (the default), or grouped in SQL (0).</summary>
    [Theory]
    [InlineData(11, ImportDelta.DefaultCapacity)]
    [InlineData(12, ImportDelta.DefaultCapacity)]
    [InlineData(13, 0)]
    public async Task Import_RandomBatchesWithRefundsAndMoves_PacksAndSegmentRunsEqualRebuildAndLines(int seed, int deltaCapacity)
    {
        var random = new Random(seed);
        await using var database = await TestDatabase.CreateAsync();
        await TradingData.SeedAsync(database, brands: 3);
        var import = database.Get<ImportService>();
        import.DeltaCapacity = deltaCapacity;
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
        Assert.Equal(await PacksFromLinesAsync(database), incremental.Packs);
        await database.Get<AggregateBuilder>().RebuildAsync();
        var rebuilt = await SnapshotAsync(database);
        Assert.Equal(incremental.Packs, rebuilt.Packs);
        Assert.Equal(incremental.Spells, rebuilt.Spells);
        Assert.Contains(incremental.Packs, p => p.StartsWith("Month", StringComparison.Ordinal));
        Assert.NotEmpty(incremental.Spells);
    }

    private static async Task<(List<string> Packs, List<string> Spells)> SnapshotAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var packs = new List<string>();
        foreach (var pack in (await db.ShopkeeperSalesPacks.AsNoTracking().ToListAsync()).OrderBy(p => p.Span).ThenBy(p => p.Start).ThenBy(p => p.Category, StringComparer.Ordinal))
        {
            var reader = SalesPackFormat.Read(pack.Data);
            while (reader.Next(out var e)) packs.Add($"{pack.Span} {pack.Start} {pack.Category} {e.ShopkeeperId} {e.GmvFen} {e.RefundFen} {e.Items} {e.Orders} {e.CommissionFen} {e.Lines}");
        }
        var spells = await db.ShopkeeperSegmentSpells.AsNoTracking().OrderBy(s => s.ShopkeeperId).ThenBy(s => s.FromDay)
            .Select(s => $"{s.ShopkeeperId} {s.FromDay} {s.ToDay} {s.Segment}").ToListAsync();
        return (packs, spells);
    }

    /// <summary>The packs' entries computed straight from the lines: per day and per month, of all categories and of each.</summary>
    private static async Task<List<string>> PacksFromLinesAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var lines = await db.OrderLines.AsNoTracking()
            .Select(l => new { l.ShopkeeperId, l.OrderedOn, l.Category, l.PaidFen, l.RefundFen, l.Quantity, l.ShopkeeperCommissionFen, l.OrderId }).ToListAsync();
        var keyed = lines.SelectMany(l =>
        {
            var month = new DateOnly(l.OrderedOn.Year, l.OrderedOn.Month, 1);
            return new[] { (PackSpan.Day, l.OrderedOn, ""), (PackSpan.Day, l.OrderedOn, l.Category), (PackSpan.Month, month, ""), (PackSpan.Month, month, l.Category) }
                .Select(k => (Span: k.Item1, Start: k.Item2, Category: k.Item3, Line: l));
        });
        return keyed.GroupBy(k => (k.Span, k.Start, k.Category, k.Line.ShopkeeperId))
            .OrderBy(g => g.Key.Span).ThenBy(g => g.Key.Start).ThenBy(g => g.Key.Category, StringComparer.Ordinal).ThenBy(g => g.Key.ShopkeeperId)
            .Select(g => $"{g.Key.Span} {g.Key.Start} {g.Key.Category} {g.Key.ShopkeeperId} {g.Sum(k => k.Line.PaidFen)} {g.Sum(k => k.Line.RefundFen)} {g.Sum(k => k.Line.Quantity)} "
                + $"{g.Select(k => k.Line.OrderId).Distinct().Count()} {g.Sum(k => k.Line.ShopkeeperCommissionFen)} {g.Count()}")
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
