using System.Text;
using BackOffice.Domain.Imports;
using BackOffice.Domain.Metrics;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Tests.Domain.Metrics;

/// <summary>The shopkeeper page's query runs on the real database (found by the role matrix: it answered 500).</summary>
public sealed class ShopkeeperDetailTests
{
    [Fact]
    public async Task ShopkeeperAsync_ExistingShopkeeper_Translates()
    {
        await using var db = await TestDatabase.CreateAsync();
        var csv = "shopkeeper_id,phone,real_name,province,city,joined_at\nSK-0000001,13800001234,王小美,浙江省,杭州市,2026-01-05\n";
        var result = await db.Get<ImportService>().ImportCsvAsync(People.FinanceChen, ImportKind.Shopkeepers, new MemoryStream(Encoding.UTF8.GetBytes(csv)));
        Assert.True(result.Applied, string.Join("; ", result.Problems.Select(p => p.Message)));
        await using var context = db.NewContext();
        var id = await context.Shopkeepers.Select(s => s.Id).SingleAsync();

        var detail = await db.Get<DashboardService>().ShopkeeperAsync(id);

        Assert.NotNull(detail);
        Assert.Empty(detail.Recent);
    }
}
