using BackOffice.Components.Pages.Settlement;
using BackOffice.Domain.Common;
using BackOffice.Domain.Settlement;
using BackOffice.Tests.Infrastructure;
using Bunit;

namespace BackOffice.Tests.Components.Settlement;

public sealed class AdjustmentFormTests : ComponentTestContext
{
    private static readonly SupplierChoice Supplier = new(7, "SUP-000007", "杭州织梦服饰有限公司");

    private readonly TabSessionStorage _tab;

    public AdjustmentFormTests()
    {
        UseCulture("en");
        _tab = new TabSessionStorage(this);
    }

    private (IRenderedComponent<AdjustmentForm> Form, List<AdjustmentDraft> Submitted) RenderForm(SupplierChoice? supplier = null, string? draftKey = null)
    {
        var submitted = new List<AdjustmentDraft>();
        var form = Render<AdjustmentForm>(p => p
            .Add(f => f.SearchSuppliers, (_, _) => Task.FromResult<IEnumerable<SupplierChoice>>([Supplier]))
            .Add(f => f.Supplier, supplier)
            .Add(f => f.DraftKey, draftKey)
            .Add(f => f.OnSubmit, (AdjustmentDraft d) => submitted.Add(d)));
        return (form, submitted);
    }

    [Fact]
    public async Task Render_KeptDraft_RestoredThenForgottenOnClear()
    {
        await _tab.PlantAsync("adjustment:finance.chen", null,
            new AdjustmentForm.Kept(Supplier, AdjustmentType.LateShipmentPenalty, -1, "300", "十月迟发罚款", false, null));

        var (form, submitted) = RenderForm(draftKey: "adjustment:finance.chen");

        form.WaitForAssertion(() => Assert.NotEmpty(form.FindAll("[data-testid='adj-draft-restored']")));
        Assert.Equal("十月迟发罚款", form.Find("[data-testid='adj-reason']").GetAttribute("value"));
        form.Find("form").Submit();
        Assert.Equal(new AdjustmentDraft(7, AdjustmentType.LateShipmentPenalty, new Money(-30_000), "十月迟发罚款", null, false), Assert.Single(submitted));

        await form.InvokeAsync(form.Instance.ClearAsync);

        Assert.True(_tab.Removed("adjustment:finance.chen"));
        Assert.Empty(form.FindAll("[data-testid='adj-draft-restored']"));
    }

    private static void Type(IRenderedComponent<AdjustmentForm> form, string testId, string value) =>
        form.Find($"[data-testid='{testId}']").Input(value);

    [Fact]
    public void Submit_Empty_ShowsSupplierAmountAndReasonErrorsAndSubmitsNothing()
    {
        var (form, submitted) = RenderForm();

        form.Find("form").Submit();

        Assert.Empty(submitted);
        Assert.Contains("Choose a supplier", form.Markup);
        Assert.Contains("Enter an amount", form.Markup);
        Assert.Contains("Enter a reason", form.Markup);
    }

    [Theory]
    [InlineData("12.345", "At most two decimals")]
    [InlineData("abc", "is not an amount in yuan")]
    [InlineData("-12", "Enter the amount without a sign")]
    [InlineData("0", "An adjustment cannot be zero")]
    public void Submit_BadAmount_ShowsTheErrorUnderTheAmountOnly(string amount, string error)
    {
        var (form, submitted) = RenderForm(Supplier);
        Type(form, "adj-amount", amount);
        Type(form, "adj-reason", "十月营销费用");

        form.Find("form").Submit();

        Assert.Empty(submitted);
        var amountField = form.Find("[data-testid='adj-amount']").Closest(".mud-input-control")!;
        Assert.Contains(error, amountField.TextContent);
        Assert.DoesNotContain("Enter a reason", form.Markup);
        Assert.DoesNotContain("Choose a supplier", form.Markup);
    }

    [Fact]
    public void Submit_MarketingFee_IsDeductedAsANegativeAmount()
    {
        var (form, submitted) = RenderForm(Supplier);
        Type(form, "adj-amount", "1,200.50");
        Type(form, "adj-reason", " 十月营销费用 ");

        Assert.Contains("-¥1,200.50", form.Find("[data-testid='adj-preview']").TextContent);
        form.Find("form").Submit();

        var draft = Assert.Single(submitted);
        Assert.Equal(new AdjustmentDraft(7, AdjustmentType.MarketingFee, new Money(-120_050), "十月营销费用", null, false), draft);
    }

    [Fact]
    public void DefaultSign_PerType_DeductsFeesPenaltiesAndCompensationAddsOther()
    {
        Assert.Equal(-1, AdjustmentForm.DefaultSign(AdjustmentType.MarketingFee));
        Assert.Equal(-1, AdjustmentForm.DefaultSign(AdjustmentType.LateShipmentPenalty));
        Assert.Equal(-1, AdjustmentForm.DefaultSign(AdjustmentType.AfterSaleCompensation));
        Assert.Equal(1, AdjustmentForm.DefaultSign(AdjustmentType.Other));
    }
}
