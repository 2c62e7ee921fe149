using BackOffice.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BackOffice.Tests.Browser;

/// <summary>
/// Screenshots of the sales pages on the demo data, for reviews: run explicitly against an app started with demo
/// data, e.g. <c>BACKOFFICE_DEMO_URL=http://127.0.0.1:5391 dotnet test -- --filter-class "*SalesDemoScreenshots" --explicit only</c>.
/// </summary>
public sealed class SalesDemoScreenshots : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture _browser;

    public SalesDemoScreenshots(BrowserFixture browser) => _browser = browser;

    [Fact(Explicit = true)]
    public async Task SalesPages_DemoData_Screenshots()
    {
        var url = Environment.GetEnvironmentVariable("BACKOFFICE_DEMO_URL") ?? throw new InvalidOperationException("Set BACKOFFICE_DEMO_URL");
        await using var context = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = url, ViewportSize = new ViewportSize { Width = 1600, Height = 1000 }, Locale = "zh-CN",
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsAsync(page, "selection.li");

        await page.GotoAsync("/sales/calendar");
        await Expect(page.Locator("[data-testid='calendar-sale']").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "Demo-Sales-Calendar-Month");
        await page.GotoAsync("/sales/calendar?view=week");
        await Expect(page.Locator("[data-testid='calendar-sale']").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "Demo-Sales-Calendar-Week");
        await page.GotoAsync("/sales");
        await Expect(page.Locator("[data-testid='sales-grid'] tbody tr").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "Demo-Sales-List");

        // BACKOFFICE_DEMO_SALES: "liveId,draftId" of the demo database.
        var ids = (Environment.GetEnvironmentVariable("BACKOFFICE_DEMO_SALES") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length > 0)
        {
            await page.GotoAsync($"/sales/{ids[0]}");
            await Expect(page.Locator("[data-testid='top-shopkeepers']")).ToBeVisibleAsync();
            await BrowserFixture.ScreenshotAsync(page, "Demo-Sales-Page-Live");
        }
        if (ids.Length > 1)
        {
            await page.GotoAsync("about:blank");
            await BrowserFixture.GotoInteractiveAsync(page, $"{url}/sales/{ids[1]}");
            await page.Locator("[data-testid='check-readiness']").ClickAsync();
            await Expect(page.Locator("[data-testid='readiness']")).ToBeVisibleAsync();
            await BrowserFixture.ScreenshotAsync(page, "Demo-Sales-Page-Draft");
        }
    }
}
