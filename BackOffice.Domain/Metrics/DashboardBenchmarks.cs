using System.Diagnostics;
using System.Globalization;
using BackOffice.Domain.Common;
using BackOffice.Domain.Persistence;
using BackOffice.Domain.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Domain.Metrics;

/// <summary>
/// <c>bench dashboards</c>: p50 and p95 of each dashboard query over random filter combinations,
/// beside the same figure computed straight from the order lines, and their ratio (the heavy
/// references — segments, deciles, cohorts — over 3 filters, the others over 8). Builds the
/// <c>seed --scale</c> data set and the aggregates when missing.
/// </summary>
public static class DashboardBenchmarks
{
    public static async Task RunAsync(IServiceProvider services, TextWriter output, CancellationToken ct = default) => await RunAsync(services, output, false, ct);

    /// <summary><paramref name="quick"/>: 8 filters per query and no reference figures.</summary>
    public static async Task RunAsync(IServiceProvider services, TextWriter output, bool quick, CancellationToken ct = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<BackOfficeDbContext>>();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            if (!await db.OrderLines.AnyAsync(ct))
            {
                output.WriteLine("no order lines: building the seed data set (scale 1) …");
                var report = await (services.GetService<DemoDataGenerator>() ?? ActivatorUtilities.CreateInstance<DemoDataGenerator>(services)).SeedAsync(new SeedOptions(), null, ct);
                output.WriteLine(report.ToString());
            }
            // Aggregates missing, or built before the per-shopkeeper rows carried the province: rebuild.
            if (!await db.DailySales.AnyAsync(ct) || !await db.ShopkeeperSegmentSpells.AnyAsync(ct)
                || await db.ShopkeeperDailySales.AnyAsync(d => d.Province == "", ct) || await db.ShopkeeperMonthlySales.AnyAsync(m => m.Province == "", ct))
            {
                var rebuild = Stopwatch.GetTimestamp();
                await services.GetRequiredService<AggregateBuilder>().RebuildAsync(ct);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"aggregates rebuilt in {Stopwatch.GetElapsedTime(rebuild).TotalSeconds:N1} s"));
            }
        }
        DateOnly first, last;
        string[] provinces;
        int[] brands;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            first = await db.DailySales.MinAsync(d => d.Day, ct);
            last = await db.DailySales.MaxAsync(d => d.Day, ct);
            provinces = await db.DailySales.Select(d => d.Province).Distinct().ToArrayAsync(ct);
            brands = await db.DailySales.Select(d => d.BrandId).Distinct().Take(500).ToArrayAsync(ct);
            var lineCount = await db.OrderLines.LongCountAsync(ct);
            var shopkeeperCount = await db.Shopkeepers.LongCountAsync(ct);
            var dailyCount = await db.DailySales.LongCountAsync(ct);
            var perShopkeeperCount = await db.ShopkeeperDailySales.LongCountAsync(ct);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"data: {lineCount:N0} lines, {shopkeeperCount:N0} shopkeepers, {first:yyyy-MM-dd}..{last:yyyy-MM-dd}; aggregates {dailyCount:N0} + {perShopkeeperCount:N0} rows"));
        }
        var random = new Random(20261128);
        var count = quick ? 8 : 20;
        var filters = Enumerable.Range(0, count).Select(_ =>
        {
            var span = new[] { 7, 30, 90, 365 }[random.Next(4)];
            var to = last.AddDays(-random.Next(0, 30));
            return new MetricsFilter(to.AddDays(-span + 1) < first ? first : to.AddDays(-span + 1), to,
                Category: random.Next(3) == 0 ? Brands.Categories.All[random.Next(Brands.Categories.All.Count)].Code : null,
                BrandId: random.Next(4) == 0 && brands.Length > 0 ? brands[random.Next(brands.Length)] : null,
                Province: random.Next(3) == 0 && provinces.Length > 0 ? provinces[random.Next(provinces.Length)] : null);
        }).ToList();
        var metrics = services.GetRequiredService<MetricsService>();
        var dashboards = services.GetRequiredService<DashboardService>();
        output.WriteLine("query           p50 ms   p95 ms   from lines p50   p95    ratio(p95)");
        await Report(output, "kpi cards", filters, f => metrics.ComputeAsync(f, ct),
            async f => { await using var db = await factory.CreateDbContextAsync(ct); await LineMetrics.ComputeAsync(db, f, ct); });
        await Report(output, "daily trend", filters, f => metrics.DailyAsync(f, ct),
            async f => { await using var db = await factory.CreateDbContextAsync(ct); await LineMetrics.DailyAsync(db, f, ct); });
        await Report(output, "geography", filters, f => dashboards.GeographyAsync(f, ct), null);
        await Report(output, "leaderboard", filters, f => dashboards.LeaderboardAsync(f, new PageRequest(0, 25), null, ct), null);

        var analytics = services.GetRequiredService<AnalyticsService>();
        var segmentFilters = Enumerable.Range(0, count).Select(_ =>
        {
            var day = last.AddDays(1 - random.Next(0, Math.Max(1, last.DayNumber - first.DayNumber - 90)));
            return new SegmentFilter(day, day.AddDays(-new[] { 1, 7, 30, 90 }[random.Next(4)]), random.Next(3) == 0 && provinces.Length > 0 ? provinces[random.Next(provinces.Length)] : null);
        }).ToList();
        await Report(output, "segments", segmentFilters, f => analytics.SegmentsAsync(f, ct),
            async f => { await using var db = await factory.CreateDbContextAsync(ct); await LineAnalytics.SegmentsAsync(db, f, ct); }, references: 3);
        await Report(output, "deciles", filters, f => analytics.ConcentrationAsync(f, ct),
            async f => { await using var db = await factory.CreateDbContextAsync(ct); await LineAnalytics.ConcentrationAsync(db, f, ct); }, references: 3);
        var firstMonth = AnalyticsService.FirstOfMonth(first);
        var months = (last.Year - first.Year) * 12 + last.Month - first.Month;
        var cohortFilters = Enumerable.Range(0, count).Select(_ =>
        {
            var from = firstMonth.AddMonths(random.Next(0, Math.Max(1, months - 1)));
            var to = from.AddMonths(random.Next(0, 12));
            return new CohortFilter(from, to > last ? AnalyticsService.FirstOfMonth(last) : to, last,
                random.Next(3) == 0 && provinces.Length > 0 ? provinces[random.Next(provinces.Length)] : null);
        }).ToList();
        await Report(output, "cohorts", cohortFilters, f => analytics.CohortsAsync(f, ct),
            async f => { await using var db = await factory.CreateDbContextAsync(ct); await LineAnalytics.CohortsAsync(db, f, ct); }, references: 3);
    }

    private static async Task Report<TFilter>(TextWriter output, string name, IReadOnlyList<TFilter> filters, Func<TFilter, Task> fast, Func<TFilter, Task>? reference, int references = 8)
    {
        var (p50, p95) = await Time(filters, fast);
        if (reference is null || filters.Count < 20)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-15} {p50,7:N1} {p95,8:N1}"));
            return;
        }
        var (r50, r95) = await Time(filters.Take(references).ToList(), reference);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-15} {p50,7:N1} {p95,8:N1}   {r50,12:N1} {r95,8:N1}   {(p95 > 0 ? r95 / p95 : 0),8:N1}x"));
    }

    private static async Task<(double P50, double P95)> Time<TFilter>(IReadOnlyList<TFilter> filters, Func<TFilter, Task> run)
    {
        await run(filters[0]);
        var times = new List<double>();
        foreach (var filter in filters)
        {
            var started = Stopwatch.GetTimestamp();
            await run(filter);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        times.Sort();
        return (times[(int)(times.Count * 0.5)], times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)]);
    }
}
