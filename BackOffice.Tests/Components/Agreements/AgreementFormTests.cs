using BackOffice.Components.Pages.Agreements;
using BackOffice.Domain;
using BackOffice.Domain.Agreements;
using BackOffice.Domain.Identity;
using BackOffice.Hosting;
using BackOffice.Tests.Infrastructure;
using Bunit;

namespace BackOffice.Tests.Components.Agreements;

public sealed class AgreementFormTests : DatabaseComponentTestContext
{

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        SignInAs("am.wang", "王芳 Wang Fang", Roles.AccountManager);
    }

    private static AgreementFormModel Model(int commissionBp = 800, DateTime? end = null)
    {
        var model = new AgreementFormModel
        {
            SupplierId = null,
            TermStart = new DateTime(2027, 1, 1),
            TermEnd = end ?? new DateTime(2027, 12, 31),
            GmvTargetYuan = "5000000",
            CommissionBp = commissionBp,
        };
        return model;
    }

    [Theory]
    [InlineData(1000, false)]
    [InlineData(1001, true)]
    public void Render_CommissionAroundTenPercent_WarnsOnlyAbove1000Bp(int bp, bool warns)
    {
        var form = Render<AgreementForm>(p => p.Add(f => f.Model, Model(bp)));

        Assert.Equal(warns, form.FindAll("[data-testid='commission-warning']").Count == 1);
    }

    [Fact]
    public void Submit_366DayTermWithoutSupplier_NoTermErrorButTheSupplierIsRequired()
    {
        var saved = false;
        var form = Render<AgreementForm>(p => p
            .Add(f => f.Model, Model(end: new DateTime(2028, 1, 1)))
            .Add(f => f.OnSave, (AgreementDraft _) => saved = true));

        Assert.Contains("共 366 天", form.Markup, StringComparison.Ordinal); // 2027-01-01 to 2028-01-01 inclusive
        form.Find("form").Submit();
        Assert.DoesNotContain("现为", form.Markup, StringComparison.Ordinal);
        Assert.False(saved); // no supplier chosen
        Assert.Contains("请选择供应商", form.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_367DayTermAndFallingTiers_FieldErrorsShownAndNothingSaved()
    {
        var saved = false;
        var model = Model(end: new DateTime(2028, 1, 2));
        model.Tiers.Add(new AgreementFormModel.TierInput { ThresholdYuan = "20000", ReductionBp = 50 });
        model.Tiers.Add(new AgreementFormModel.TierInput { ThresholdYuan = "10000", ReductionBp = 100 });
        var form = Render<AgreementForm>(p => p.Add(f => f.Model, model).Add(f => f.OnSave, (AgreementDraft _) => saved = true));

        form.Find("form").Submit();

        Assert.Contains("现为 367 天", form.Markup, StringComparison.Ordinal);
        Assert.Contains("第 2 档门槛须高于上一档", form.Markup, StringComparison.Ordinal);
        Assert.False(saved);
    }

    [Fact]
    public void Problems_AmountWithThreeDecimals_RefusedOnTheTargetField()
    {
        var model = Model();
        model.GmvTargetYuan = "12.345";
        Assert.True(model.Problems().ContainsKey(nameof(AgreementTerms.GmvTargetFen)));
        Assert.Null(model.ToDraft());
    }
}
