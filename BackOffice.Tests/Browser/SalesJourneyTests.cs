using System.Globalization;
using BackOffice.Domain;
using BackOffice.Domain.Common;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BackOffice.Tests.Browser;

/// <summary>A category planner schedules a Draft in the browser and finds it on the calendar.</summary>
[Collection(RunningAppCollection.Name)]
public sealed class SalesJourneyTests(AppHost app, BrowserFixture browser)
{
    [Fact]
    public async Task ScheduleDraft_Selection_SeesItOnTheWeekCalendar()
    {
        var (saleId, code) = await ArrangeDraftAsync();
        await using var context = await browser.NewContextAsync(app);
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsAsync(page, "selection.li");

        await BrowserFixture.GotoInteractiveAsync(page, $"{app.BaseAddress}sales/{saleId}");
        await Expect(page.Locator("[data-testid='schedule-form']")).ToBeVisibleAsync();
        await page.Locator("[data-testid='check-readiness']").ClickAsync();
        try { await Expect(page.Locator("[data-testid='check-Conflicts']")).ToHaveAttributeAsync("data-passed", "true"); }
        catch (PlaywrightException e) { throw new InvalidOperationException(app.OutputTail(), e); }
        await Expect(page.Locator("[data-testid='terms-source']")).ToContainTextAsync("默认条款");
        await BrowserFixture.ScreenshotAsync(page, "Sales-ScheduleForm-Readiness");

        await page.Locator("[data-testid='schedule-submit']").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "排期", Exact = true }).ClickAsync();

        await Expect(page.Locator("[data-testid='sale-status']").First).ToHaveTextAsync("已排期");
        await Expect(page.Locator("[data-testid='terms']")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "Sales-SalePage-Scheduled");

        var tomorrow = ChinaTime.Today(TimeProvider.System).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.GotoAsync($"/sales/calendar?view=week&date={tomorrow}");
        var pill = page.Locator($"[data-testid='calendar-sale'][data-code='{code}']").First;
        await Expect(pill).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "Sales-Calendar-Week");
        await pill.ClickAsync();
        await Expect(page.Locator("[data-testid='sale-heading']")).ToContainTextAsync(code);
    }

    /// <summary>An approved brand with two selectable products and a Draft, written into the running app's database.</summary>
    private async Task<(int SaleId, string Code)> ArrangeDraftAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DataFolder"] = app.DataFolder }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBackOfficeDomain(configuration, app.DataFolder, isProduction: false);
        await using var provider = services.BuildServiceProvider();
        var data = new SalesData(provider, codeOffset: 800_000);
        var (brand, _) = await data.BrandAsync(await data.SupplierAsync());
        var saleId = await data.DraftAsync(brand);
        string code;
        await using (var db = provider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<BackOffice.Domain.Persistence.BackOfficeDbContext>>().CreateDbContext())
        {
            code = db.Sales.Where(s => s.Id == saleId).Select(s => s.Code).Single();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return (saleId, code);
    }
}
