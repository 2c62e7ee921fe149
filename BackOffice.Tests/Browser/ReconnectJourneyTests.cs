using System.Text.RegularExpressions;
using BackOffice.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BackOffice.Tests.Browser;

/// <summary>
/// Issue 9: "a user who loses the connection while filling a form finds their input again". The browser
/// reaches the app through <see cref="TcpProxy"/>, which drops its connections for real. The adjustment
/// form is filled, the connection cut; the bilingual reconnect dialog shows; when the network is back the
/// same circuit resumes with the input in place, or, if the server came back as a new process (the
/// circuit is gone and the page reloads), the form restores the input from the tab's kept draft. Either
/// way the adjustment then saves.
/// </summary>
[Collection(RunningAppCollection.Name)]
public sealed class ReconnectJourneyTests(AppHost app, BrowserFixture browser)
{
    private const string Supplier = "SUP-000001";

    [Fact]
    public async Task Adjustment_ConnectionDroppedWhileTyping_ReconnectsWithInputKeptAndSaves()
    {
        await using var proxy = new TcpProxy(app.BaseAddress);
        await using var context = await NewContextAsync(proxy);
        var page = await context.NewPageAsync();
        var reason = "断线测试 " + Guid.NewGuid().ToString("N")[..6];
        await FillAdjustmentAsync(page, reason, "12.34");

        proxy.Cut();
        var dialog = page.Locator("#components-reconnect-modal");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.Locator("p:visible").First).ToHaveTextAsync(new Regex("与服务器的连接中断，正在重新连接…您填写的内容会保留。|重新连接失败"));
        await BrowserFixture.ScreenshotAsync(page, nameof(Adjustment_ConnectionDroppedWhileTyping_ReconnectsWithInputKeptAndSaves) + "-reconnecting");
        await Task.Delay(TimeSpan.FromSeconds(2));
        proxy.Restore();

        await Expect(dialog).ToBeHiddenAsync(new() { Timeout = 45_000 });
        await Expect(page.Locator("[data-testid='adj-reason']")).ToHaveValueAsync(reason);
        await Expect(page.Locator("[data-testid='adj-amount']")).ToHaveValueAsync("12.34");
        await Expect(page.Locator("[data-testid='adj-draft-restored']")).ToHaveCountAsync(0); // the same circuit: nothing to restore
        await SubmitAndSeeSavedAsync(page, reason);
    }

    [Fact]
    public async Task Adjustment_ServerReplacedWhileTyping_PageReloadsAndRestoresTheDraftAndSaves()
    {
        await using var proxy = new TcpProxy(app.BaseAddress);
        await using var context = await NewContextAsync(proxy);
        var page = await context.NewPageAsync();
        var reason = "重启测试 " + Guid.NewGuid().ToString("N")[..6];
        await FillAdjustmentAsync(page, reason, "56.78");

        // The server goes away and comes back as another process on the same database: the circuit is gone.
        await using var restarted = AppHost.OnSharedDataFolder(app.DataFolder);
        proxy.Cut();
        await Expect(page.Locator("#components-reconnect-modal")).ToBeVisibleAsync();
        await restarted.InitializeAsync();
        proxy.Upstream = restarted.BaseAddress;
        proxy.Restore();

        var restoredNotice = page.Locator("[data-testid='adj-draft-restored']");
        await Expect(restoredNotice).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(restoredNotice).ToContainTextAsync("已恢复您在连接中断前填写但未保存的内容");
        await Expect(page.Locator("[data-testid='adj-reason']")).ToHaveValueAsync(reason);
        await Expect(page.Locator("[data-testid='adj-amount']")).ToHaveValueAsync("56.78");
        await BrowserFixture.ScreenshotAsync(page, nameof(Adjustment_ServerReplacedWhileTyping_PageReloadsAndRestoresTheDraftAndSaves) + "-restored");
        await SubmitAndSeeSavedAsync(page, reason);

        // Saved, the draft is gone: opening the form again starts empty.
        await BrowserFixture.GotoInteractiveAsync(page, $"/adjustments?supplier={Supplier}");
        await Expect(page.Locator("[data-testid='adj-reason']")).ToHaveValueAsync("");
        await Expect(restoredNotice).ToHaveCountAsync(0);
    }

    private async Task<IBrowserContext> NewContextAsync(TcpProxy proxy)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = proxy.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 860 },
            Locale = "zh-CN",
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    private static async Task FillAdjustmentAsync(IPage page, string reason, string amount)
    {
        await BrowserFixture.SignInAsAsync(page, "finance.chen");
        await BrowserFixture.GotoInteractiveAsync(page, $"/adjustments?supplier={Supplier}");
        await AdjustmentFormSteps.FillAsync(page, reason, amount);
    }

    private static async Task SubmitAndSeeSavedAsync(IPage page, string reason)
    {
        await page.Locator("[data-testid='adj-submit']").ClickAsync();
        var row = page.Locator("[data-testid='adjustments-grid'] tr", new() { HasText = reason });
        await Expect(row).ToContainTextAsync("待审批");
        await Expect(row).ToContainTextAsync(Supplier);
    }
}
