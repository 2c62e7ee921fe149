using System.IO.Compression;
using BackOffice.Domain.Common;
using BackOffice.Domain.Settlement;
using Microsoft.EntityFrameworkCore;
using BackOffice.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BackOffice.Tests.Browser;

/// <summary>
/// On the demo data: 陈静 runs settlement through October, issues the months in order, disputes an October
/// statement's entry and resolves it by version 2 (version 1 Superseded and still readable), pays version 2,
/// downloads the month's zip and bank batch file from "My exports", and proposes an adjustment that 赵敏
/// approves from "waiting for me" (four eyes).
/// </summary>
[Collection(RunningAppCollection.Name)]
public sealed class SettlementJourneyTests(SettlementJourneyTests.DemoApp demo, BrowserFixture browser) : IClassFixture<SettlementJourneyTests.DemoApp>
{
    /// <summary>An app of its own that seeds the demo data on first start, like ./start.sh.</summary>
    public sealed class DemoApp : IAsyncLifetime
    {
        public AppHost App { get; } = AppHost.WithDemoData();

        public ValueTask InitializeAsync() => App.InitializeAsync();

        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    private static readonly TimeSpan Slow = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Settlement_ChenSettlesOctoberDisputesReissuesPaysAndDownloads_ZhaoApprovesChensAdjustment()
    {
        var app = demo.App;
        var today = ChinaTime.Today(TimeProvider.System);
        var through = SettlementMonth.FirstDay(SettlementMonth.Of(today)).AddDays(-1);
        var month = SettlementMonth.Of(through);
        var monthText = SettlementMonth.Format(month);

        // 陈静 runs settlement through the end of last month (the page's default date) for every supplier.
        await using var chenContext = await browser.NewContextAsync(app);
        var chen = await chenContext.NewPageAsync();
        await BrowserFixture.SignInAsAsync(chen, "finance.chen");
        await BrowserFixture.GotoInteractiveAsync(chen, "/settlement");
        await chen.Locator("[data-testid='run-settlement']").ClickAsync();
        await Expect(chen.Locator("[data-testid='run-result']")).ToBeVisibleAsync(new() { Timeout = (float)Slow.TotalMilliseconds });
        await BrowserFixture.ScreenshotAsync(chen, nameof(SettlementJourneyTests) + "-run");

        // Months are issued in order: every draft month up to October, oldest first, each after confirming.
        int[] draftMonths;
        await using (var data = await RunningAppData.OpenAsync(app))
        await using (var db = data.NewContext())
        {
            draftMonths = await db.Statements.Where(s => s.Status == StatementStatus.Draft && s.Month <= month).Select(s => s.Month).Distinct().OrderBy(m => m).ToArrayAsync();
        }
        Assert.Contains(month, draftMonths);
        foreach (var m in draftMonths)
        {
            await chen.Locator($"[data-testid='issue-{m}']").ClickAsync();
            await Expect(chen.Locator(".mud-dialog")).ToContainTextAsync(SettlementMonth.Format(m));
            await chen.Locator(".mud-dialog .mud-dialog-actions button").Last.ClickAsync();
            await Expect(chen.Locator($"[data-testid='issue-{m}']")).ToHaveCountAsync(0, new() { Timeout = (float)Slow.TotalMilliseconds });
        }

        // She opens an issued October statement with a payable amount from the list.
        string supplierCode, number;
        await using (var data = await RunningAppData.OpenAsync(app))
        await using (var db = data.NewContext())
        {
            var pick = await (from s in db.Statements
                              join p in db.Suppliers on s.SupplierId equals p.Id
                              where s.Month == month && s.Status == StatementStatus.Issued && s.PayableFen > 0 && s.EntryCount >= 2
                              orderby s.EntryCount, s.Number
                              select new { p.Code, s.Number }).FirstAsync();
            (supplierCode, number) = (pick.Code, pick.Number);
        }
        var numberV2 = number[..^1] + "2";
        await BrowserFixture.GotoInteractiveAsync(chen, $"/statements?month={monthText}");
        await chen.Locator("[data-testid='statement-search']").FillAsync(supplierCode);
        await chen.Locator("[data-testid='statement-search']").PressAsync("Enter");
        var link = chen.Locator("[data-testid='statements-grid'] a", new() { HasText = number });
        await Expect(link).ToBeVisibleAsync();
        await link.ClickAsync(); // navigation inside the same circuit
        await Expect(chen.Locator("[data-testid='statement-number']")).ToHaveTextAsync(number);
        await Expect(chen.Locator("[data-testid='statement-status']")).ToHaveTextAsync("已开具");

        // The supplier disputes a line: she records it and resolves it by issuing version 2 with a reason.
        await chen.Locator("[data-testid='entries-grid'] tbody tr").First.Locator(".mud-checkbox").ClickAsync();
        await chen.Locator("[data-testid='dispute-note']").FillAsync("供应商对该行金额有异议");
        await chen.Locator("[data-testid='raise-dispute']").ClickAsync();
        await chen.Locator("[data-testid='version-reason']").FillAsync("核对后重新开具");
        await chen.Locator("[data-testid='new-version']").ClickAsync();
        await Expect(chen.Locator(".mud-dialog")).ToContainTextAsync(number);
        await chen.Locator(".mud-dialog .mud-dialog-actions button").Last.ClickAsync();
        await Expect(chen.Locator("[data-testid='statement-number']")).ToHaveTextAsync(numberV2);
        await Expect(chen.Locator("[data-testid='statement-status']")).ToHaveTextAsync("已开具");

        // Version 1 is superseded and still readable.
        await chen.Locator("a", new() { HasText = number }).ClickAsync();
        await Expect(chen.Locator("[data-testid='statement-number']")).ToHaveTextAsync(number);
        await Expect(chen.Locator("[data-testid='statement-status']")).ToHaveTextAsync("已取代");
        await Expect(chen.Locator("[data-testid='sum-payable']")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(chen, nameof(SettlementJourneyTests) + "-superseded");

        // She pays version 2 after confirming.
        await chen.Locator("a", new() { HasText = numberV2 }).ClickAsync();
        await Expect(chen.Locator("[data-testid='statement-number']")).ToHaveTextAsync(numberV2);
        await chen.Locator("[data-testid='pay-reference']").FillAsync("BANK-JOURNEY-001");
        await chen.Locator("[data-testid='pay-one']").ClickAsync();
        await Expect(chen.Locator(".mud-dialog")).ToContainTextAsync("BANK-JOURNEY-001");
        await chen.Locator(".mud-dialog .mud-dialog-actions button").Last.ClickAsync();
        await Expect(chen.Locator("[data-testid='statement-status']")).ToHaveTextAsync("已付款");
        await Expect(chen.Locator("[data-testid='paid-note']")).ToContainTextAsync("BANK-JOURNEY-001");
        await BrowserFixture.ScreenshotAsync(chen, nameof(SettlementJourneyTests) + "-paid");

        // She queues October's zip and bank batch file as background exports…
        await BrowserFixture.GotoInteractiveAsync(chen, "/settlement");
        var october = chen.Locator("[data-testid='months'] tbody tr", new() { Has = chen.Locator($"a:text-is('{monthText}')") });
        await october.Locator("[data-testid='export-menu'] button").First.ClickAsync();
        await chen.Locator("[data-testid='export-zip']").ClickAsync();
        await Expect(chen.Locator(".mud-snackbar")).ToContainTextAsync("我的导出");
        await october.Locator("[data-testid='export-menu'] button").Last.ClickAsync();
        await chen.Locator("[data-testid='export-csv']").ClickAsync();

        // …sees both finished on "My exports" and downloads them.
        await BrowserFixture.GotoInteractiveAsync(chen, "/exports");
        var zipRow = chen.Locator("[data-testid='exports-table'] tbody tr", new() { HasText = $"statements-{month}.zip" });
        var bankRow = chen.Locator("[data-testid='exports-table'] tbody tr", new() { HasText = $"bank-batch-{month}.csv" });
        await Expect(zipRow.Locator("[data-testid='export-download']")).ToBeVisibleAsync(new() { Timeout = (float)Slow.TotalMilliseconds });
        await Expect(bankRow.Locator("[data-testid='export-download']")).ToBeVisibleAsync(new() { Timeout = (float)Slow.TotalMilliseconds });
        await Expect(zipRow).ToContainTextAsync("已完成");
        await BrowserFixture.ScreenshotAsync(chen, nameof(SettlementJourneyTests) + "-exports");
        var zipFile = await DownloadAsync(chen, zipRow.Locator("[data-testid='export-download']"));
        var bankFile = await DownloadAsync(chen, bankRow.Locator("[data-testid='export-download']"));

        string[] current, unpaid;
        await using (var data = await RunningAppData.OpenAsync(app))
        await using (var db = data.NewContext())
        {
            current = await db.Statements.Where(s => s.Month == month && s.Status != StatementStatus.Superseded).Select(s => s.Number).OrderBy(n => n).ToArrayAsync();
            unpaid = await db.Statements.Where(s => s.Month == month && s.Status == StatementStatus.Issued && s.PayableFen > 0).Select(s => s.Number).OrderBy(n => n).ToArrayAsync();
        }
        using (var zip = ZipFile.OpenRead(zipFile))
        {
            var names = zip.Entries.Select(e => e.FullName).ToHashSet();
            Assert.Equal(current.SelectMany(n => new[] { $"{n}.xlsx", $"{n}.pdf", $"{n}.json" }).Order(), names.Order());
            Assert.Contains($"{numberV2}.pdf", names);
            Assert.DoesNotContain($"{number}.pdf", names);
            using var json = new StreamReader(zip.GetEntry($"{numberV2}.json")!.Open());
            Assert.Contains(numberV2, await json.ReadToEndAsync());
        }
        var csv = (await File.ReadAllLinesAsync(bankFile)).Where(l => l.Length > 0).ToList();
        Assert.Contains("对账单号", csv[0]);
        Assert.Equal(unpaid, csv.Skip(1).Select(l => l.Split(',')[^1].Trim('"')).Order());
        Assert.DoesNotContain(csv, l => l.Contains(numberV2, StringComparison.Ordinal));

        // She proposes a marketing-fee deduction for the supplier.
        await BrowserFixture.GotoInteractiveAsync(chen, $"/adjustments?supplier={supplierCode}");
        await AdjustmentFormSteps.FillAsync(chen, "旅程测试营销费用", "88.50");
        await chen.Locator("[data-testid='adj-submit']").ClickAsync();
        var row = chen.Locator("[data-testid='adjustments-grid'] tr", new() { HasText = "旅程测试营销费用" });
        await Expect(row).ToContainTextAsync("待审批");
        await Expect(row.Locator("button")).ToHaveCountAsync(0); // the maker cannot approve

        // 赵敏 finds it waiting for her and approves it.
        await using var zhaoContext = await browser.NewContextAsync(app);
        var zhao = await zhaoContext.NewPageAsync();
        await BrowserFixture.SignInAsAsync(zhao, "finance.zhao");
        var waiting = zhao.Locator("[data-testid='waiting-list'] a[href^='/adjustments?id=']", new() { HasText = supplierCode });
        await Expect(waiting).ToBeVisibleAsync();
        var id = (await waiting.GetAttributeAsync("href"))!.Split('=')[1];
        await BrowserFixture.GotoInteractiveAsync(zhao, $"/adjustments?id={id}");
        await zhao.Locator($"[data-testid='approve-{id}']").ClickAsync();
        await Expect(zhao.Locator(".mud-dialog")).ToContainTextAsync("-¥88.50");
        await zhao.Locator(".mud-dialog .mud-dialog-actions button").Last.ClickAsync();
        await Expect(zhao.Locator($"[data-testid='adj-status-{id}']")).ToHaveTextAsync("已批准");
        await BrowserFixture.ScreenshotAsync(zhao, nameof(SettlementJourneyTests) + "-approved");
    }

    /// <summary>Clicks a download link (it opens a new tab that receives the file) and returns where the browser saved it.</summary>
    private static async Task<string> DownloadAsync(IPage page, ILocator link)
    {
        var downloaded = new TaskCompletionSource<IDownload>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnDownload(object? sender, IDownload download) => downloaded.TrySetResult(download);
        void OnPage(object? sender, IPage opened) => opened.Download += OnDownload;
        page.Download += OnDownload;
        page.Context.Page += OnPage;
        try
        {
            await link.ClickAsync();
            var download = await downloaded.Task.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
            var path = Path.Combine(Path.GetTempPath(), "backoffice-downloads", Guid.NewGuid().ToString("N"), download.SuggestedFilename);
            await download.SaveAsAsync(path);
            return path;
        }
        finally
        {
            page.Download -= OnDownload;
            page.Context.Page -= OnPage;
        }
    }
}
