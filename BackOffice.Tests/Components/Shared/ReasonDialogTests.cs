using BackOffice.Components.Shared;
using BackOffice.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace BackOffice.Tests.Components.Shared;

public sealed class ReasonDialogTests : ComponentTestContext
{
    private readonly IRenderedComponent<MudDialogProvider> _provider;
    private Task<string?> _asked = Task.FromResult<string?>(null);

    public ReasonDialogTests()
    {
        UseCulture("en");
        _provider = Render<MudDialogProvider>();
    }

    private void Ask(string? confirmText = null, string? reasonLabel = null) =>
        _provider.InvokeAsync(() => _asked = ReasonDialog.AskAsync(Services.GetRequiredService<IDialogService>(), "Suspend brand",
            "Sales of a suspended brand cannot be scheduled.", Color.Warning, confirmText, reasonLabel));

    [Fact]
    public void AskAsync_Defaults_ShowsMessageReasonLabelAndConfirm()
    {
        Ask();

        Assert.Contains("Sales of a suspended brand cannot be scheduled.", _provider.Markup);
        Assert.Contains("Reason", _provider.Find("[data-testid=reason-input]").Closest(".mud-input-control")!.TextContent);
        Assert.Equal("Confirm", _provider.Find("[data-testid=reason-confirm]").TextContent.Trim());
    }

    [Fact]
    public void AskAsync_OwnLabelAndConfirmText_ShowsThem()
    {
        Ask(confirmText: "Terminate", reasonLabel: "Why terminate");

        Assert.Contains("Why terminate", _provider.Find("[data-testid=reason-input]").Closest(".mud-input-control")!.TextContent);
        Assert.Equal("Terminate", _provider.Find("[data-testid=reason-confirm]").TextContent.Trim());
    }

    [Fact]
    public void Submit_NoReason_ShowsTheErrorAndStaysOpen()
    {
        Ask();
        _provider.Find("[data-testid=reason-input]").Input("   ");

        _provider.Find("#reason-form").Submit();

        Assert.Contains("Enter a reason", _provider.Markup);
        Assert.False(_asked.IsCompleted);
    }

    [Fact]
    public async Task Submit_Reason_ReturnsItTrimmed()
    {
        Ask();
        _provider.Find("[data-testid=reason-input]").Input("  证照过期 ");

        _provider.Find("#reason-form").Submit();

        Assert.Equal("证照过期", await _asked.WaitAsync(TimeSpan.FromSeconds(5), Xunit.TestContext.Current.CancellationToken));
        _provider.WaitForAssertion(() => Assert.Empty(_provider.FindAll("[data-testid=reason-input]")));
    }

    [Fact]
    public async Task Cancel_ReturnsNull()
    {
        Ask();
        _provider.Find("[data-testid=reason-input]").Input("证照过期");

        _provider.Find("[data-testid=reason-cancel]").Click();

        Assert.Null(await _asked.WaitAsync(TimeSpan.FromSeconds(5), Xunit.TestContext.Current.CancellationToken));
    }
}
