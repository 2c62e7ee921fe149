using BackOffice.Domain.Imports;
using BackOffice.Domain.Metrics;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static BackOffice.Tests.Builders.TradingData;

namespace BackOffice.Tests.Domain.Metrics;

public class AnalyticsServiceTests
{
    private static readonly DateOnly Day = new(2026, 11, 28);
    private static readonly DateOnly Compare = new(2026, 10, 29);

    private static string At(DateOnly day) => $"{day:yyyy-MM-dd}T10:00:00+08:00";

    private static async Task Apply(Task<ImportResult> import)
    {
        var result = await import;
        Assert.True(result.Applied, string.Join("; ", result.Problems));
    }

    /// <summary>Seven shopkeepers, one per move of the matrix (see the comments on each line).</summary>
    private static async Task<TestDatabase> MovesDatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await TradingData.SeedAsync(database);
        var import = database.Get<ImportService>();
        await Apply(import.ImportCsvAsync(People.FinanceChen, ImportKind.Shopkeepers, Csv(ShopkeeperHeader,
            ShopkeeperRow(1, "浙江", "2026-01-10"), ShopkeeperRow(2, "浙江", "2026-01-10"), ShopkeeperRow(3, "广东", "2026-11-10"),
            ShopkeeperRow(4, "广东", "2026-01-10"), ShopkeeperRow(5, "浙江", "2026-09-15"), ShopkeeperRow(6, "广东", "2026-10-01"),
            ShopkeeperRow(7, "浙江", "2026-01-10"))));
        await Apply(import.ImportCsvAsync(People.FinanceChen, ImportKind.OrderLines, Csv(OrderLineHeader,
            LineRow("1a", "O1", 1, 1, 1, 1, 1_200_000, 0, orderedAt: At(new(2026, 10, 20))), // star on Oct 29 → dormant (39 days) on Nov 28
            LineRow("2a", "O2", 1, 1, 2, 1, 5_000, 0, orderedAt: At(new(2026, 10, 25))),     // active → active
            LineRow("2b", "O3", 2, 1, 2, 1, 5_000, 0, orderedAt: At(new(2026, 11, 20))),
            LineRow("4a", "O4", 1, 1, 4, 1, 5_000, 0, orderedAt: At(new(2026, 7, 1))),       // churned → churned
            LineRow("6a", "O5", 2, 1, 6, 1, 1_000_000, 0, orderedAt: At(new(2026, 11, 25))), // new (28 days) → star
            LineRow("7a", "O6", 1, 1, 7, 1, 5_000, 0, orderedAt: At(new(2026, 8, 15))))));   // dormant (75 days) → churned (105)
        // SK3 joined Nov 10: not yet joined → new. SK5 joined Sep 15, never sold: unactivated (44 days) → unactivated (74 days).
        return database;
    }

    [Fact]
    public async Task Segments_HandBuiltShopkeepers_CountsAndMatrixAsComputedByHand()
    {
        await using var database = await MovesDatabaseAsync();
        var figures = await database.Get<AnalyticsService>().SegmentsAsync(new SegmentFilter(Day, Compare));

        Assert.Equal(1, figures.Count(ShopkeeperSegment.Star, ShopkeeperSegment.Dormant));
        Assert.Equal(1, figures.Count(ShopkeeperSegment.Active, ShopkeeperSegment.Active));
        Assert.Equal(1, figures.Count(null, ShopkeeperSegment.New));
        Assert.Equal(1, figures.Count(ShopkeeperSegment.Churned, ShopkeeperSegment.Churned));
        Assert.Equal(1, figures.Count(ShopkeeperSegment.Unactivated, ShopkeeperSegment.Unactivated));
        Assert.Equal(1, figures.Count(ShopkeeperSegment.New, ShopkeeperSegment.Star));
        Assert.Equal(1, figures.Count(ShopkeeperSegment.Dormant, ShopkeeperSegment.Churned));
        Assert.Equal(7, figures.Moves.Sum(m => m.Count));
        Assert.Equal([1L, 1, 1, 2, 1, 1], figures.Counts.Select(c => c.Count));        // star, active, dormant, churned, new, unactivated on Nov 28
        Assert.Equal([1L, 1, 1, 1, 1, 1], figures.Counts.Select(c => c.CompareCount)); // on Oct 29 (SK3 not yet joined)

        var guangdong = await database.Get<AnalyticsService>().SegmentsAsync(new SegmentFilter(Day, Compare, "广东"));
        Assert.Equal(3, guangdong.Moves.Sum(m => m.Count));
        Assert.Equal(1, guangdong.Count(ShopkeeperSegment.New, ShopkeeperSegment.Star));

        await using var db = database.NewContext();
        Assert.Equivalent(await LineAnalytics.SegmentsAsync(db, figures.Filter), figures, strict: true);
    }

    [Fact]
    public async Task Segments_BoundariesThroughTheImport_SameAsTheRules()
    {
        await using var database = await TestDatabase.CreateAsync();
        await TradingData.SeedAsync(database);
        var import = database.Get<ImportService>();
        // SK1..5: a ¥100 line 1/30/31/90/91 days before Nov 28; SK6: exactly ¥10,000 net in the 30 days; SK7..10: joined 30/31/90/91 days ago, no line.
        int[] ago = [1, 30, 31, 90, 91];
        await Apply(import.ImportCsvAsync(People.FinanceChen, ImportKind.Shopkeepers, Csv(ShopkeeperHeader,
            Enumerable.Range(1, 6).Select(n => ShopkeeperRow(n, joined: "2025-06-01"))
                .Concat(new[] { 30, 31, 90, 91 }.Select((d, i) => ShopkeeperRow(7 + i, joined: $"{Day.AddDays(-d):yyyy-MM-dd}"))))));
        await Apply(import.ImportCsvAsync(People.FinanceChen, ImportKind.OrderLines, Csv(OrderLineHeader,
            ago.Select((d, i) => LineRow($"L{i}", $"O{i}", 1, 1, i + 1, 1, 10_000, 0, orderedAt: At(Day.AddDays(-d))))
                .Append(LineRow("S1", "OS1", 1, 1, 6, 1, 1_100_000, 0, orderedAt: At(Day.AddDays(-30)), refund: 100_000, refundedAt: At(Day.AddDays(-2)))))));

        var segments = await database.Get<AnalyticsService>().SegmentsOfAsync(Enumerable.Range(1, 10).ToList(), Day);

        Assert.Equal(
            [ShopkeeperSegment.Active, ShopkeeperSegment.Active, ShopkeeperSegment.Dormant, ShopkeeperSegment.Dormant, ShopkeeperSegment.Churned,
             ShopkeeperSegment.Star, ShopkeeperSegment.New, ShopkeeperSegment.Unactivated, ShopkeeperSegment.Unactivated, ShopkeeperSegment.Churned],
            Enumerable.Range(1, 10).Select(id => segments[id]));
    }

    /// <summary>Twelve shopkeepers with one November line each of 12,000, 11,000 … 1,000 fen; SK1 and SK2 also sold in October.</summary>
    private static async Task<TestDatabase> DecilesDatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await TradingData.SeedAsync(database);
        var import = database.Get<ImportService>();
        await Apply(import.ImportCsvAsync(People.FinanceChen, ImportKind.Shopkeepers, Csv(ShopkeeperHeader,
            Enumerable.Range(1, 12).Select(n => ShopkeeperRow(n, n <= 6 ? "浙江" : "广东", "2026-01-10")))));
        await Apply(import.ImportCsvAsync(People.FinanceChen, ImportKind.OrderLines, Csv(OrderLineHeader,
            Enumerable.Range(1, 12).Select(n => LineRow($"N{n}", $"ON{n}", 1 + n % 2, 1, n, 1, (13 - n) * 1_000L, 0, orderedAt: At(new(2026, 11, 1 + n))))
                .Append(LineRow("X1", "OX1", 1, 1, 1, 1, 3_000, 0, orderedAt: At(new(2026, 10, 20))))
                .Append(LineRow("X2", "OX2", 1, 1, 2, 1, 1_000, 0, orderedAt: At(new(2026, 10, 21)))))));
        return database;
    }

    [Fact]
    public async Task Concentration_TwelveShopkeepers_DecilesAndTrendAsComputedByHand()
    {
        await using var database = await DecilesDatabaseAsync();
        var figures = await database.Get<AnalyticsService>().ConcentrationAsync(new MetricsFilter(new(2026, 11, 1), new(2026, 11, 30)));

        // Rank r of 12 falls in decile ⌊10r/12⌋+1: decile 1 = ranks 0–1 (12,000 + 11,000), decile 6 = ranks 6–7 (6,000 + 5,000).
        Assert.Equal((12L, 78_000L), (figures.Shopkeepers, figures.GmvFen));
        Assert.Equal([2L, 1, 1, 1, 1, 2, 1, 1, 1, 1], figures.Deciles.Select(d => d.Shopkeepers));
        Assert.Equal([23_000L, 10_000, 9_000, 8_000, 7_000, 11_000, 4_000, 3_000, 2_000, 1_000], figures.Deciles.Select(d => d.GmvFen));
        Assert.Equal(23.0 / 78, figures.Deciles[0].Share, 9);
        Assert.Equal(12, figures.Trend.Count);
        Assert.Equal((new DateOnly(2026, 11, 1), Math.Round(23.0 / 78, 9)), (figures.Trend[^1].Month, Math.Round(figures.Trend[^1].TopDecileShare, 9)));
        Assert.Equal((2L, 0.75), (figures.Trend[^2].Shopkeepers, figures.Trend[^2].TopDecileShare)); // October: 3,000 of 4,000
        Assert.Equal(0, figures.Trend[0].Shopkeepers);
    }

    [Theory]
    [InlineData("2026-11-01", "2026-11-30", null, null)]
    [InlineData("2026-10-15", "2026-11-30", null, null)]
    [InlineData("2026-10-01", "2026-11-05", null, "广东")]
    [InlineData("2026-11-03", "2026-11-09", null, null)]
    [InlineData("2026-10-01", "2026-11-30", 1, "浙江")]
    [InlineData("2026-10-01", "2026-11-30", null, null, "Beauty")]
    [InlineData("2026-10-15", "2026-11-30", null, "浙江", "Apparel")]
    public async Task Concentration_AnyFilter_SameAsFromLines(string from, string to, int? brand, string? province, string? category = null)
    {
        await using var database = await DecilesDatabaseAsync();
        var filter = new MetricsFilter(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture),
            Category: category, BrandId: brand, Province: province);
        await using var db = database.NewContext();
        Assert.Equivalent(await LineAnalytics.ConcentrationAsync(db, filter), await database.Get<AnalyticsService>().ConcentrationAsync(filter), strict: true);
    }

    [Fact]
    public async Task Cohorts_TwoJoinMonths_RetentionAsComputedByHand()
    {
        await using var database = await TestDatabase.CreateAsync();
        await TradingData.SeedAsync(database);
        var import = database.Get<ImportService>();
        await Apply(import.ImportCsvAsync(People.FinanceChen, ImportKind.Shopkeepers, Csv(ShopkeeperHeader,
            ShopkeeperRow(1, joined: "2026-09-02"), ShopkeeperRow(2, joined: "2026-09-15"), ShopkeeperRow(3, joined: "2026-09-30"),
            ShopkeeperRow(4, joined: "2026-10-01"), ShopkeeperRow(5, joined: "2026-10-31"), ShopkeeperRow(6, joined: "2026-08-31"))));
        await Apply(import.ImportCsvAsync(People.FinanceChen, ImportKind.OrderLines, Csv(OrderLineHeader,
            LineRow("a1", "Oa1", 1, 1, 1, 1, 100, 0, orderedAt: At(new(2026, 9, 5))),
            LineRow("a2", "Oa2", 1, 1, 1, 1, 100, 0, orderedAt: At(new(2026, 11, 5))),
            LineRow("a3", "Oa3", 1, 2, 1, 1, 100, 0, orderedAt: At(new(2026, 11, 6))),
            LineRow("b1", "Ob1", 1, 1, 2, 1, 100, 0, orderedAt: At(new(2026, 10, 5))),
            LineRow("d1", "Od1", 1, 1, 4, 1, 100, 0, orderedAt: At(new(2026, 10, 1))),
            LineRow("d2", "Od2", 1, 1, 4, 1, 100, 0, orderedAt: At(new(2026, 11, 30))),
            LineRow("e1", "Oe1", 1, 1, 5, 1, 100, 0, orderedAt: At(new(2026, 11, 1))),
            LineRow("f1", "Of1", 1, 1, 6, 1, 100, 0, orderedAt: At(new(2026, 9, 1))))));
        var filter = new CohortFilter(new(2026, 9, 1), new(2026, 10, 1), new(2026, 11, 28));

        var cohorts = await database.Get<AnalyticsService>().CohortsAsync(filter);

        Assert.Equal(3, cohorts.Offsets);
        Assert.Equal((new DateOnly(2026, 9, 1), 3L), (cohorts.Rows[0].JoinMonth, cohorts.Rows[0].Joined));
        Assert.Equal([1L, 1, 1], cohorts.Rows[0].Retained);
        Assert.Equal((new DateOnly(2026, 10, 1), 2L), (cohorts.Rows[1].JoinMonth, cohorts.Rows[1].Joined));
        Assert.Equal([1L, 2], cohorts.Rows[1].Retained);
        Assert.Equal(1.0, cohorts.Rows[1].Share(1));
        await using var db = database.NewContext();
        Assert.Equivalent(await LineAnalytics.CohortsAsync(db, filter), cohorts, strict: true);
    }
}
