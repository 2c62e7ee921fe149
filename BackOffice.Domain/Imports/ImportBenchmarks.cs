using System.Diagnostics;
using System.Globalization;
using System.Text;
using BackOffice.Domain.Common;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Persistence;
using BackOffice.Domain.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Domain.Imports;

/// <summary>
/// <c>bench import</c>: writes a CSV of 1,000,000 new, valid order lines (sales, SKUs and shopkeepers
/// taken from the database) to a temp file, imports it through <see cref="ImportService"/> and prints
/// lines per second, CPU time and peak memory. Into whatever the database holds, seeding the default demo
/// data set first when it is empty; or, with <c>empty</c>, into a database with the demo master data
/// (suppliers, brands, products, sales, shopkeepers) and no order lines, so the figure is the import's own.
/// </summary>
public static class ImportBenchmarks
{
    public const int Lines = 1_000_000;

    public static async Task RunAsync(IServiceProvider services, TextWriter output, bool empty = false, CancellationToken ct = default)
    {
        var c = CultureInfo.InvariantCulture;
        var factory = services.GetRequiredService<IDbContextFactory<BackOfficeDbContext>>();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            if (empty)
            {
                if (await db.OrderLines.AnyAsync(ct))
                    throw new InvalidOperationException("bench import empty needs a database without order lines: give it a new --DataFolder.");
                if (!await db.Shopkeepers.AnyAsync(ct))
                {
                    output.WriteLine("new database: seeding the default demo master data without order lines …");
                    var report = await services.GetRequiredService<DemoDataGenerator>().SeedAsync(new SeedOptions { Size = SeedSize.Default with { OrderLines = 0 } }, null, ct);
                    output.WriteLine(report.ToString());
                }
            }
            else if (!await db.OrderLines.AnyAsync(ct))
            {
                output.WriteLine("empty database: seeding the default demo data set (scale 1) …");
                var report = await services.GetRequiredService<DemoDataGenerator>().SeedAsync(new SeedOptions(), null, ct);
                output.WriteLine(report.ToString());
            }
        }
        (string Sale, string Sku)[] items;
        string[] shopkeepers;
        long existing;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            items = (await (from sp in db.Set<Sales.SaleProduct>()
                            join s in db.Sales on sp.SaleId equals s.Id
                            join p in db.Products on sp.ProductId equals p.Id
                            select new { s.Code, p.SkuCode }).ToListAsync(ct)).Select(x => (x.Code, x.SkuCode)).ToArray();
            shopkeepers = await db.Shopkeepers.Select(k => k.Code).ToArrayAsync(ct);
            existing = await db.OrderLines.LongCountAsync(ct);
        }
        if (items.Length == 0 || shopkeepers.Length == 0) throw new InvalidOperationException("The database has no sale products or shopkeepers to make order lines for.");
        output.WriteLine(existing == 0 ? "case: into an empty database (master data, no order lines)" : "case: into a database with order lines");
        output.WriteLine(string.Create(c, $"database: {existing:N0} order lines, {shopkeepers.Length:N0} shopkeepers, {items.Length:N0} sale products"));

        var path = Path.Combine(Path.GetTempPath(), $"backoffice-bench-import-{Guid.NewGuid():N}.csv");
        try
        {
            var written = Stopwatch.GetTimestamp();
            WriteCsv(path, items, shopkeepers, services.GetRequiredService<TimeProvider>());
            output.WriteLine(string.Create(c, $"wrote {Lines:N0} lines ({new FileInfo(path).Length / 1024.0 / 1024.0:N0} MB) to {path} in {Stopwatch.GetElapsedTime(written).TotalSeconds:N1} s"));

            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var peakBefore = process.PeakWorkingSet64;
            var cpuBefore = process.TotalProcessorTime;
            var actor = new Actor("bench", "基准测试 Benchmark", new HashSet<string> { Roles.Admin });
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            var result = await services.GetRequiredService<ImportService>().ImportCsvAsync(actor, ImportKind.OrderLines, stream, ct: ct);
            process.Refresh();
            if (!result.Applied)
                throw new InvalidOperationException("The benchmark file was rejected: " + string.Join("; ", result.Problems.Take(5)));
            output.WriteLine(string.Create(c,
                $"import order lines: {result.Rows:N0} rows ({result.Inserted:N0} new) in {result.Elapsed.TotalSeconds:N1} s = {result.RowsPerSecond:N0} lines/s"));
            var cpu = process.TotalProcessorTime - cpuBefore;
            output.WriteLine(string.Create(c,
                $"cpu time of the import: {cpu.TotalSeconds:N1} s = {result.Rows / Math.Max(0.001, cpu.TotalSeconds):N0} lines per cpu-second; {Environment.ProcessorCount} cores, load average {LoadAverage()}"));
            output.WriteLine(string.Create(c,
                $"peak working set: {process.PeakWorkingSet64 / 1024.0 / 1024.0:N0} MB (before the import {peakBefore / 1024.0 / 1024.0:N0} MB); the file is streamed, so this does not grow with its size"));
        }
        finally
        {
            File.Delete(path);
        }
        output.WriteLine("""

            Into an empty database (demo master data, no order lines; run once per new folder):
              dotnet run -c Release --project BackOffice -- bench import empty --DataFolder /tmp/bench-empty-$RANDOM
            Against the 10M data set (200,000 shopkeepers, 10,000,000 order lines over a year):
              dotnet run -c Release --project BackOffice -- seed --scale large --DataFolder /tmp/bench-10m
              dotnet run -c Release --project BackOffice -- bench import --DataFolder /tmp/bench-10m
            Each run adds 1,000,000 new lines (new external ids) to whatever the folder's database holds.
            """);
    }

    // Wall-clock figures mean little on a busy machine; the load average says how busy it was.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>Two lines an order; an order's lines share sale, shopkeeper and China date, as the importer requires.</summary>
    private static void WriteCsv(string path, (string Sale, string Sku)[] items, string[] shopkeepers, TimeProvider clock)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var start = clock.GetUtcNow().ToOffset(ChinaTime.Offset).Date.AddDays(-20);
        var random = new Random(20261128);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("external_id,order_id,sale_code,sku_code,shopkeeper_id,quantity,paid_fen,shopkeeper_commission_fen,ordered_at,shipped_at,refund_fen,refunded_at\n");
        var c = CultureInfo.InvariantCulture;
        var skusBySale = items.GroupBy(x => x.Sale).ToDictionary(g => g.Key, g => g.Select(x => x.Sku).ToArray(), StringComparer.Ordinal);
        var sales = skusBySale.Keys.ToArray();
        for (var order = 0; order < Lines / 2; order++)
        {
            var sale = sales[random.Next(sales.Length)];
            var skus = skusBySale[sale];
            var shopkeeper = shopkeepers[random.Next(shopkeepers.Length)];
            var orderedAt = start.AddSeconds(random.Next(0, 19 * 86_400));
            var ordered = orderedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'+08:00'", c);
            var shipped = random.Next(3) == 0 ? "" : orderedAt.AddDays(1).ToString("yyyy-MM-dd'T'HH:mm:ss'+08:00'", c);
            for (var line = 0; line < 2; line++)
            {
                var sku = skus[random.Next(skus.Length)];
                var paid = random.Next(1_000, 50_000);
                var refund = shipped.Length > 0 && random.Next(20) == 0 ? paid / 2 : 0;
                writer.Write(string.Create(c,
                    $"BENCH-{run}-{order * 2 + line},BO-{run}-{order},{sale},{sku},{shopkeeper},{1 + random.Next(3)},{paid},{paid / 10},{ordered},{shipped},{refund},{(refund > 0 ? shipped : "")}\n"));
            }
        }
    }
}
