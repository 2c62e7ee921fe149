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
    public static Task RunAsync(IServiceProvider services, TextWriter output, bool quick, CancellationToken ct = default) =>
        RunAsync(services, output, new BenchOptions(quick ? 8 : 20, !quick, false), ct);

    /// <summary>
    /// <paramref name="options"/>: how many filters per query, whether to time the straight-from-lines
    /// references (slow), and whether to print the three slowest filters of each query (for profiling).
    /// </summary>
    public static async Task RunAsync(IServiceProvider services, TextWriter output, BenchOptions options, CancellationToken ct = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<BackOfficeDbContext>>();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            if (!await db.OrderLines.AnyAsync(ct))
            {
                output.WriteLine("no order lines: building the `seed --scale large` data set (200,000 shopkeepers, 10M lines) …");
                var report = await (services.GetService<DemoDataGenerator>() ?? ActivatorUtilities.CreateInstance<DemoDataGenerator>(services))
                    .SeedAsync(new SeedOptions { Scale = SeedSize.LargeScale }, null, ct);
                output.WriteLine(report.ToString());
            }
            // Aggregates missing (a table added since), or built before the per-shopkeeper rows carried the province: rebuild.
            if (!await db.DailySales.AnyAsync(ct) || !await db.ShopkeeperSegmentSpells.AnyAsync(ct) || !await db.ShopkeeperSalesPacks.AnyAsync(ct)
                || await db.ShopkeeperDailySales.AnyAsync(d => d.Province == "", ct))
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
        var count = options.Filters;
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
        // Uncached: the figures are what a query costs, not what the dashboard cache saves.
        var uncached = DashboardCache.Off(factory);
        var dashboards = ActivatorUtilities.CreateInstance<DashboardService>(services, uncached);
        output.WriteLine("query           p50 ms   p95 ms   from lines p50   p95    ratio(p95)");
        await Report(output, options, "kpi cards", filters, f => metrics.ComputeAsync(f, ct),
            async f => { await using var db = await factory.CreateDbContextAsync(ct); await LineMetrics.ComputeAsync(db, f, ct); });
        await Report(output, options, "daily trend", filters, f => metrics.DailyAsync(f, ct),
            async f => { await using var db = await factory.CreateDbContextAsync(ct); await LineMetrics.DailyAsync(db, f, ct); });
        await Report(output, options, "geography", filters, f => dashboards.GeographyAsync(f, ct), null);
        await Report(output, options, "leaderboard", filters, f => dashboards.LeaderboardAsync(f, new PageRequest(0, 25), null, ct), null);

        var analytics = ActivatorUtilities.CreateInstance<AnalyticsService>(services, uncached);
        var segmentFilters = Enumerable.Range(0, count).Select(_ =>
        {
            var day = last.AddDays(1 - random.Next(0, Math.Max(1, last.DayNumber - first.DayNumber - 90)));
            return new SegmentFilter(day, day.AddDays(-new[] { 1, 7, 30, 90 }[random.Next(4)]), random.Next(3) == 0 && provinces.Length > 0 ? provinces[random.Next(provinces.Length)] : null);
        }).ToList();
        await Report(output, options, "segments", segmentFilters, f => analytics.SegmentsAsync(f, ct),
            async f => { await using var db = await factory.CreateDbContextAsync(ct); await LineAnalytics.SegmentsAsync(db, f, ct); }, references: 3);
        await Report(output, options, "deciles", filters, f => analytics.ConcentrationAsync(f, ct),
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
        await Report(output, options, "cohorts", cohortFilters, f => analytics.CohortsAsync(f, ct),
            async f => { await using var db = await factory.CreateDbContextAsync(ct); await LineAnalytics.CohortsAsync(db, f, ct); }, references: 3);
    }

    private static async Task Report<TFilter>(TextWriter output, BenchOptions options, string name, IReadOnlyList<TFilter> filters, Func<TFilter, Task> fast,
        Func<TFilter, Task>? reference, int references = 8)
    {
        var (p50, p95, slowest, cpu50, cpu95) = await Time(filters, fast);
        if (reference is null || !options.References)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-15} {p50,7:N1} {p95,8:N1}"));
        }
        else
        {
            var (r50, r95, _, _, _) = await Time(filters.Take(references).ToList(), reference);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-15} {p50,7:N1} {p95,8:N1}   {r50,12:N1} {r95,8:N1}   {(p95 > 0 ? r95 / p95 : 0),8:N1}x"));
        }
        if (options.Slowest)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    process cpu per query: p50 {cpu50:N1} ms, p95 {cpu95:N1} ms (wall-clock minus waiting for a core on a busy machine)"));
            foreach (var (ms, filter) in slowest.Take(3)) output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {ms,8:N1} ms  {filter}"));
        }
    }

    private static async Task<(double P50, double P95, IReadOnlyList<(double Ms, TFilter Filter)> Slowest, double Cpu50, double Cpu95)> Time<TFilter>(
        IReadOnlyList<TFilter> filters, Func<TFilter, Task> run)
    {
        await run(filters[0]);
        var times = new List<(double Ms, TFilter Filter)>();
        var cpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        foreach (var filter in filters)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            await run(filter);
            times.Add((Stopwatch.GetElapsedTime(started).TotalMilliseconds, filter));
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }
        times.Sort((x, y) => x.Ms.CompareTo(y.Ms));
        cpu.Sort();
        return (times[Percentile(times.Count, 0.5)].Ms, times[Percentile(times.Count, 0.95)].Ms, times.AsEnumerable().Reverse().ToList(),
            cpu[Percentile(cpu.Count, 0.5)], cpu[Percentile(cpu.Count, 0.95)]);
    }

    private static int Percentile(int count, double p) => p == 0.5 ? (int)(count * 0.5) : Math.Min(count - 1, (int)Math.Ceiling(count * p) - 1);
}

/// <summary>Options of <c>bench dashboards</c> (see <see cref="DashboardBenchmarks.RunAsync(IServiceProvider, TextWriter, BenchOptions, CancellationToken)"/>).</summary>
public sealed record BenchOptions(int Filters, bool References, bool Slowest);
