using System.Text.RegularExpressions;
using BackOffice.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BackOffice.Tests.Browser;

/// <summary>The shell as people meet it: sign in as a persona, see what the role allows, switch language.</summary>
[Collection(RunningAppCollection.Name)]
public sealed class ShellJourneyTests(AppHost app, BrowserFixture browser)
{
    [Fact]
    public async Task Home_Anonymous_LandsOnSignIn()
    {
        await using var context = await browser.NewContextAsync(app);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");

        await Expect(page).ToHaveURLAsync(new Regex("/signin"));
        await Expect(page.Locator("[data-testid='persona-admin.zhou']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid='persona-selection.li']")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, nameof(Home_Anonymous_LandsOnSignIn));
    }

    [Fact]
    public async Task SignIn_Admin_SeesAdministrationAndSwitchesToEnglish()
    {
        await using var context = await browser.NewContextAsync(app);
        var page = await context.NewPageAsync();

        var interactive = BrowserFixture.WhenInteractive(page);
        await BrowserFixture.SignInAsAsync(page, "admin.zhou");

        await Expect(page.Locator("[data-testid='user-name']")).ToHaveTextAsync("周敏 Zhou Min");
        await Expect(page.Locator("[data-testid='user-roles']")).ToHaveTextAsync("管理员");
        var nav = page.Locator(".mud-drawer");
        await Expect(nav.GetByText("系统管理")).ToBeVisibleAsync();
        await Expect(nav.Locator("a[href='/admin/users']")).ToHaveTextAsync("本地用户");
        await Expect(nav.Locator("a[href='/admin/audit']")).ToHaveTextAsync("审计日志");
        await Expect(page.Locator("[data-testid='tile-gmv']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid='tile-orders']")).ToBeVisibleAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("你好，周敏 Zhou Min");
        await BrowserFixture.ScreenshotAsync(page, nameof(SignIn_Admin_SeesAdministrationAndSwitchesToEnglish) + "-zh");

        // The language menu only opens once the circuit has rendered the page interactively.
        await interactive.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        await page.GetByLabel("语言").ClickAsync();
        await page.GetByText("English", new() { Exact = true }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Hello, 周敏 Zhou Min");
        await Expect(nav.GetByText("Administration")).ToBeVisibleAsync();
        await Expect(nav.Locator("a[href='/admin/users']")).ToHaveTextAsync("Local users");
        await Expect(nav.Locator("a[href='/admin/audit']")).ToHaveTextAsync("Audit log");
        await Expect(page.Locator("[data-testid='user-roles']")).ToHaveTextAsync("Admin");
        await Expect(page.Locator("[data-testid='tile-gmv']")).ToContainTextAsync("GMV, last 7 days");
        await BrowserFixture.ScreenshotAsync(page, nameof(SignIn_Admin_SeesAdministrationAndSwitchesToEnglish) + "-en");
    }

    [Theory]
    [InlineData("selection.li", "李娜 Li Na", "选品")]
    [InlineData("analyst.sun", "孙丽 Sun Li", "分析师")]
    public async Task SignIn_NonAdmin_SeesHomeWithoutAdministration(string personaId, string name, string role)
    {
        await using var context = await browser.NewContextAsync(app);
        var page = await context.NewPageAsync();

        await BrowserFixture.SignInAsAsync(page, personaId);

        await Expect(page.Locator("[data-testid='user-name']")).ToHaveTextAsync(name);
        await Expect(page.Locator("[data-testid='user-roles']")).ToHaveTextAsync(role);
        var nav = page.Locator(".mud-drawer");
        await Expect(nav.Locator("a[href='/']")).ToHaveTextAsync("首页");
        await Expect(nav.GetByText("系统管理")).ToHaveCountAsync(0);
        await Expect(nav.Locator("a[href^='/admin']")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid='tile-sales-live']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid='tile-brands-awaiting']")).ToHaveCountAsync(personaId.StartsWith("selection", StringComparison.Ordinal) ? 1 : 0);
        await BrowserFixture.ScreenshotAsync(page, $"{nameof(SignIn_NonAdmin_SeesHomeWithoutAdministration)}-{personaId}");
    }
}
