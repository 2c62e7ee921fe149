using BackOffice.Components.Pages.Sales;
using BackOffice.Domain.Sales;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using Bunit;
using static BackOffice.Tests.Builders.SalesData;

namespace BackOffice.Tests.Components.Sales;

/// <summary>The schedule form's messages, over the real service on a real database.</summary>
public sealed class ScheduleFormTests : ComponentTestContext, IAsyncLifetime
{
    private TestDatabase _database = null!;
    private SalesData _data = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _data = new SalesData(_database);
        Services.AddSingleton(_database.Get<SaleSchedulingService>());
        Services.AddSingleton<TimeProvider>(_database.Clock);
        SignInAs("selection.li", "李娜 Li Na", "Selection");
    }

    public new async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        await base.DisposeAsync();
    }

    private async Task<(IRenderedComponent<ScheduleForm> Form, SaleDetails Sale)> RenderFormAsync(int? brandId = null)
    {
        var brand = brandId ?? (await _data.BrandAsync(await _data.SupplierAsync())).BrandId;
        var draft = await _data.DraftAsync(brand);
        var sale = (await _database.Get<SaleSchedulingService>().GetAsync(draft))!;
        return (Render<ScheduleForm>(p => p.Add(f => f.Sale, sale)), sale);
    }

    private static AngleSharp.Dom.IElement PriceInput(IRenderedComponent<ScheduleForm> form, int productId) =>
        form.Find($"input[data-testid='price-{productId}'], [data-testid='price-{productId}'] input");

    [Fact]
    public async Task Check_PriceAboveListAndThreeDecimals_FieldMessagesInEnglish()
    {
        UseCulture("en");
        var (form, sale) = await RenderFormAsync();
        var first = sale.Products[0].ProductId;
        var second = sale.Products[1].ProductId;

        PriceInput(form, first).Input("100.01");
        PriceInput(form, second).Input("12.345");
        form.Find("[data-testid='check-readiness']").Click();

        form.WaitForAssertion(() =>
        {
            Assert.Contains("The sale price ¥100.01 is above the list price ¥100.00", form.Markup);
            Assert.Contains("At most two decimals (fen)", form.Markup);
            Assert.Contains("Correct the fields marked in red", form.Find("[data-testid='schedule-error']").TextContent);
        });
        Assert.Empty(form.FindAll("[data-testid='readiness']"));
    }

    [Fact]
    public async Task Typing_SalePrice_ShowsTheDiscountInChinese()
    {
        var (form, sale) = await RenderFormAsync();
        var product = sale.Products[0].ProductId;

        PriceInput(form, product).Input("59.90");

        form.WaitForAssertion(() => Assert.Equal("减 40.1%", form.Find($"[data-testid='discount-{product}']").TextContent.Trim()));
    }

    [Fact]
    public async Task Check_BrandInCooldown_ExplainsTheConflictAndOffersTheNextFreeStart()
    {
        UseCulture("en");
        var (brand, _) = await _data.BrandAsync(await _data.SupplierAsync());
        // The form proposes tomorrow (29 November) 10:00 for a day; the brand's other sale ends at 10:00 that day.
        await _data.ScheduledAsync(brand, China(11, 28, 12), China(11, 29));
        var (form, _) = await RenderFormAsync(brand);

        form.Find("[data-testid='check-readiness']").Click();

        form.WaitForAssertion(() =>
        {
            var conflicts = form.Find("[data-testid='check-Conflicts']");
            Assert.Equal("false", conflicts.GetAttribute("data-passed"));
            Assert.Contains("The brand rests 72 h around SALE-000001 (2026-11-28 12:00 – 2026-11-29 10:00)", conflicts.TextContent);
            Assert.Contains("Next free start: 2026-12-02 10:00 (China time)", form.Find("[data-testid='next-free']").TextContent);
            Assert.Equal("true", form.Find("[data-testid='check-Brand']").GetAttribute("data-passed"));
        });
    }

    [Fact]
    public async Task UseNextFree_MovesTheWindow_AndTheChecklistPassesWithDefaultTerms()
    {
        UseCulture("en");
        var (brand, _) = await _data.BrandAsync(await _data.SupplierAsync());
        await _data.ScheduledAsync(brand, China(11, 28, 12), China(11, 29));
        var (form, _) = await RenderFormAsync(brand);
        form.Find("[data-testid='check-readiness']").Click();
        form.WaitForElement("[data-testid='use-next-free']");

        form.Find("[data-testid='use-next-free']").Click();

        form.WaitForAssertion(() =>
        {
            Assert.All(form.FindAll("[data-testid^='check-']").Where(e => e.HasAttribute("data-passed")), e => Assert.Equal("true", e.GetAttribute("data-passed")));
            Assert.Contains("Defaults", form.Find("[data-testid='terms-source']").TextContent);
            Assert.Equal("8%", form.Find("[data-testid='terms-commission']").TextContent.Trim());
        });
    }
}
