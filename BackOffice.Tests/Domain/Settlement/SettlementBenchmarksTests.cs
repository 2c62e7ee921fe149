using BackOffice.Domain.Settlement;
using BackOffice.Tests.Infrastructure;

namespace BackOffice.Tests.Domain.Settlement;

public sealed class SettlementBenchmarksTests
{
    [Fact]
    public async Task RunAsync_DemoWorld_PrintsRunAndExportFigures()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await SettlementWorld.CreateAsync(db);
        await world.AddLineAsync(10_000, SettlementWorld.China(2026, 10, 5));
        var output = new StringWriter();

        await SettlementBenchmarks.RunAsync(db.Services, output, TestContext.Current.CancellationToken);

        Assert.Contains("settlement run through", output.ToString());
        Assert.Contains("5,000-entry statement", output.ToString());
    }
}
