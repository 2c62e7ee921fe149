using System.Globalization;
using System.Text.RegularExpressions;
using BackOffice.Domain.Suppliers;
using BackOffice.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BackOffice.Tests.Browser;

/// <summary>Selection in the browser: one person applies for a brand, another approves it, and the brand page tells the story.</summary>
[Collection(RunningAppCollection.Name)]
public sealed class SelectionJourneyTests(AppHost app, BrowserFixture browser)
{
    private static string NewCreditCode()
    {
        var first17 = "91310000" + (DateTime.UtcNow.Ticks % 1_000_000_000).ToString("000000000", CultureInfo.InvariantCulture);
        return first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
    }

    private static async Task PickAsync(IPage page, string testId, string option)
    {
        await page.Locator($"[data-testid='{testId}']").Locator("xpath=ancestor::div[contains(@class,'mud-select')][1]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First.ClickAsync();
        // The choice travels to the server and back; wait until the select shows it before the next step uses it.
        await page.WaitForFunctionAsync(
            "([id, text]) => [...document.querySelectorAll(`[data-testid='${id}']`)].some(e => { const s = e.closest('.mud-select') ?? e; return s.innerText.includes(text) || [...s.querySelectorAll('input')].some(i => i.value.includes(text)); })",
            new[] { testId, option });
    }

    /// <summary>Navigates and waits until the new circuit has rendered, so buttons and dialogs respond.</summary>
    private static Task GotoInteractiveAsync(IPage page, string url) => BrowserFixture.GotoInteractiveAsync(page, url);

    private static async Task ConfirmAsync(IPage page) =>
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();

    [Fact]
    public async Task BrandApplication_SubmittedByLi_ApprovedByZhang_ShowsApprovedWithHistory()
    {
        var brandName = "测品" + (DateTime.UtcNow.Ticks % 100_000).ToString(CultureInfo.InvariantCulture);

        // 李娜 registers the supplier and applies for the brand.
        await using (var li = await browser.NewContextAsync(app))
        {
            var page = await li.NewPageAsync();
            var interactive = BrowserFixture.WhenInteractive(page);
            await BrowserFixture.SignInAsAsync(page, "selection.li");
            await interactive.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
            await GotoInteractiveAsync(page, "/suppliers");
            await page.Locator("[data-testid='register-supplier']").ClickAsync();
            await page.Locator("[data-testid='supplier-name']").FillAsync("上海测品供应链有限公司");
            var code = NewCreditCode();
            await page.Locator("[data-testid='supplier-credit-code']").FillAsync(code[..17] + (code[17] == '0' ? '1' : '0'));
            await page.Locator("[data-testid='supplier-save']").ClickAsync();
            await Expect(page.Locator(".mud-dialog")).ToContainTextAsync("校验位错误");
            await page.Locator("[data-testid='supplier-credit-code']").FillAsync(code);
            await page.Locator("[data-testid='supplier-save']").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/suppliers/\d+$"));
            await Expect(page.Locator("[data-testid='supplier-title']")).ToContainTextAsync("上海测品供应链有限公司");
            await BrowserFixture.ScreenshotAsync(page, "selection-supplier-detail");

            await page.Locator("[data-testid='new-brand']").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/brands/new\?supplierId=\d+"));
            await page.Locator("[data-testid='brand-name-zh']").FillAsync(brandName);
            await page.Locator("[data-testid='brand-name-latin']").FillAsync("Cepin");
            await PickAsync(page, "brand-category", "美妆");
            await page.Locator("[data-testid='brand-trademark']").FillAsync("TM-88001234");
            await page.Locator("[data-testid='brand-auth-text']").FillAsync("品牌方独家授权，2026–2027");
            await BrowserFixture.ScreenshotAsync(page, "selection-brand-new");
            await page.Locator("[data-testid='brand-save']").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/brands/\d+$"));
            await Expect(page.Locator("[data-testid='brand-status']")).ToHaveAttributeAsync("data-status", "Draft");
            await page.Locator("[data-testid='submit-brand']").ClickAsync();
            await ConfirmAsync(page);
            await Expect(page.Locator("[data-testid='brand-status']")).ToHaveAttributeAsync("data-status", "Submitted");
            // The applicant is not offered the review.
            await Expect(page.Locator("[data-testid='start-review']")).ToHaveCountAsync(0);
        }

        // 张伟 finds it in the queue, scores it and approves.
        await using var zhang = await browser.NewContextAsync(app);
        var p2 = await zhang.NewPageAsync();
        var ready = BrowserFixture.WhenInteractive(p2);
        await BrowserFixture.SignInAsAsync(p2, "selection.zhang");
        await ready.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        await Expect(p2.Locator("[data-testid='waiting-list']")).ToContainTextAsync(brandName);
        await GotoInteractiveAsync(p2, "/brands/review");
        await Expect(p2.Locator("[data-testid='brand-grid']")).ToContainTextAsync(brandName);
        await BrowserFixture.ScreenshotAsync(p2, "selection-review-queue");
        await p2.Locator("[data-testid='brand-grid'] a").Filter(new() { HasText = brandName }).ClickAsync();
        await p2.Locator("[data-testid='start-review']").ClickAsync();
        await Expect(p2.Locator("[data-testid='brand-status']")).ToHaveAttributeAsync("data-status", "UnderReview");

        await Expect(p2.Locator("[data-testid='recommendation']")).ToHaveAttributeAsync("data-recommended", "false");
        foreach (var (key, score) in new[] { ("Goods", "4"), ("Service", "4"), ("Marketing", "4"), ("Incentives", "3"), ("Delivery", "4") })
        {
            await p2.Locator($"[data-testid='score-{key}'] input").FillAsync(score);
        }
        await Expect(p2.Locator("[data-testid='score-sum']")).ToHaveTextAsync("19");
        await Expect(p2.Locator("[data-testid='recommendation']")).ToHaveAttributeAsync("data-recommended", "true");
        await p2.Locator("[data-testid='comment-Goods']").FillAsync("正品，质检报告齐全");
        await p2.Locator("[data-testid='decision-reason']").FillAsync("五大好达标，同意引入");
        await BrowserFixture.ScreenshotAsync(p2, "selection-brand-assessment");
        await p2.Locator("[data-testid='approve']").ClickAsync();
        await ConfirmAsync(p2);

        await Expect(p2.Locator("[data-testid='brand-status']")).ToHaveAttributeAsync("data-status", "Approved");
        await p2.GetByRole(AriaRole.Tab, new() { Name = "历史" }).ClickAsync();
        var history = p2.Locator("[data-testid='history']");
        await Expect(history).ToContainTextAsync("brand.drafted");
        await Expect(history).ToContainTextAsync("brand.submitted");
        await Expect(history).ToContainTextAsync("brand.review-started");
        await Expect(history).ToContainTextAsync("brand.approved");
        await Expect(history).ToContainTextAsync("李娜 Li Na");
        await Expect(history).ToContainTextAsync("张伟 Zhang Wei");
        await BrowserFixture.ScreenshotAsync(p2, "selection-brand-approved-history");

        // 张伟 adds a product, scores it by the five small goods and puts it in a draft sale.
        await p2.GetByRole(AriaRole.Tab, new() { Name = "商品" }).ClickAsync();
        await p2.Locator("[data-testid='add-product']").ClickAsync();
        await p2.Locator("[data-testid='product-sku']").FillAsync("CP-" + brandName);
        await p2.Locator("[data-testid='product-name']").FillAsync("保湿面霜 50ml");
        await p2.Locator("[data-testid='product-price']").FillAsync("199");
        await p2.Locator("[data-testid='product-save']").ClickAsync();
        await Expect(p2.Locator("[data-testid='why-not']")).ToContainTextAsync("未评分");
        await p2.Locator("[data-testid='score-product']").ClickAsync();
        await p2.Locator("[data-testid='score-sale-price']").FillAsync("99");
        await Expect(p2.Locator("[data-testid='suggested-price']")).ToContainTextAsync("4");
        await BrowserFixture.ScreenshotAsync(p2, "selection-product-score");
        await p2.Locator("[data-testid='score-save']").ClickAsync();
        await Expect(p2.Locator("[data-testid='product-grid']")).ToContainTextAsync("3 · 4 · 3 · 3 · 3");
        await BrowserFixture.ScreenshotAsync(p2, "selection-brand-products");

        await p2.GetByRole(AriaRole.Tab, new() { Name = "选品" }).ClickAsync();
        await p2.Locator("[data-testid='new-sale-draft']").ClickAsync();
        await Expect(p2.Locator("[data-testid='sale-draft']")).ToContainTextAsync("SALE-");
        await PickAsync(p2, "sale-product", "CP-" + brandName);
        await p2.Locator("[data-testid='sale-price']").FillAsync("299");
        await p2.Locator("[data-testid='sale-add-line']").ClickAsync();
        await Expect(p2.Locator("[data-testid='sale-error']")).ToContainTextAsync("高于标价");
        await p2.Locator("[data-testid='sale-price']").FillAsync("99");
        await p2.Locator("[data-testid='sale-add-line']").ClickAsync();
        await Expect(p2.Locator("[data-testid='sale-draft']")).ToContainTextAsync("¥99.00");
        await BrowserFixture.ScreenshotAsync(p2, "selection-sale-draft");
    }

    [Fact]
    public async Task BankAccountChange_RequestedBySelection_TakesEffectWhenFinanceApproves()
    {
        string supplierUrl;
        await using (var li = await browser.NewContextAsync(app))
        {
            var page = await li.NewPageAsync();
            var interactive = BrowserFixture.WhenInteractive(page);
            await BrowserFixture.SignInAsAsync(page, "selection.li");
            await interactive.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
            await GotoInteractiveAsync(page, "/suppliers");
            await page.Locator("[data-testid='register-supplier']").ClickAsync();
            await page.Locator("[data-testid='supplier-name']").FillAsync("杭州银行变更测试有限公司");
            await page.Locator("[data-testid='supplier-credit-code']").FillAsync(NewCreditCode());
            await page.Locator("[data-testid='supplier-save']").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/suppliers/\d+$"));
            supplierUrl = new Uri(page.Url).AbsolutePath;
            await page.Locator("[data-testid='request-bank-change']").ClickAsync();
            var dialog = page.Locator(".mud-dialog");
            await dialog.GetByLabel("户名").FillAsync("杭州银行变更测试有限公司");
            await dialog.GetByLabel("开户行").FillAsync("招商银行杭州分行");
            await dialog.GetByLabel("账号").FillAsync("6214830000001234");
            await dialog.GetByLabel("理由").FillAsync("开户行变更");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "提交财务审批" }).ClickAsync();
            await Expect(page.Locator("[data-testid='bank-changes']")).ToContainTextAsync("待审批");
            await Expect(page.Locator("[data-testid='bank-account']")).Not.ToContainTextAsync("1234");
            await Expect(page.Locator("[data-testid='approve-bank-change']")).ToHaveCountAsync(0);
            await page.GotoAsync("/brands/expiring");
            await Expect(page.Locator("[data-testid='expiring-table']")).ToBeVisibleAsync();
            await BrowserFixture.ScreenshotAsync(page, "selection-brands-expiring");
        }

        await using var chen = await browser.NewContextAsync(app);
        var p2 = await chen.NewPageAsync();
        var ready = BrowserFixture.WhenInteractive(p2);
        await BrowserFixture.SignInAsAsync(p2, "finance.chen");
        await ready.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        await p2.Locator($"[data-testid='waiting-list'] a[href='{supplierUrl}']").ClickAsync();
        await Expect(p2).ToHaveURLAsync(new Regex(Regex.Escape(supplierUrl) + "$"));
        await BrowserFixture.ScreenshotAsync(p2, "selection-supplier-bank-change-finance");
        await p2.Locator("[data-testid='approve-bank-change']").ClickAsync();
        await p2.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "批准" }).ClickAsync();
        await Expect(p2.Locator("[data-testid='bank-account']")).ToContainTextAsync("1234");
        await Expect(p2.Locator("[data-testid='bank-changes']")).ToContainTextAsync("已批准");
    }

    [Fact]
    public async Task SelectionLists_ViewableByAnalyst_WorkingPagesNot()
    {
        await using var context = await browser.NewContextAsync(app);
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsAsync(page, "analyst.sun");
        await page.GotoAsync("/suppliers");
        await Expect(page.Locator("[data-testid='supplier-grid']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid='register-supplier']")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "selection-suppliers-list-analyst");
        await page.GotoAsync("/brands");
        await Expect(page.Locator("[data-testid='brand-grid']")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "selection-brands-list-analyst");
        await page.GotoAsync("/brands/review");
        await Expect(page.Locator("[data-testid='brand-grid']")).ToHaveCountAsync(0);
    }
}
