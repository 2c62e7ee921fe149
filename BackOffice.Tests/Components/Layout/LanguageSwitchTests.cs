using BackOffice.Components.Layout;
using BackOffice.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace BackOffice.Tests.Components.Layout;

public sealed class LanguageSwitchTests : ComponentTestContext
{
    [Theory]
    [InlineData("zh-Hans", "语言")]
    [InlineData("en", "Language")]
    public void Render_Culture_LabelsTheMenuInThatLanguage(string culture, string label)
    {
        UseCulture(culture);

        var menu = Render<LanguageSwitch>();

        Assert.Equal(label, menu.Find("button").GetAttribute("aria-label"));
    }

    [Fact]
    public void Open_OnAPage_OffersBothLanguagesReturningToThatPage()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/admin/users?page=2");
        // The menu's items render in the popover provider, as in MainLayout.
        var menu = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<LanguageSwitch>(1);
            builder.CloseComponent();
        });

        menu.Find("button").Click();

        var links = menu.FindAll("a[href^='/culture']").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href"));
        Assert.Equal("/culture?culture=zh-Hans&redirectUri=%2Fadmin%2Fusers%3Fpage%3D2", links["简体中文"]);
        Assert.Equal("/culture?culture=en&redirectUri=%2Fadmin%2Fusers%3Fpage%3D2", links["English"]);
    }
}
