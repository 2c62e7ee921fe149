using System.Globalization;
using System.Security.Cryptography;
using BackOffice.Domain.Brands;
using BackOffice.Domain.Common;
using BackOffice.Domain.Orders;
using BackOffice.Domain.Persistence;
using BackOffice.Domain.Sales;
using BackOffice.Domain.Settlement;
using BackOffice.Domain.Shopkeepers;
using BackOffice.Domain.Suppliers;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BackOffice.Tests.Browser;

/// <summary>
/// 陈静 settles a month, issues and pays one statement and proposes an adjustment; 赵敏 approves it from
/// "waiting for me" (four eyes).
/// </summary>
[Collection(RunningAppCollection.Name)]
public sealed class SettlementJourneyTests(AppHost app, BrowserFixture browser)
{
    [Fact]
    public async Task Settlement_ChenRunsIssuesAndPaysAndZhaoApprovesChensAdjustment_PaidAndApproved()
    {
        var ct = TestContext.Current.CancellationToken;
        var today = ChinaTime.Today(TimeProvider.System);
        var month = SettlementMonth.Of(today.AddMonths(-2));
        var supplierCode = await SeedShippedLinesAsync(SettlementMonth.FirstDay(month).AddDays(2));
        var number = Statement.FormatNumber(supplierCode, month, 1);

        // 陈静 runs settlement through the end of last month (the page's default date).
        await using var chenContext = await browser.NewContextAsync(app);
        var chen = await chenContext.NewPageAsync();
        await BrowserFixture.SignInAsAsync(chen, "finance.chen");
        await BrowserFixture.GotoInteractiveAsync(chen, "/settlement");
        await chen.Locator("[data-testid='run-settlement']").ClickAsync();
        await Expect(chen.Locator("[data-testid='run-result']")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await BrowserFixture.ScreenshotAsync(chen, nameof(SettlementJourneyTests) + "-run");

        // She finds the supplier's statement and opens it.
        await BrowserFixture.GotoInteractiveAsync(chen, "/statements");
        await chen.Locator("[data-testid='statement-search']").FillAsync(supplierCode);
        await chen.Locator("[data-testid='statement-search']").PressAsync("Enter");
        var link = chen.Locator("[data-testid='statements-grid'] a", new() { HasText = number });
        await Expect(link).ToBeVisibleAsync();
        await link.ClickAsync(); // navigation inside the same circuit
        await Expect(chen.Locator("[data-testid='statement-number']")).ToHaveTextAsync(number);
        await Expect(chen.Locator("[data-testid='statement-status']")).ToHaveTextAsync("草稿");

        // Issues it after confirming.
        await chen.Locator("[data-testid='issue-statement']").ClickAsync();
        await Expect(chen.Locator(".mud-dialog")).ToContainTextAsync(number);
        await chen.Locator(".mud-dialog .mud-dialog-actions button").Last.ClickAsync();
        await Expect(chen.Locator("[data-testid='statement-status']")).ToHaveTextAsync("已开具");

        // Records the payment after confirming.
        await chen.Locator("[data-testid='pay-reference']").FillAsync("BANK-JOURNEY-001");
        await chen.Locator("[data-testid='pay-one']").ClickAsync();
        await Expect(chen.Locator(".mud-dialog")).ToContainTextAsync("BANK-JOURNEY-001");
        await chen.Locator(".mud-dialog .mud-dialog-actions button").Last.ClickAsync();
        await Expect(chen.Locator("[data-testid='statement-status']")).ToHaveTextAsync("已付款");
        await Expect(chen.Locator("[data-testid='paid-note']")).ToContainTextAsync("BANK-JOURNEY-001");
        await BrowserFixture.ScreenshotAsync(chen, nameof(SettlementJourneyTests) + "-paid");

        // Proposes a marketing-fee deduction for the supplier.
        await BrowserFixture.GotoInteractiveAsync(chen, $"/adjustments?supplier={supplierCode}");
        // Reason first: the preview is rendered by the server from the amount typed after it, so once the
        // preview shows, the server has the reason too (a circuit handles events in order).
        await chen.Locator("[data-testid='adj-reason']").FillAsync("旅程测试营销费用");
        await chen.Locator("[data-testid='adj-amount']").FillAsync("88.50");
        await Expect(chen.Locator("[data-testid='adj-preview']")).ToContainTextAsync("-¥88.50");
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

    /// <summary>A supplier of its own with three lines shipped on <paramref name="shippedOn"/>, written straight into the app's database.</summary>
    private async Task<string> SeedShippedLinesAsync(DateOnly shippedOn)
    {
        var factory = new BackOfficeDbContextFactory(new DatabaseOptions { DataFolder = app.DataFolder });
        await using var db = factory.CreateDbContext();
        var suffix = Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        var code = $"SUP-{suffix}";
        // Its own credit code: codes are unique and the agreement journey uses another in the same app.
        var supplier = new Supplier(code, $"结算旅程{suffix}有限公司", UnifiedSocialCreditCode.Parse("91110000802100433B"), "测试", "13800000000",
            new BankAccount("结算旅程", "招商银行", "6225880100000019"), DateTime.UtcNow);
        db.Suppliers.Add(supplier);
        await db.SaveChangesAsync();
        var brand = new Brand(supplier.Id, new BrandDetails($"结算{suffix}", "Settle", "Food", "TM-S", new DateOnly(2030, 1, 1), "授权", new DateOnly(2030, 1, 1)),
            People.SelectionLi, DateTime.UtcNow);
        db.Brands.Add(brand);
        await db.SaveChangesAsync();
        var product = new Product(brand.Id, $"SKU-{suffix}", "坚果礼盒", Money.FromYuan(200));
        var shopkeeper = new Shopkeeper($"SK-{suffix}", "13912345678", "李小红", "浙江", "杭州", shippedOn.AddYears(-1),
            new PersonalDataProtector(RandomNumberGenerator.GetBytes(32)));
        db.Products.Add(product);
        db.Shopkeepers.Add(shopkeeper);
        await db.SaveChangesAsync();
        var start = ChinaTime.ToUtc(shippedOn.AddDays(-2), new TimeOnly(10, 0));
        var sale = new Sale($"SALE-J{suffix}", brand.Id, "Food", "旅程特卖", People.SelectionLi, start.AddDays(-30));
        sale.SetProduct(product.Id, Money.FromYuan(200), Money.FromYuan(100), 1000);
        sale.Schedule(start, start.AddDays(1), SaleKind.Flash, 1000, new SettlementDefaults().ToSnapshot(), start.AddDays(-10));
        db.Sales.Add(sale);
        await db.SaveChangesAsync();
        for (var i = 1; i <= 3; i++)
        {
            var line = new OrderLine($"OL-J{suffix}-{i}", $"O-J{suffix}-{i}", sale.Id, product.Id, brand.Id, "Food", shopkeeper.Id, 1, 10_000 * i, 0, start.AddHours(1));
            line.Ship(ChinaTime.ToUtc(shippedOn, new TimeOnly(10, 0)));
            db.OrderLines.Add(line);
        }
        await db.SaveChangesAsync();
        return code;
    }
}
