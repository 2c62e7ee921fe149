using BackOffice.Components.Pages.Agreements;
using BackOffice.Domain;
using BackOffice.Domain.Agreements;
using BackOffice.Domain.Identity;
using BackOffice.Hosting;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Domain.Agreements;
using BackOffice.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Tests.Components.Agreements;

/// <summary>The agreement form keeps unsaved input across a server restart: restored (brands and tiers too), forgotten once saved.</summary>
public sealed class AgreementDraftTests : DatabaseComponentTestContext
{
    private AgreementData _data = null!;
    private readonly TabSessionStorage _tab;

    public AgreementDraftTests()
    {
        UseCulture("en");
        _tab = new TabSessionStorage(this);
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _data = await AgreementData.SeedAsync(Database);
        SignInAs("am.wang", "王芳", Roles.AccountManager);
    }

    private AgreementFormModel Typed()
    {
        var typed = AgreementFormModel.New(new DateOnly(2026, 11, 28));
        typed.SupplierId = _data.SupplierId;
        typed.BrandIds.Add(_data.BrandIds[1]);
        (typed.GmvTargetYuan, typed.CommissionBp, typed.Signatories, typed.DocumentReference) = ("8,800,000", 700, "王芳 / 供应商法人", "HT-2026-KEPT");
        typed.Tiers.Add(new AgreementFormModel.TierInput { ThresholdYuan = "5,000,000", ReductionBp = 50 });
        return typed;
    }

    [Fact]
    public async Task New_KeptDraft_RestoredThenForgottenAfterSave()
    {
        await _tab.PlantAsync("agreement-new:am.wang", null, Typed());

        var page = Render<AgreementNew>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid='agreement-draft-restored']")));
        Assert.Equal("HT-2026-KEPT", page.Find("[data-testid='agreement-document']").GetAttribute("value"));
        Assert.Equal("5,000,000", page.Find("[data-testid='tier-threshold-0']").GetAttribute("value"));

        page.Find("#agreement-form").Submit();

        page.WaitForAssertion(() => Assert.True(_tab.Removed("agreement-new:am.wang")));
        await using var db = Database.NewContext();
        var saved = await db.Agreements.Include(a => a.Brands).SingleAsync();
        Assert.Equal((8_800_000_00L, 700, "HT-2026-KEPT", _data.BrandIds[1]), (saved.GmvTargetFen, saved.CommissionBp, saved.DocumentReference, saved.Brands.Single().BrandId));
        Assert.Equal(5_000_000_00L, saved.Terms.Tiers.Single().ThresholdFen);
    }

    [Fact]
    public async Task Edit_KeptDraftOfThisRevision_RestoredWhenEditingThenForgottenAfterSave()
    {
        var id = await Database.Get<AgreementService>().CreateDraftAsync(People.ManagerWang, _data.Draft(new(2027, 1, 1), new(2027, 12, 31)));
        var revision = (await Database.Get<AgreementService>().GetAsync(id))!.Revision;
        var typed = Typed();
        (typed.TermStart, typed.TermEnd) = (new DateTime(2027, 1, 1), new DateTime(2027, 12, 31));
        await _tab.PlantAsync($"agreement:{id}:am.wang", revision, typed);
        var page = Render<AgreementDetail>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid='action-edit']")));

        page.Find("[data-testid='action-edit']").Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid='agreement-draft-restored']")));
        Assert.Equal("HT-2026-KEPT", page.Find("[data-testid='agreement-document']").GetAttribute("value"));
        page.Find("#agreement-form").Submit();

        page.WaitForAssertion(() => Assert.True(_tab.Removed($"agreement:{id}:am.wang")));
        var saved = (await Database.Get<AgreementService>().GetAsync(id))!;
        Assert.Equal((8_800_000_00L, "HT-2026-KEPT", 1), (saved.Terms.GmvTargetFen, saved.DocumentReference, saved.Brands.Count));
    }
}
