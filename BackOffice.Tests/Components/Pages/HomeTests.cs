using BackOffice.Components.Pages;
using BackOffice.Domain;
using BackOffice.Domain.Identity;
using BackOffice.Hosting;
using BackOffice.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Tests.Components.Pages;

public sealed class HomeTests : DatabaseComponentTestContext
{

    protected override DateTimeOffset? StartsAt => new DateTimeOffset(2026, 11, 3, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Render_ChineseAnalyst_GreetsAndShowsTheFigureTilesInChinese()
    {
        UseCulture("zh-Hans");
        SignInAs("analyst.sun", "孙丽 Sun Li", Roles.Analyst);

        var home = Render<Home>();

        home.WaitForAssertion(() => Assert.NotEmpty(home.FindAll("[data-testid='tile-gmv']")));
        Assert.Equal("你好，孙丽 Sun Li", home.Find("h1").TextContent);
        Assert.Contains("近 7 天 GMV", home.Find("[data-testid='tile-gmv']").TextContent, StringComparison.Ordinal);
        Assert.Contains("2026-10-28", home.Markup, StringComparison.Ordinal);
        Assert.Empty(home.FindAll("[data-testid='tile-brands-awaiting']"));
        Assert.NotEmpty(home.FindAll("[data-testid='waiting-empty']"));
    }

    [Fact]
    public void Render_EnglishSelection_ShowsEnglishTilesIncludingBrandsAwaitingReview()
    {
        UseCulture("en");
        SignInAs("selection.li", "李娜 Li Na", Roles.Selection);

        var home = Render<Home>();

        home.WaitForAssertion(() => Assert.NotEmpty(home.FindAll("[data-testid='tile-gmv']")));
        Assert.Equal("Hello, 李娜 Li Na", home.Find("h1").TextContent);
        Assert.Contains("GMV, last 7 days", home.Find("[data-testid='tile-gmv']").TextContent, StringComparison.Ordinal);
        Assert.Contains("Brands awaiting review", home.Find("[data-testid='tile-brands-awaiting']").TextContent, StringComparison.Ordinal);
        Assert.Equal("Nothing is waiting for you.", home.Find("[data-testid='waiting-empty']").TextContent);
    }

}
