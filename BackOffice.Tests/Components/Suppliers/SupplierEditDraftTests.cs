using BackOffice.Components.Pages.Suppliers;
using BackOffice.Domain;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Suppliers;
using BackOffice.Hosting;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace BackOffice.Tests.Components.Suppliers;

/// <summary>The supplier edit dialog keeps unsaved input across a server restart: restored when opened again, forgotten once saved or cancelled.</summary>
public sealed class SupplierEditDraftTests : DatabaseComponentTestContext
{
    private readonly TabSessionStorage _tab;
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;

    public SupplierEditDraftTests()
    {
        UseCulture("en");
        _tab = new TabSessionStorage(this);
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        SignInAs("selection.li", "李娜", Roles.Selection);
    }

    private async Task<(SupplierDetail Supplier, string Key)> SupplierWithTypedDraftAsync(long? revision = null)
    {
        var id = await SelectionData.SupplierAsync(Database);
        var supplier = (await Database.Get<SupplierService>().GetAsync(id))!;
        var key = $"supplier:{id}:selection.li";
        await _tab.PlantAsync(key, revision ?? supplier.Revision, new SupplierInput
        {
            Name = supplier.Name, CreditCode = supplier.CreditCode, ContactName = "周敏（重启前输入）", ContactPhone = "13900001111",
        });
        return (supplier, key);
    }

    private void OpenEdit(SupplierDetail s)
    {
        _dialogs = Render<MudDialogProvider>();
        var input = new SupplierInput { Name = s.Name, CreditCode = s.CreditCode, ContactName = s.ContactName, ContactPhone = s.ContactPhone };
        _dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<SupplierEditDialog>("Edit", new DialogParameters<SupplierEditDialog>
        {
            { d => d.SupplierId, s.Id }, { d => d.Revision, s.Revision }, { d => d.Initial, input },
        }));
    }

    [Fact]
    public async Task Open_KeptDraft_RestoredThenForgottenAfterSave()
    {
        var (supplier, key) = await SupplierWithTypedDraftAsync();

        OpenEdit(supplier);

        _dialogs.WaitForAssertion(() => Assert.NotEmpty(_dialogs.FindAll("[data-testid='supplier-draft-restored']")));
        Assert.Equal("周敏（重启前输入）", _dialogs.Find("[data-testid='supplier-contact']").GetAttribute("value"));

        _dialogs.Find("#supplier-form").Submit();

        _dialogs.WaitForAssertion(() => Assert.True(_tab.Removed(key)));
        var saved = (await Database.Get<SupplierService>().GetAsync(supplier.Id))!;
        Assert.Equal(("周敏（重启前输入）", "13900001111"), (saved.ContactName, saved.ContactPhone));
    }

    [Fact]
    public async Task Open_DraftOfAnOlderRevision_NotRestored()
    {
        var (supplier, _) = await SupplierWithTypedDraftAsync(revision: -1);

        OpenEdit(supplier);

        _dialogs.WaitForAssertion(() => Assert.Equal(supplier.ContactName, _dialogs.Find("[data-testid='supplier-contact']").GetAttribute("value")));
        Assert.Empty(_dialogs.FindAll("[data-testid='supplier-draft-restored']"));
    }

    [Fact]
    public async Task Cancel_KeptDraft_Forgotten()
    {
        var (supplier, key) = await SupplierWithTypedDraftAsync();
        OpenEdit(supplier);
        _dialogs.WaitForAssertion(() => Assert.NotEmpty(_dialogs.FindAll("[data-testid='supplier-draft-restored']")));

        _dialogs.Find("[data-testid='supplier-cancel']").Click();

        _dialogs.WaitForAssertion(() => Assert.True(_tab.Removed(key)));
    }
}
