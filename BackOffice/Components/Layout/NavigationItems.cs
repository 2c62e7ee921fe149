using BackOffice.Auth;
using BackOffice.Components.Shared;
using MudBlazor;

namespace BackOffice.Components.Layout;

/// <summary>The navigation, one entry per built area; each shows only to the roles its policy admits.</summary>
public static class NavigationItems
{
    public sealed record Item(string Href, string Zh, string En, string Icon, string Policy)
    {
        public string Title() => Bilingual.Pick(Zh, En);
    }

    public sealed record Section(string? TitleKey, string Policy, IReadOnlyList<Item> Items);

    public static readonly IReadOnlyList<Section> Sections =
    [
        new(null, Policies.Staff,
        [
            new("/", "首页", "Home", Icons.Material.Filled.Home, Policies.Staff),
            new("/exports", "我的导出", "My exports", Icons.Material.Filled.Download, Policies.Staff),
        ]),
        new(null, Policies.Staff,
        [
            new("/dashboards", "经营概览", "Overview", Icons.Material.Filled.Insights, Policies.Staff),
            new("/dashboards/leaderboard", "店主排行", "Leaderboard", Icons.Material.Filled.EmojiEvents, Policies.Staff),
            new("/dashboards/geography", "地域分布", "Geography", Icons.Material.Filled.Map, Policies.Staff),
            new("/dashboards/segments", "店主分层", "Segments", Icons.Material.Filled.Groups, Policies.Staff),
            new("/dashboards/concentration", "GMV 集中度", "Concentration", Icons.Material.Filled.PieChart, Policies.Staff),
            new("/dashboards/cohorts", "店主留存", "Cohorts", Icons.Material.Filled.GridOn, Policies.Staff),
            new("/imports", "数据导入", "Data import", Icons.Material.Filled.UploadFile, Policies.Import),
        ]),
        new("Nav.Admin", Policies.Admin,
        [
            new("/admin/users", "本地用户", "Local users", Icons.Material.Filled.People, Policies.Admin),
            new("/admin/audit", "审计日志", "Audit log", Icons.Material.Filled.Policy, Policies.Admin),
        ]),
    ];
}
