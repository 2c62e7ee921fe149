using BackOffice.Components.Layout;
using BackOffice.Domain.Identity;
using BackOffice.Tests.Infrastructure;
using Bunit;

namespace BackOffice.Tests.Components.Layout;

public sealed class NavMenuTests : ComponentTestContext
{
    [Fact]
    public void Render_Admin_ShowsAdministrationSectionWithItsLinks()
    {
        SignInAs("admin.zhou", "周敏 Zhou Min", Roles.Admin);

        var menu = Render<NavMenu>();

        Assert.Contains("系统管理", menu.Markup, StringComparison.Ordinal);
        Assert.Equal(ExpectedLinks(Roles.Admin), Links(menu));
        Assert.Contains("/admin/users", Links(menu));
        Assert.Equal("本地用户", menu.Find("a[href='/admin/users']").TextContent.Trim());
        Assert.Equal("审计日志", menu.Find("a[href='/admin/audit']").TextContent.Trim());
    }

    [Theory]
    [InlineData(Roles.Selection)]
    [InlineData(Roles.AccountManager)]
    [InlineData(Roles.Finance)]
    [InlineData(Roles.Analyst)]
    public void Render_NonAdminRole_ShowsItsAreasButNoAdministration(string role)
    {
        SignInAs("someone", "某人 Someone", role);

        var menu = Render<NavMenu>();

        Assert.Equal(ExpectedLinks(role), Links(menu));
        Assert.Contains("/", Links(menu));
        Assert.DoesNotContain("/admin/users", Links(menu));
        Assert.DoesNotContain("/admin/audit", Links(menu));
        Assert.DoesNotContain("系统管理", menu.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AdminAmongSeveralRoles_ShowsAdministration()
    {
        SignInAs("multi", "多 Multi", Roles.Finance, Roles.Admin);

        var menu = Render<NavMenu>();

        Assert.Equal(ExpectedLinks(Roles.Finance, Roles.Admin), Links(menu));
        Assert.Contains("/admin/audit", Links(menu));
    }

    [Fact]
    public void Render_Anonymous_ShowsNoLinks()
    {
        var menu = Render<NavMenu>();

        Assert.Empty(Links(menu));
    }

    [Fact]
    public void Render_English_ShowsEnglishTitles()
    {
        UseCulture("en");
        SignInAs("admin.zhou", "周敏 Zhou Min", Roles.Admin);

        var menu = Render<NavMenu>();

        Assert.Contains("Administration", menu.Markup, StringComparison.Ordinal);
        Assert.Equal("Home", menu.Find("a[href='/']").TextContent.Trim());
        Assert.Equal("Local users", menu.Find("a[href='/admin/users']").TextContent.Trim());
        Assert.Equal("Audit log", menu.Find("a[href='/admin/audit']").TextContent.Trim());
        Assert.DoesNotContain("系统管理", menu.Markup, StringComparison.Ordinal);
    }

    /// <summary>The entries whose policy admits one of the roles, read from DESIGN.md's table in Policies.</summary>
    private static string[] ExpectedLinks(params string[] roles) =>
        NavigationItems.Sections
            .Where(section => BackOffice.Auth.Policies.RolesByPolicy[section.Policy].Intersect(roles).Any())
            .SelectMany(section => section.Items)
            .Where(item => BackOffice.Auth.Policies.RolesByPolicy[item.Policy].Intersect(roles).Any())
            .Select(item => item.Href)
            .ToArray();

    private static string[] Links(IRenderedComponent<NavMenu> menu) =>
        menu.FindAll("a[href]").Select(a => a.GetAttribute("href")!).ToArray();
}
