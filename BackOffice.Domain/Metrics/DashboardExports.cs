using System.Globalization;
using System.Text.Json;
using BackOffice.Domain.Common;
using BackOffice.Domain.Exports;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Reporting.Definitions;

namespace BackOffice.Domain.Metrics;

/// <summary>What the leaderboard page shows: its filter and search.</summary>
public sealed record LeaderboardExportParameters(MetricsFilter Filter, string? Search = null);

/// <summary>
/// A dashboard as a file (reports/dashboard-*.json) in Excel, PDF or CSV, from the page's filter given
/// as parameters JSON; every staff role may export what a dashboard shows (DESIGN.md).
/// </summary>
public abstract class DashboardExport(ReportCatalog reports, string reportId, string format, string title) : IExportHandler
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Kind => $"{reportId}.{format}";

    public void Authorize(Actor actor)
    {
        if (!Roles.All.Any(actor.IsIn)) throw new AccessDeniedException("需要员工角色 · Staff only");
    }

    public (string FileName, string ContentType, string Title) Describe(string parametersJson, DateTime utcNow) =>
        ($"{reportId}-{ChinaTime.DateOf(utcNow):yyyyMMdd}.{format}", ExportFormats.ContentType(format), title);

    public async Task WriteAsync(ExportRequest request, Stream output, IProgress<int> progress, CancellationToken ct)
    {
        var definition = reports.Get(reportId);
        var (rows, parameters) = await RowsAsync(request.ParametersJson, ct);
        progress.Report(50);
        switch (format)
        {
            case ExportFormats.Xlsx: ReportRenderer.WriteExcel(definition, rows, output); break;
            case ExportFormats.Csv: ReportRenderer.WriteCsv(definition, rows, output); break;
            default:
                ReportRenderer.WritePdf(definition, rows, output, parameters:
                    [new("生成时间 Generated", ChinaTime.Format(request.UtcNow)), .. parameters.Select(p => new KeyValuePair<string, string>(p.Name, p.Value))]);
                break;
        }
    }

    protected abstract Task<(List<IReadOnlyDictionary<string, object?>> Rows, IReadOnlyList<(string Name, string Value)> Parameters)> RowsAsync(string parametersJson, CancellationToken ct);

    protected static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Json) ?? throw new DomainException("导出参数无效 · Invalid export parameters");

    protected static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static IReadOnlyList<(string Name, string Value)> Describe(MetricsFilter f) =>
    [
        ("期间 Period", $"{Day(f.From)} – {Day(f.To)}"),
        ("品类 Category", f.Category ?? "全部 All"),
        ("品牌 Brand", f.BrandId?.ToString(CultureInfo.InvariantCulture) ?? "全部 All"),
        ("省份 Province", f.Province ?? "全部 All"),
    ];

    internal static string SegmentName(ShopkeeperSegment? s) => s is { } x ? $"{Segments.NameZh(x)} {Segments.NameEn(x)}" : "尚未加入 Not yet joined";
}

public sealed class LeaderboardExport(DashboardService dashboards, ReportCatalog reports, string format)
    : DashboardExport(reports, ReportId, format, "店主排行 Shopkeeper leaderboard")
{
    public const string ReportId = "dashboard-leaderboard";

    protected override async Task<(List<IReadOnlyDictionary<string, object?>>, IReadOnlyList<(string, string)>)> RowsAsync(string parametersJson, CancellationToken ct)
    {
        var p = Read<LeaderboardExportParameters>(parametersJson);
        var page = await dashboards.LeaderboardAsync(p.Filter, new PageRequest(0, int.MaxValue), p.Search, ct);
        var rows = page.Items.Select(r => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["rank"] = (long)r.Rank,
            ["shopkeeperCode"] = r.Code,
            ["name"] = r.NameMasked,
            ["province"] = r.Province,
            ["segment"] = r.Segment is { } s ? SegmentName(s) : "",
            ["gmv"] = r.GmvFen,
            ["netGmv"] = r.NetGmvFen,
            ["orders"] = r.Orders,
            ["commission"] = r.CommissionFen,
        }).ToList();
        return (rows, [.. Describe(p.Filter), ("搜索 Search", p.Search ?? "")]);
    }
}

public sealed class SegmentsExport(AnalyticsService analytics, ReportCatalog reports, string format)
    : DashboardExport(reports, ReportId, format, "店主分层 Shopkeeper segments")
{
    public const string ReportId = "dashboard-segments";

    protected override async Task<(List<IReadOnlyDictionary<string, object?>>, IReadOnlyList<(string, string)>)> RowsAsync(string parametersJson, CancellationToken ct)
    {
        var filter = Read<SegmentFilter>(parametersJson);
        var figures = await analytics.SegmentsAsync(filter, ct);
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        foreach (var from in Segments.All.Select(s => (ShopkeeperSegment?)s).Append(null))
        {
            var row = new Dictionary<string, object?> { ["from"] = SegmentName(from) };
            foreach (var to in Segments.All) row[Key(to)] = figures.Count(from, to);
            row["total"] = figures.Moves.Where(m => m.From == from).Sum(m => m.Count);
            rows.Add(row);
        }
        return (rows, [("日期 Day", Day(filter.Day)), ("对比日期 Compared with", Day(filter.CompareDay)), ("省份 Province", filter.Province ?? "全部 All")]);
    }

    private static string Key(ShopkeeperSegment s) => s.ToString().ToLowerInvariant();
}

public sealed class ConcentrationExport(AnalyticsService analytics, ReportCatalog reports, string format)
    : DashboardExport(reports, ReportId, format, "GMV 集中度 GMV concentration")
{
    public const string ReportId = "dashboard-concentration";

    protected override async Task<(List<IReadOnlyDictionary<string, object?>>, IReadOnlyList<(string, string)>)> RowsAsync(string parametersJson, CancellationToken ct)
    {
        var filter = Read<MetricsFilter>(parametersJson);
        var figures = await analytics.ConcentrationAsync(filter, ct);
        var rows = figures.Deciles.Select(d => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["decile"] = (long)d.Decile,
            ["shopkeepers"] = d.Shopkeepers,
            ["gmv"] = d.GmvFen,
            ["share"] = (long)Math.Round(d.Share * 10_000, MidpointRounding.AwayFromZero),
        }).ToList();
        return (rows, Describe(filter));
    }
}

public sealed class CohortsExport(AnalyticsService analytics, ReportCatalog reports, string format)
    : DashboardExport(reports, ReportId, format, "店主留存 Shopkeeper cohorts")
{
    public const string ReportId = "dashboard-cohorts";
    public const int Offsets = 13;

    protected override async Task<(List<IReadOnlyDictionary<string, object?>>, IReadOnlyList<(string, string)>)> RowsAsync(string parametersJson, CancellationToken ct)
    {
        var filter = Read<CohortFilter>(parametersJson);
        var figures = await analytics.CohortsAsync(filter, ct);
        var rows = figures.Rows.Select(r =>
        {
            var row = new Dictionary<string, object?> { ["joinMonth"] = r.JoinMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture), ["joined"] = r.Joined };
            for (var m = 0; m < Offsets; m++) row[$"m{m}"] = m < r.Retained.Count ? (long)Math.Round(r.Share(m) * 10_000, MidpointRounding.AwayFromZero) : null;
            return (IReadOnlyDictionary<string, object?>)row;
        }).ToList();
        return (rows, [("加入月份 Joined", $"{filter.FromMonth:yyyy-MM} – {filter.ToMonth:yyyy-MM}"), ("截至 Through", $"{filter.Through:yyyy-MM}"), ("省份 Province", filter.Province ?? "全部 All")]);
    }
}
