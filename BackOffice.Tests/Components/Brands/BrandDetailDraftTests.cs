using BackOffice.Components.Pages.Brands;
using BackOffice.Domain;
using BackOffice.Domain.Brands;
using BackOffice.Domain.Identity;
using BackOffice.Hosting;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using Bunit;

namespace BackOffice.Tests.Components.Brands;

/// <summary>The brand edit form keeps unsaved input across a server restart: restored on the revision it was typed against, forgotten once saved.</summary>
public sealed class BrandDetailDraftTests : DatabaseComponentTestContext
{
    private readonly TabSessionStorage _tab;

    public BrandDetailDraftTests()
    {
        UseCulture("en");
        _tab = new TabSessionStorage(this);
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        SignInAs("selection.li", "李娜", Roles.Selection);
    }

    private async Task<(int Id, BrandView Brand, BrandDetailsModel Typed)> BrandWithTypedDraftAsync()
    {
        var id = await SelectionData.DraftBrandAsync(Database);
        var brand = (await Database.Get<BrandService>().GetAsync(id))!;
        var typed = BrandDetailsModel.From(brand.Details);
        typed.NameLatin = "Florasis Kept";
        typed.AuthorizationText = "授权书（重启前输入）";
        return (id, brand, typed);
    }

    [Fact]
    public async Task Reload_KeptDraft_RestoredThenForgottenAfterSave()
    {
        var (id, brand, typed) = await BrandWithTypedDraftAsync();
        await _tab.PlantAsync($"brand:{id}:selection.li", brand.Revision, typed);

        var page = Render<BrandDetail>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid='brand-draft-restored']")));
        Assert.Equal("Florasis Kept", page.Find("[data-testid='brand-name-latin']").GetAttribute("value"));
        Assert.False(_tab.Removed($"brand:{id}:selection.li"));

        page.Find("#brand-details-form").Submit();

        page.WaitForAssertion(() => Assert.True(_tab.Removed($"brand:{id}:selection.li")));
        var saved = (await Database.Get<BrandService>().GetAsync(id))!;
        Assert.Equal(("Florasis Kept", "授权书（重启前输入）"), (saved.Details.NameLatin, saved.Details.AuthorizationText));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid='brand-draft-restored']")));
    }

    [Fact]
    public async Task Reload_DraftOfAnOlderRevision_NotLaidOverTheNewerBrand()
    {
        var (id, brand, typed) = await BrandWithTypedDraftAsync();
        await _tab.PlantAsync($"brand:{id}:selection.li", brand.Revision - 1, typed);

        var page = Render<BrandDetail>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Equal(brand.Details.NameLatin, page.Find("[data-testid='brand-name-latin']").GetAttribute("value")));
        Assert.Empty(page.FindAll("[data-testid='brand-draft-restored']"));
    }

    [Fact]
    public async Task Typing_AfterTheDraftIsRead_KeepsEachChange()
    {
        var (id, _, _) = await BrandWithTypedDraftAsync();
        var page = Render<BrandDetail>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid='brand-name-latin']")));

        page.Find("[data-testid='brand-name-latin']").Input("Florasis Typed");

        page.WaitForAssertion(() => Assert.Equal(1, _tab.Writes($"brand:{id}:selection.li")));
    }
}
