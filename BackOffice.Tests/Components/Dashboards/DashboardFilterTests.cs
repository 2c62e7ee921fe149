using BackOffice.Components.Pages.Dashboards;
using BackOffice.Domain.Exports;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Imports;
using BackOffice.Domain.Metrics;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static BackOffice.Tests.Builders.TradingData;

namespace BackOffice.Tests.Components.Dashboards;

public sealed class DashboardFilterTests : ComponentTestContext, IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await TradingData.SeedAsync(_database);
        var import = _database.Get<ImportService>();
        // Six shopkeepers in 浙江 and six in 广东, each with one November line; SK7 also sold on Oct 20.
        Assert.True((await import.ImportCsvAsync(People.FinanceChen, ImportKind.Shopkeepers, Csv(ShopkeeperHeader,
            Enumerable.Range(1, 12).Select(n => ShopkeeperRow(n, n <= 6 ? "浙江" : "广东", "2026-01-10"))))).Applied);
        Assert.True((await import.ImportCsvAsync(People.FinanceChen, ImportKind.OrderLines, Csv(OrderLineHeader,
            Enumerable.Range(1, 12).Select(n => LineRow($"N{n}", $"ON{n}", 1, 1, n, 1, n * 1_000L, 0, orderedAt: $"2026-11-{n + 1:00}T10:00:00+08:00"))
                .Append(LineRow("X", "OX", 2, 1, 7, 1, 2_000_000, 0, orderedAt: "2026-10-20T10:00:00+08:00"))))).Applied);
        Services.AddSingleton(_database.Get<AnalyticsService>());
        Services.AddSingleton(_database.Get<DashboardService>());
        Services.AddSingleton(_database.Get<DashboardFilterOptions>());
        Services.AddSingleton(_database.Get<ExportService>());
        Services.AddSingleton<TimeProvider>(_database.Clock);
        SignInAs("analyst.sun", "孙丽 Sun Li", Roles.Analyst);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Overview_ProvinceChosenThenKpisExported_QueuesTheFilterOnScreen()
    {
        var popovers = Render<MudPopoverProvider>();
        var page = Render<Overview>();
        page.WaitForElement("[data-testid='kpi-gmv']");
        await page.InvokeAsync(() => page.FindComponent<DashboardFilters>().FindComponents<MudSelect<string>>()
            .Single(s => s.Instance.Label == "省份").Instance.ValueChanged.InvokeAsync("广东"));

        await page.FindAll("[data-testid='export-menu'] button")[0].ClickAsync(new());
        await popovers.WaitForElement("[data-testid='export-xlsx']").ClickAsync(new());

        page.WaitForAssertion(() =>
        {
            using var db = _database.NewContext();
            var job = Assert.Single(db.ExportJobs.ToList());
            Assert.Equal($"{OverviewExport.ReportId}.xlsx", job.Kind);
            var filter = System.Text.Json.JsonSerializer.Deserialize<MetricsFilter>(job.ParametersJson, DashboardExport.Json)!;
            Assert.Equal("广东", filter.Province);
        });
    }

    [Fact]
    public async Task Concentration_ProvinceChosen_RequeriesWithIt()
    {
        var page = Render<Concentration>();
        page.WaitForAssertion(() => Assert.Equal("12", page.Find("[data-testid='decile-shopkeepers']").TextContent));

        await page.InvokeAsync(() => page.FindComponent<DashboardFilters>().FindComponents<MudSelect<string>>()
            .Single(s => s.Instance.Label == "省份").Instance.ValueChanged.InvokeAsync("广东"));

        page.WaitForAssertion(() => Assert.Equal("6", page.Find("[data-testid='decile-shopkeepers']").TextContent));
    }

    [Fact]
    public async Task Concentration_PeriodChanged_RequeriesWithIt()
    {
        var page = Render<Concentration>();
        page.WaitForAssertion(() => Assert.Equal("12", page.Find("[data-testid='decile-shopkeepers']").TextContent));

        await page.InvokeAsync(() => page.FindComponent<DashboardFilters>().FindComponents<MudDatePicker>()
            .Single(s => s.Instance.Label == "开始日期").Instance.DateChanged.InvokeAsync(new DateTime(2026, 11, 10)));

        // Nov 10–28: shopkeepers 9..12 (lines on Nov 10..13).
        page.WaitForAssertion(() => Assert.Equal("4", page.Find("[data-testid='decile-shopkeepers']").TextContent));
    }

    [Fact]
    public async Task Segments_ProvinceAndDayChosen_RequeriesWithThem()
    {
        var page = Render<BackOffice.Components.Pages.Dashboards.Segments>();
        page.WaitForAssertion(() => Assert.Equal("12", page.Find("[data-testid='segment-total']").TextContent));
        Assert.Equal("12", page.Find("[data-testid='segment-Active-count']").TextContent);

        await page.InvokeAsync(() => page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "省份").Instance.ValueChanged.InvokeAsync("广东"));
        page.WaitForAssertion(() => Assert.Equal("6", page.Find("[data-testid='segment-total']").TextContent));

        // On Nov 1 SK7's ¥20,000 of Oct 20 makes a star; the others had no line yet and joined long ago.
        await page.InvokeAsync(() => page.FindComponents<MudDatePicker>().Single(s => s.Instance.Label == "日期").Instance.DateChanged.InvokeAsync(new DateTime(2026, 11, 1)));
        page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-testid='segment-Star-count']").TextContent));
        Assert.Equal("5", page.Find("[data-testid='segment-Churned-count']").TextContent);
    }

    [Fact]
    public async Task Cohorts_ProvinceChosen_RequeriesWithIt()
    {
        var page = Render<Cohorts>();
        page.WaitForAssertion(() => Assert.Equal("12", page.Find("[data-testid='cohort-2026-01-joined']").TextContent));

        await page.InvokeAsync(() => page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "省份").Instance.ValueChanged.InvokeAsync("浙江"));

        page.WaitForAssertion(() => Assert.Equal("6", page.Find("[data-testid='cohort-2026-01-joined']").TextContent));
    }
}
