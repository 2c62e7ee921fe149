using System.Diagnostics;
using System.Globalization;
using BackOffice.Domain.Audit;
using BackOffice.Domain.Brands;
using BackOffice.Domain.Common;
using BackOffice.Domain.Metrics;
using BackOffice.Domain.Persistence;
using BackOffice.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Domain.Sales;

/// <summary>
/// The calendar under load: 2,000 sales in one month in a temp SQLite database, then the month query
/// (the calendar's six-week grid) and a list page timed, cold and warm. Called by <c>bench calendar</c>;
/// prints figures, never asserts them.
/// </summary>
public static class CalendarBenchmarks
{
    public const int SalesInMonth = 2_000;
    public static readonly DateOnly Month = new(2026, 12, 1);

    public static async Task RunAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetTempPath(), "backoffice-bench-calendar-" + Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DataFolder"] = folder }).Build();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddBackOfficeDomain(configuration, folder, isProduction: false);
        await using var provider = collection.BuildServiceProvider();
        try
        {
            await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            var factory = provider.GetRequiredService<IDbContextFactory<BackOfficeDbContext>>();
            var seeding = Stopwatch.StartNew();
            await SeedAsync(factory, Month, SalesInMonth, ct);
            await output.WriteLineAsync(Invariant($"seeded {SalesInMonth:N0} sales in {Month:yyyy-MM} in {seeding.Elapsed.TotalSeconds:0.00} s"));

            var clock = services.GetService<TimeProvider>() ?? TimeProvider.System;
            var service = new SaleSchedulingService(factory, new AuditTrail(clock), clock, new SchedulingOptions(), new SettlementDefaults(), new MetricsService(factory));
            var (from, to) = MonthGrid(Month);
            var query = new CalendarQuery(ChinaTime.StartOfDayUtc(from), ChinaTime.StartOfDayUtc(to));
            var cold = Stopwatch.StartNew();
            var count = (await service.CalendarAsync(query, ct)).Count;
            cold.Stop();
            var warm = new List<double>();
            for (var i = 0; i < 20; i++)
            {
                var run = Stopwatch.StartNew();
                await service.CalendarAsync(query, ct);
                warm.Add(run.Elapsed.TotalMilliseconds);
            }
            warm.Sort();
            await output.WriteLineAsync(Invariant($"calendar month query ({from:yyyy-MM-dd} – {to:yyyy-MM-dd}, {count:N0} sales): cold {cold.Elapsed.TotalMilliseconds:0} ms, warm median {warm[warm.Count / 2]:0.0} ms, max {warm[^1]:0.0} ms (20 runs)"));

            var filtered = Stopwatch.StartNew();
            var beauty = (await service.CalendarAsync(query with { Category = "Beauty" }, ct)).Count;
            await output.WriteLineAsync(Invariant($"calendar month query, one category ({beauty:N0} sales): {filtered.Elapsed.TotalMilliseconds:0.0} ms"));

            var list = Stopwatch.StartNew();
            var page = await service.SearchAsync(new SaleQuery { Search = "品牌" }, new PageRequest(3, 25, nameof(SaleRow.StartsAt)), ct);
            await output.WriteLineAsync(Invariant($"list page 4 of a search ({page.Total:N0} matches, sorted by start): {list.Elapsed.TotalMilliseconds:0.0} ms"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { /* the OS cleans temp */ }
        }
    }

    /// <summary>The days the month view shows: Monday on or before the 1st to the Sunday on or after the last day (end exclusive).</summary>
    public static (DateOnly From, DateOnly To) MonthGrid(DateOnly month)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var from = first.AddDays(-(((int)first.DayOfWeek + 6) % 7));
        var last = first.AddMonths(1).AddDays(-1);
        var to = last.AddDays(7 - (((int)last.DayOfWeek + 6) % 7));
        return (from, to);
    }

    /// <summary>
    /// <paramref name="count"/> scheduled sales starting through the month (10:00 or 20:00 China time, 1–3 days),
    /// over brands of every category, each with one product; written straight, without the rules, for load.
    /// </summary>
    public static async Task SeedAsync(IDbContextFactory<BackOfficeDbContext> factory, DateOnly month, int count, CancellationToken ct)
    {
        var created = ChinaTime.StartOfDayUtc(month.AddMonths(-2));
        await using var db = await factory.CreateDbContextAsync(ct);
        var supplier = new Supplier("SUP-900001", "基准测试供应商有限公司", UnifiedSocialCreditCode.Parse("91350100M000100Y43"), "王", "13800000000", BankAccount.None, created);
        db.Suppliers.Add(supplier);
        await db.SaveChangesAsync(ct);
        var brandsPerCategory = 40;
        var brands = new List<Brand>();
        foreach (var category in Categories.All)
        {
            for (var i = 0; i < brandsPerCategory; i++)
            {
                var n = brands.Count + 1;
                brands.Add(new Brand(supplier.Id, new BrandDetails($"品牌{n}", $"Brand{n}", category.Code, $"TM{n:000000}", new DateOnly(2030, 1, 1), "授权书", new DateOnly(2030, 1, 1)), Actor.System, created));
            }
        }
        db.Brands.AddRange(brands);
        await db.SaveChangesAsync(ct);
        var products = brands.Select(b => new Product(b.Id, $"SKU-B{b.Id}", $"{b.NameZh} 商品", Money.FromYuan(199))).ToList();
        db.Products.AddRange(products);
        await db.SaveChangesAsync(ct);
        var days = month.AddMonths(1).DayNumber - month.DayNumber;
        var sales = new List<Sale>(count);
        for (var i = 0; i < count; i++)
        {
            var brand = brands[i % brands.Count];
            var product = products[i % products.Count];
            var day = month.AddDays(i * days / count);
            var start = ChinaTime.ToUtc(day, new TimeOnly(i % 2 == 0 ? 10 : 20, 0));
            var sale = new Sale(Sale.FormatCode(i + 1), brand.Id, brand.Category, $"{brand.NameZh} 品牌特卖", Actor.System, created);
            sale.SetProduct(product.Id, product.ListPrice, Money.FromYuan(99), 500);
            sale.Schedule(start, start.AddDays(1 + i % 3), i % 4 == 0 ? SaleKind.Livestream : SaleKind.Flash, 1000, new SettlementDefaults().ToSnapshot(), created);
            sales.Add(sale);
        }
        db.Sales.AddRange(sales);
        await db.SaveChangesAsync(ct);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
