using BackOffice.Domain.Imports;
using BackOffice.Domain.Metrics;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using static BackOffice.Tests.Builders.TradingData;

namespace BackOffice.Tests.Domain.Metrics;

public sealed class DashboardCacheTests
{
    private static readonly MetricsFilter November = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

    private static async Task<TestDatabase> TradingDatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await TradingData.SeedAsync(database);
        var import = database.Get<ImportService>();
        Assert.True((await import.ImportCsvAsync(People.FinanceChen, ImportKind.Shopkeepers, Csv(ShopkeeperHeader, ShopkeeperRow(1), ShopkeeperRow(2)))).Applied);
        Assert.True((await import.ImportCsvAsync(People.FinanceChen, ImportKind.OrderLines, Csv(OrderLineHeader, LineRow("L1", "O1", 1, 1, 1, 1, 10_000, 800)))).Applied);
        return database;
    }

    [Fact]
    public async Task Get_SameQueryAndFilterTwice_ComputedOnceAndSameFigures()
    {
        await using var database = await TradingDatabaseAsync();
        var cache = new DashboardCache(database.Factory, 10);
        var computed = 0;

        var first = await cache.GetAsync("q", November, _ => { computed++; return Task.FromResult(new object()); });
        var second = await cache.GetAsync("q", November, _ => { computed++; return Task.FromResult(new object()); });
        var otherFilter = await cache.GetAsync("q", November with { Province = "浙江" }, _ => { computed++; return Task.FromResult(new object()); });

        Assert.Same(first, second);
        Assert.NotSame(first, otherFilter);
        Assert.Equal(2, computed);
    }

    [Fact]
    public async Task Get_ManyCallersAtOnce_OneComputation()
    {
        await using var database = await TradingDatabaseAsync();
        var cache = new DashboardCache(database.Factory, 10);
        var computed = 0;
        var release = new TaskCompletionSource();

        var callers = Enumerable.Range(0, 20).Select(_ => cache.GetAsync("q", November, async _ =>
        {
            Interlocked.Increment(ref computed);
            await release.Task;
            return "figures";
        })).ToList();
        await Task.Delay(100);
        release.SetResult();

        Assert.All(await Task.WhenAll(callers), r => Assert.Equal("figures", r));
        Assert.Equal(1, computed);
    }

    [Fact]
    public async Task Overview_LinesImportedAfterItWasCached_ShowsTheNewFigures()
    {
        await using var database = await TradingDatabaseAsync();
        var dashboards = database.Get<DashboardService>();
        Assert.Equal(10_000, (await dashboards.OverviewAsync(November)).Current.GmvFen);

        Assert.True((await database.Get<ImportService>().ImportCsvAsync(People.FinanceChen, ImportKind.OrderLines,
            Csv(OrderLineHeader, LineRow("L1", "O1", 1, 1, 1, 1, 10_000, 800, refund: 2_500, refundedAt: "2026-11-05T10:00:00+08:00")))).Applied);
        Assert.Equal(7_500, (await dashboards.OverviewAsync(November)).Current.NetGmvFen); // an update: no new line, a new audit entry

        Assert.True((await database.Get<ImportService>().ImportCsvAsync(People.FinanceChen, ImportKind.OrderLines,
            Csv(OrderLineHeader, LineRow("L2", "O2", 1, 1, 2, 1, 4_000, 320)))).Applied);
        Assert.Equal(14_000, (await dashboards.OverviewAsync(November)).Current.GmvFen);
    }

    [Fact]
    public async Task Get_ComputationFails_NotKeptAndTheNextCallComputesAgain()
    {
        await using var database = await TradingDatabaseAsync();
        var cache = new DashboardCache(database.Factory, 10);

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync<string>("q", November, _ => throw new InvalidOperationException("database gone")));

        Assert.Equal("figures", await cache.GetAsync("q", November, _ => Task.FromResult("figures")));
    }

    [Fact]
    public async Task Get_CapacityZero_AlwaysComputes()
    {
        await using var database = await TradingDatabaseAsync();
        var cache = DashboardCache.Off(database.Factory);
        var computed = 0;

        for (var i = 0; i < 3; i++) await cache.GetAsync("q", November, _ => Task.FromResult((++computed).ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(3, computed);
    }
}
