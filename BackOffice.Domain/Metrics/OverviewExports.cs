using BackOffice.Domain.Reporting.Definitions;

namespace BackOffice.Domain.Metrics;

/// <summary>The overview's KPI cards: this period, the previous one, and the change, in the cards' own units.</summary>
public sealed class OverviewExport(DashboardService dashboards, ReportCatalog reports, string format)
    : DashboardExport(reports, ReportId, format, "经营概览 Overview")
{
    public const string ReportId = "dashboard-overview";

    protected override async Task<(List<IReadOnlyDictionary<string, object?>>, IReadOnlyList<(string, string)>)> RowsAsync(string parametersJson, CancellationToken ct)
    {
        var filter = Read<MetricsFilter>(parametersJson);
        var o = await dashboards.OverviewAsync(filter, ct);
        List<IReadOnlyDictionary<string, object?>> rows =
        [
            Row("本期 This period", filter.From, filter.To, o.Current),
            Row("上期 Previous period", o.PreviousFrom, o.PreviousTo, o.Previous),
            Change(o.Current, o.Previous),
        ];
        return (rows, Describe(filter));
    }

    private static Dictionary<string, object?> Row(string period, DateOnly from, DateOnly to, SalesFigures f) => new()
    {
        ["period"] = period,
        ["from"] = from,
        ["to"] = to,
        ["gmv"] = f.GmvFen,
        ["netGmv"] = f.NetGmvFen,
        ["orders"] = f.Orders,
        ["items"] = f.Items,
        ["activeShopkeepers"] = f.ActiveShopkeepers,
        ["newShopkeepers"] = f.NewShopkeepers,
        ["averageOrderValue"] = f.AverageOrderValue.Fen,
        ["refundRate"] = (long)f.RefundRate.Value,
        ["commission"] = f.ShopkeeperCommissionFen,
    };

    private static Dictionary<string, object?> Change(SalesFigures current, SalesFigures previous) => new()
    {
        ["period"] = "变化 Change",
        ["from"] = null,
        ["to"] = null,
        ["gmv"] = current.GmvFen - previous.GmvFen,
        ["netGmv"] = current.NetGmvFen - previous.NetGmvFen,
        ["orders"] = current.Orders - previous.Orders,
        ["items"] = current.Items - previous.Items,
        ["activeShopkeepers"] = current.ActiveShopkeepers - previous.ActiveShopkeepers,
        ["newShopkeepers"] = current.NewShopkeepers - previous.NewShopkeepers,
        ["averageOrderValue"] = current.AverageOrderValue.Fen - previous.AverageOrderValue.Fen,
        ["refundRate"] = (long)current.RefundRate.Value - previous.RefundRate.Value,
        ["commission"] = current.ShopkeeperCommissionFen - previous.ShopkeeperCommissionFen,
    };
}

/// <summary>The overview's daily trend chart as a table, one row per China date of the period.</summary>
public sealed class TrendExport(DashboardService dashboards, ReportCatalog reports, string format)
    : DashboardExport(reports, ReportId, format, "每日趋势 Daily trend")
{
    public const string ReportId = "dashboard-trend";

    protected override async Task<(List<IReadOnlyDictionary<string, object?>>, IReadOnlyList<(string, string)>)> RowsAsync(string parametersJson, CancellationToken ct)
    {
        var filter = Read<MetricsFilter>(parametersJson);
        var o = await dashboards.OverviewAsync(filter, ct);
        var rows = o.Daily.Select(d => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["day"] = d.Day,
            ["gmv"] = d.GmvFen,
            ["netGmv"] = d.NetGmvFen,
            ["items"] = d.Items,
        }).ToList();
        return (rows, Describe(filter));
    }
}

/// <summary>The geography table: GMV and shopkeepers by province.</summary>
public sealed class GeographyExport(DashboardService dashboards, ReportCatalog reports, string format)
    : DashboardExport(reports, ReportId, format, "地域分布 Geography")
{
    public const string ReportId = "dashboard-geography";

    protected override async Task<(List<IReadOnlyDictionary<string, object?>>, IReadOnlyList<(string, string)>)> RowsAsync(string parametersJson, CancellationToken ct)
    {
        var filter = Read<MetricsFilter>(parametersJson);
        var provinces = await dashboards.GeographyAsync(filter, ct);
        var rows = provinces.Select(p => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["province"] = p.Province,
                ["gmv"] = p.GmvFen,
                ["netGmv"] = p.NetGmvFen,
                ["orders"] = p.Orders,
                ["activeShopkeepers"] = p.ActiveShopkeepers,
                ["shopkeepers"] = p.Shopkeepers,
            }).ToList();
        return (rows, Describe(filter));
    }
}
