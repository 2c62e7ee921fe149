using BackOffice.Domain.Exports;
using BackOffice.Domain.Imports;
using BackOffice.Domain.Metrics;
using BackOffice.Domain.Reporting.Definitions;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using ClosedXML.Excel;
using static BackOffice.Tests.Builders.TradingData;

namespace BackOffice.Tests.Domain.Metrics;

/// <summary>The overview's KPI cards, its daily trend and the geography table as files, read back from Excel.</summary>
public sealed class OverviewExportsTests
{
    // Nov 1–7; the previous period is Oct 25–31.
    private static readonly MetricsFilter Week = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 7));

    private static async Task<TestDatabase> WeekDatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));
        await TradingData.SeedAsync(database);
        var import = database.Get<ImportService>();
        var shopkeepers = await import.ImportCsvAsync(People.FinanceChen, ImportKind.Shopkeepers, Csv(ShopkeeperHeader,
            ShopkeeperRow(1, "浙江", "2026-01-10"), ShopkeeperRow(2, "广东", "2026-11-02"), ShopkeeperRow(3, "浙江", "2026-01-10")));
        Assert.True(shopkeepers.Applied, string.Join("; ", shopkeepers.Problems));
        var lines = await import.ImportCsvAsync(People.FinanceChen, ImportKind.OrderLines, Csv(OrderLineHeader,
            LineRow("L1", "O1", 1, 1, 1, 2, 10_000, 800, orderedAt: "2026-11-03T10:00:00+08:00", refund: 1_000, refundedAt: "2026-11-04T10:00:00+08:00"),
            LineRow("L2", "O1", 1, 1, 1, 1, 5_000, 400, orderedAt: "2026-11-03T10:00:00+08:00"),
            LineRow("L3", "O2", 2, 1, 2, 1, 3_001, 240, orderedAt: "2026-11-05T23:59:00+08:00"),
            LineRow("L4", "O3", 1, 1, 3, 1, 7_000, 560, orderedAt: "2026-10-28T10:00:00+08:00")));
        Assert.True(lines.Applied, string.Join("; ", lines.Problems));
        return database;
    }

    private static async Task<IXLWorksheet> ExportAsync(IExportHandler handler, MetricsFilter filter)
    {
        using var output = new MemoryStream();
        await handler.WriteAsync(new ExportRequest(People.Analyst, System.Text.Json.JsonSerializer.Serialize(filter, DashboardExport.Json), DateTime.UtcNow),
            output, new Progress<int>(), CancellationToken.None);
        return new XLWorkbook(new MemoryStream(output.ToArray())).Worksheet(1);
    }

    [Fact]
    public async Task OverviewExport_Week_KpisOfBothPeriodsAndChangeAsComputedByHand()
    {
        await using var database = await WeekDatabaseAsync();
        var sheet = await ExportAsync(new OverviewExport(database.Get<DashboardService>(), ReportCatalog.LoadFromAppDirectory(), "xlsx"), Week);

        // Columns: period, from, to, GMV, net GMV, orders, items, active, new, AOV, refund rate, commission.
        decimal[] Figures(int row) => [.. Enumerable.Range(4, 9).Select(c => sheet.Cell(row, c).GetValue<decimal>())];
        Assert.Equal([180.01m, 170.01m, 2, 4, 2, 1, 90.01m, 0.0556m, 14.40m], Figures(2)); // AOV 18,001 / 2 = 9,000.5 → 9,001 fen; refund 1,000 / 18,001 = 556 bp
        Assert.Equal([70.00m, 70.00m, 1, 1, 1, 0, 70.00m, 0m, 5.60m], Figures(3));
        Assert.Equal([110.01m, 100.01m, 1, 3, 1, 1, 20.01m, 0.0556m, 8.80m], Figures(4));
        Assert.Equal(new DateTime(2026, 10, 25), sheet.Cell(3, 2).GetDateTime());
        Assert.Equal(new DateTime(2026, 10, 31), sheet.Cell(3, 3).GetDateTime());
        Assert.True(sheet.Cell(2, 4).DataType == XLDataType.Number, "money stays a number");
    }

    [Fact]
    public async Task TrendExport_Week_OneRowPerDayTotallingTheOverview()
    {
        await using var database = await WeekDatabaseAsync();
        var sheet = await ExportAsync(new TrendExport(database.Get<DashboardService>(), ReportCatalog.LoadFromAppDirectory(), "xlsx"), Week);

        Assert.Equal(new DateTime(2026, 11, 1), sheet.Cell(2, 1).GetDateTime());
        Assert.Equal(new DateTime(2026, 11, 7), sheet.Cell(8, 1).GetDateTime());
        Assert.Equal(150.00m, sheet.Cell(4, 2).GetValue<decimal>()); // Nov 3: L1 + L2
        Assert.Equal(30.01m, sheet.Cell(6, 2).GetValue<decimal>());  // Nov 5, 23:59 China time
        Assert.Equal(0m, sheet.Cell(2, 2).GetValue<decimal>());
        Assert.Equal(180.01m, sheet.Cell(9, 2).GetValue<decimal>()); // totals row
        Assert.Equal(170.01m, sheet.Cell(9, 3).GetValue<decimal>());
        Assert.Equal(4m, sheet.Cell(9, 4).GetValue<decimal>());
    }

    [Fact]
    public async Task GeographyExport_WeekInZhejiang_OnlyTheProvinceWithItsFigures()
    {
        await using var database = await WeekDatabaseAsync();
        var sheet = await ExportAsync(new GeographyExport(database.Get<DashboardService>(), ReportCatalog.LoadFromAppDirectory(), "xlsx"), Week with { Province = "浙江" });

        Assert.Equal("浙江", sheet.Cell(2, 1).GetString());
        Assert.Equal([150.00m, 140.00m, 1, 1, 2], Enumerable.Range(2, 5).Select(c => sheet.Cell(2, c).GetValue<decimal>()));
        Assert.NotEqual("广东", sheet.Cell(3, 1).GetString());
    }
}
