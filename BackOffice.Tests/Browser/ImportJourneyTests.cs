using System.Text;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BackOffice.Tests.Browser;

/// <summary>Finance uploads order lines on /imports and the overview dashboard's figures move.</summary>
[Collection(RunningAppCollection.Name)]
public sealed class ImportJourneyTests(AppHost app, BrowserFixture browser)
{
    [Fact]
    public async Task Import_FinanceUploadsOrderLines_DashboardGmvChanges()
    {
        await RunningAppData.EnsureTradingDataAsync(app);
        var run = Guid.NewGuid().ToString("N")[..8];
        var csv = TradingData.OrderLineHeader + "\n" + string.Join("\n",
            RunningAppData.LineOrderedYesterday($"J-{run}-1", $"JO-{run}-1", brand: 1, sku: 1, shopkeeper: 1, paid: 12_345),
            RunningAppData.LineOrderedYesterday($"J-{run}-2", $"JO-{run}-1", brand: 1, sku: 2, shopkeeper: 1, paid: 20_000)) + "\n";
        await using var context = await browser.NewContextAsync(app);
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsAsync(page, "finance.chen");

        await page.GotoAsync("/dashboards");
        var gmv = page.Locator("[data-testid='kpi-gmv-value']");
        await Expect(gmv).ToBeVisibleAsync();
        var before = await gmv.InnerTextAsync();

        await BrowserFixture.GotoInteractiveAsync(page, "/imports");
        await page.Locator("input.import-file-input").SetInputFilesAsync(new FilePayload
        {
            Name = "order-lines.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await Expect(page.Locator("[data-testid='import-file-name']")).ToContainTextAsync("order-lines.csv");
        await page.Locator("[data-testid='import-start']").ClickAsync();
        await Expect(page.Locator("[data-testid='import-applied']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await BrowserFixture.ScreenshotAsync(page, nameof(Import_FinanceUploadsOrderLines_DashboardGmvChanges) + "-imported");

        await page.GotoAsync("/dashboards");
        await Expect(gmv).ToBeVisibleAsync();
        await Expect(gmv).Not.ToHaveTextAsync(before);
        await BrowserFixture.ScreenshotAsync(page, nameof(Import_FinanceUploadsOrderLines_DashboardGmvChanges) + "-dashboard");
    }
}
