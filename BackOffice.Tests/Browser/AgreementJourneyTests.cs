using System.Text.RegularExpressions;
using BackOffice.Domain.Brands;
using BackOffice.Domain.Persistence;
using BackOffice.Domain.Suppliers;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BackOffice.Tests.Browser;

/// <summary>Two account managers take an agreement from draft to signed in the browser (four eyes).</summary>
[Collection(RunningAppCollection.Name)]
public sealed class AgreementJourneyTests(AppHost app, BrowserFixture browser)
{
    [Fact]
    public async Task Agreement_DraftedByWangSubmittedAndSignedByLiu_Signed()
    {
        var (supplierCode, brandName) = await SeedSupplierAsync();

        // 王芳 drafts and submits.
        await using var wangContext = await browser.NewContextAsync(app);
        var wang = await wangContext.NewPageAsync();
        await BrowserFixture.SignInAsAsync(wang, "am.wang");
        await BrowserFixture.GotoInteractiveAsync(wang, "/agreements/new");
        await wang.Locator("[data-testid='agreement-supplier']").ClickAsync();
        await wang.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = supplierCode }).ClickAsync();
        await wang.GetByText(brandName).ClickAsync();
        await wang.Locator("[data-testid='agreement-target']").FillAsync("5000000");
        await wang.Locator("[data-testid='agreement-commission']").FillAsync("1001");
        await Expect(wang.Locator("[data-testid='commission-warning']")).ToBeVisibleAsync();
        await wang.Locator("[data-testid='agreement-commission']").FillAsync("1000");
        await Expect(wang.Locator("[data-testid='commission-warning']")).ToHaveCountAsync(0);
        await wang.Locator("[data-testid='add-tier']").ClickAsync();
        await wang.Locator("[data-testid='tier-threshold-0']").FillAsync("1000000");
        await wang.Locator("[data-testid='agreement-save']").ClickAsync();

        await Expect(wang.Locator("[data-testid='agreement-code']")).ToHaveTextAsync(new Regex(@"^FA-\d{4}-\d{4}$"));
        await Expect(wang.Locator("[data-testid='agreement-status']")).ToHaveTextAsync("草稿");
        var path = new Uri(wang.Url).AbsolutePath;
        await wang.Locator("[data-testid='action-submit']").ClickAsync();
        await wang.Locator(".mud-dialog .mud-dialog-actions button").Last.ClickAsync();
        await Expect(wang.Locator("[data-testid='agreement-status']")).ToHaveTextAsync("待审批");
        await Expect(wang.Locator("[data-testid='action-sign']")).ToHaveCountAsync(0); // the author cannot sign
        await BrowserFixture.ScreenshotAsync(wang, nameof(Agreement_DraftedByWangSubmittedAndSignedByLiu_Signed) + "-submitted");

        // 刘洋 finds it waiting for him and signs.
        await using var liuContext = await browser.NewContextAsync(app);
        var liu = await liuContext.NewPageAsync();
        await BrowserFixture.SignInAsAsync(liu, "am.liu");
        var waiting = liu.Locator($"[data-testid='waiting-list'] a[href='{path}']");
        await Expect(waiting).ToBeVisibleAsync();
        await BrowserFixture.GotoInteractiveAsync(liu, path);
        await liu.Locator("[data-testid='action-sign']").ClickAsync();
        await liu.Locator("[data-testid='sign-reference']").FillAsync("HT-JOURNEY-001");
        await liu.Locator("[data-testid='sign-confirm']").ClickAsync();

        await Expect(liu.Locator("[data-testid='agreement-status']")).ToHaveTextAsync("已签署");
        await Expect(liu.Locator("[data-testid='agreement-history']")).ToContainTextAsync("审批并签署");
        await Expect(liu.Locator("[data-testid='agreement-terms']")).ToContainTextAsync("HT-JOURNEY-001");
        await BrowserFixture.ScreenshotAsync(liu, nameof(Agreement_DraftedByWangSubmittedAndSignedByLiu_Signed) + "-signed");
    }

    /// <summary>
    /// The app under test starts without demo data and supplier pages belong to another feature, so the test
    /// writes one supplier and brand straight into the app's database (WAL lets both write).
    /// </summary>
    private async Task<(string SupplierCode, string BrandName)> SeedSupplierAsync()
    {
        // AppHost keeps its data folder private; read it rather than duplicate the host.
        var folder = app.DataFolder;
        var factory = new BackOfficeDbContextFactory(new DatabaseOptions { DataFolder = folder });
        await using var db = factory.CreateDbContext();
        var suffix = Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var code = $"SUP-{suffix}";
        var supplier = new Supplier(code, $"旅程测试供应商{suffix}有限公司", UnifiedSocialCreditCode.Parse("91330000712560751D"), "测试", "13800000000",
            new BankAccount("旅程测试", "招商银行", "6225880100000009"), DateTime.UtcNow);
        db.Suppliers.Add(supplier);
        await db.SaveChangesAsync();
        var brandName = $"旅程{suffix}";
        db.Brands.Add(new Brand(supplier.Id, new BrandDetails(brandName, "Journey", "Beauty", "TM-J", new DateOnly(2030, 1, 1), "授权", new DateOnly(2030, 1, 1)),
            People.SelectionLi, DateTime.UtcNow));
        await db.SaveChangesAsync();
        return (code, brandName);
    }
}
