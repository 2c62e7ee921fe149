using BackOffice.Domain.Imports;
using BackOffice.Tests.Builders;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Tests.Infrastructure;

/// <summary>The running app's own database, reached with the domain services, to arrange what a journey needs.</summary>
public static class RunningAppData
{
    /// <summary>Domain services over the app's database file (same personal-data key); dispose after use.</summary>
    public static Task<TestDatabase> OpenAsync(AppHost app) =>
        TestDatabase.CreateAsync(settings: new Dictionary<string, string?> { ["DataFolder"] = app.DataFolder });

    /// <summary>
    /// <see cref="TradingData"/> (SALE-000001/2 with SKU-b-1..3) and shopkeepers SK-0000001..3, once per app.
    /// Tests in the running-app collection run one after another, so no two arrange at once.
    /// </summary>
    public static async Task EnsureTradingDataAsync(AppHost app)
    {
        await using var data = await OpenAsync(app);
        await using (var db = data.NewContext())
        {
            if (await db.Suppliers.AnyAsync(s => s.Code == "SUP-000001")) return;
        }
        await TradingData.SeedAsync(data);
        var result = await data.Get<ImportService>().ImportCsvAsync(People.Admin, ImportKind.Shopkeepers,
            TradingData.Csv(TradingData.ShopkeeperHeader, Enumerable.Range(1, 3).Select(n => TradingData.ShopkeeperRow(n, joined: "2025-01-15"))));
        if (!result.Applied) throw new InvalidOperationException("Arranging shopkeepers failed: " + string.Join("; ", result.Problems));
    }

    /// <summary>An order-line row ordered yesterday (China time), so the default dashboard period shows it.</summary>
    public static string LineOrderedYesterday(string externalId, string orderId, int brand, int sku, int shopkeeper, long paid) =>
        TradingData.LineRow(externalId, orderId, brand, sku, shopkeeper, 1, paid, paid / 10,
            orderedAt: DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'+08:00'", System.Globalization.CultureInfo.InvariantCulture));
}
