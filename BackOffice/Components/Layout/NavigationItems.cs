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
        new("Nav.Selection", Policies.Staff,
        [
            new("/suppliers", "供应商", "Suppliers", Icons.Material.Filled.Factory, Policies.Staff),
            new("/brands", "品牌", "Brands", Icons.Material.Filled.LocalOffer, Policies.Staff),
            new("/brands/review", "品牌审核", "Brand reviews", Icons.Material.Filled.FactCheck, Policies.Selection),
            new("/brands/expiring", "证照到期", "Expiring documents", Icons.Material.Filled.EventBusy, Policies.Selection),
        ]),
        new("Nav.Sales", Policies.Staff,
        [
            new("/sales/calendar", "档期日历", "Sales calendar", Icons.Material.Filled.CalendarMonth, Policies.Staff),
            new("/sales", "档期列表", "Sales list", Icons.Material.Filled.EventNote, Policies.Staff),
        ]),
        new("Nav.Agreements", Policies.Agreements,
        [
            new("/agreements", "年框协议", "Agreements", Icons.Material.Filled.Handshake, Policies.Agreements),
        ]),
        new("Nav.Settlement", Policies.Settlement,
        [
            new("/settlement", "结算", "Settlement", Icons.Material.Filled.AccountBalance, Policies.Settlement),
            new("/statements", "对账单", "Statements", Icons.Material.Filled.ReceiptLong, Policies.Settlement),
            new("/adjustments", "调整", "Adjustments", Icons.Material.Filled.Tune, Policies.Settlement),
        ]),
        new("Nav.Analytics", Policies.Staff,
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
            new("/admin/api-keys", "API 密钥", "API keys", Icons.Material.Filled.Key, Policies.Admin),
        ]),
    ];

    /// <summary>An entry whose address begins another entry's (/sales and /sales/calendar) lights up only on its own page.</summary>
    public static Microsoft.AspNetCore.Components.Routing.NavLinkMatch MatchFor(Item item) =>
        item.Href == "/" || Sections.SelectMany(s => s.Items).Any(other => other.Href.StartsWith(item.Href + "/", StringComparison.Ordinal))
            ? Microsoft.AspNetCore.Components.Routing.NavLinkMatch.All
            : Microsoft.AspNetCore.Components.Routing.NavLinkMatch.Prefix;
}
