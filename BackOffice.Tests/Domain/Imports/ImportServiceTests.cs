using System.Text;
using BackOffice.Domain.Common;
using BackOffice.Domain.Imports;
using BackOffice.Domain.Metrics;
using BackOffice.Domain.Shopkeepers;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static BackOffice.Tests.Builders.TradingData;

namespace BackOffice.Tests.Domain.Imports;

public class ImportServiceTests
{
    private static async Task<TestDatabase> ReadyAsync(int shopkeepers = 3)
    {
        var database = await TestDatabase.CreateAsync();
        await TradingData.SeedAsync(database);
        var result = await Import(database).ImportCsvAsync(People.FinanceChen, ImportKind.Shopkeepers,
            Csv(ShopkeeperHeader, Enumerable.Range(1, shopkeepers).Select(n => ShopkeeperRow(n))));
        Assert.True(result.Applied, string.Join("; ", result.Problems));
        return database;
    }

    private static ImportService Import(TestDatabase database) => database.Get<ImportService>();

    private static Task<ImportResult> LinesAsync(TestDatabase database, params IEnumerable<string> rows) =>
        Import(database).ImportCsvAsync(People.FinanceChen, ImportKind.OrderLines, Csv(OrderLineHeader, rows));

    [Fact]
    public async Task ImportShopkeepers_NewFile_StoresMaskedAndEncryptedWithOneAuditEntry()
    {
        await using var database = await ReadyAsync(shopkeepers: 2);
        await using var db = database.NewContext();
        var first = await db.Shopkeepers.OrderBy(s => s.Code).FirstAsync();
        Assert.Equal("SK-0000001", first.Code);
        Assert.Equal("138****0001", first.PhoneMasked);
        Assert.Equal("王*", first.RealNameMasked);
        Assert.Equal("13800000001", database.Get<PersonalDataProtector>().Unprotect(first.PhoneEncrypted));
        Assert.Equal(new DateOnly(2026, 1, 15), first.JoinedOn);
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "import.shopkeepers");
        Assert.Contains("\"Inserted\":2", entry.After);
        Assert.Contains("Sha256", entry.After);
    }

    [Fact]
    public async Task ImportShopkeepers_SameFileAgain_ChangesNothing()
    {
        await using var database = await ReadyAsync(shopkeepers: 2);
        byte[] before;
        await using (var db = database.NewContext()) before = (await db.Shopkeepers.FirstAsync()).PhoneEncrypted;
        var again = await Import(database).ImportCsvAsync(People.Admin, ImportKind.Shopkeepers, Csv(ShopkeeperHeader, ShopkeeperRow(1), ShopkeeperRow(2)));
        Assert.True(again.Applied);
        Assert.Equal((0, 0, 2), (again.Inserted, again.Updated, again.Unchanged));
        await using var check = database.NewContext();
        Assert.Equal(before, (await check.Shopkeepers.FirstAsync()).PhoneEncrypted);
    }

    [Fact]
    public async Task ImportShopkeepers_ChangedPhoneAndCity_UpdatesOnlyThatShopkeeper()
    {
        await using var database = await ReadyAsync(shopkeepers: 2);
        var result = await Import(database).ImportCsvAsync(People.Admin, ImportKind.Shopkeepers,
            Csv(ShopkeeperHeader, ShopkeeperRow(1, phone: "13912345678"), ShopkeeperRow(2)));
        Assert.Equal((0, 1, 1), (result.Inserted, result.Updated, result.Unchanged));
        await using var db = database.NewContext();
        Assert.Equal("139****5678", (await db.Shopkeepers.SingleAsync(s => s.Code == "SK-0000001")).PhoneMasked);
    }

    [Theory]
    [InlineData("SK-1,13800000001,王一,浙江,杭州,2026-01-01", "shopkeeper_id")]
    [InlineData("SK-0000001,12345,王一,浙江,杭州,2026-01-01", "phone")]
    [InlineData("SK-0000001,13800000001,,浙江,杭州,2026-01-01", "real_name")]
    [InlineData("SK-0000001,13800000001,王一,,杭州,2026-01-01", "province")]
    [InlineData("SK-0000001,13800000001,王一,浙江,,2026-01-01", "city")]
    [InlineData("SK-0000001,13800000001,王一,浙江,杭州,2026-13-01", "joined_at")]
    [InlineData("SK-0000001,13800000001,王一,浙江,杭州,2027-01-01", "joined_at")]
    public async Task ImportShopkeepers_BadRow_RejectsWholeFileNamingTheField(string bad, string field)
    {
        await using var database = await TestDatabase.CreateAsync();
        var result = await Import(database).ImportCsvAsync(People.FinanceChen, ImportKind.Shopkeepers, Csv(ShopkeeperHeader, ShopkeeperRow(2), bad));
        Assert.False(result.Applied);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((2L, field), (problem.Row, problem.Field));
        await using var db = database.NewContext();
        Assert.Equal(0, await db.Shopkeepers.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.Action.StartsWith("import")));
    }

    [Fact]
    public async Task ImportShopkeepers_DuplicateIdInFile_IsABadRow()
    {
        await using var database = await TestDatabase.CreateAsync();
        var result = await Import(database).ImportCsvAsync(People.FinanceChen, ImportKind.Shopkeepers, Csv(ShopkeeperHeader, ShopkeeperRow(1), ShopkeeperRow(1)));
        Assert.False(result.Applied);
        Assert.Equal(2, Assert.Single(result.Problems).Row);
    }

    [Fact]
    public async Task ImportCsv_WrongHeader_RejectedBeforeAnyRow()
    {
        await using var database = await TestDatabase.CreateAsync();
        var result = await Import(database).ImportCsvAsync(People.FinanceChen, ImportKind.OrderLines, Csv(ShopkeeperHeader, ShopkeeperRow(1)));
        Assert.False(result.Applied);
        Assert.Equal(0, Assert.Single(result.Problems).Row);
    }

    [Fact]
    public async Task ImportCsv_SelectionUser_IsDenied()
    {
        await using var database = await TestDatabase.CreateAsync();
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Import(database).ImportCsvAsync(People.SelectionLi, ImportKind.Shopkeepers, Csv(ShopkeeperHeader, ShopkeeperRow(1))));
    }

    [Fact]
    public async Task ImportOrderLines_GoodFileWithBomAndQuotes_InsertsLinesAndAggregates()
    {
        await using var database = await ReadyAsync();
        var csv = new MemoryStream([.. new byte[] { 0xEF, 0xBB, 0xBF }, .. Csv(OrderLineHeader,
            LineRow("L1", "O1", 1, 1, 1, 2, 10_000, 500),
            "\"L2\",\"O1\",SALE-000001,SKU-1-2,SK-0000001,1,5000,250,2026-11-03T10:15:00+08:00,,0,",
            LineRow("L3", "O2", 2, 1, 2, 1, 3_000, 100, orderedAt: "2026-11-03T17:00:00Z")).ToArray()]);
        var result = await Import(database).ImportCsvAsync(People.FinanceChen, ImportKind.OrderLines, csv);
        Assert.True(result.Applied, string.Join("; ", result.Problems));
        Assert.Equal((3, 3, 0), (result.Rows, result.Inserted, result.Updated));
        await using var db = database.NewContext();
        var l3 = await db.OrderLines.SingleAsync(l => l.ExternalId == "L3");
        Assert.Equal(new DateOnly(2026, 11, 4), l3.OrderedOn);
        var figures = await database.Get<MetricsService>().ComputeAsync(new MetricsFilter(new(2026, 11, 3), new(2026, 11, 3)));
        Assert.Equal((15_000L, 1L, 3L, 750L, 1L), (figures.GmvFen, figures.Orders, figures.Items, figures.ShopkeeperCommissionFen, figures.ActiveShopkeepers));
    }

    public static TheoryData<string, string> BadLines => new()
    {
        { LineRow("L9", "O9", 9, 1, 1, 1, 100, 0), "sale_code" },
        { LineRow("L9", "O9", 1, 7, 1, 1, 100, 0), "sku_code" },
        { "L9,O9,SALE-000001,SKU-2-1,SK-0000001,1,100,0,2026-11-03T10:15:00+08:00,,0,", "sku_code" },
        { LineRow("L9", "O9", 1, 1, 99, 1, 100, 0), "shopkeeper_id" },
        { LineRow("L9", "O9", 1, 1, 1, 0, 100, 0), "quantity" },
        { LineRow("L9", "O9", 1, 1, 1, 1, -1, 0), "paid_fen" },
        { LineRow("L9", "O9", 1, 1, 1, 1, 100, -5), "shopkeeper_commission_fen" },
        { LineRow("L9", "O9", 1, 1, 1, 1, 100, 0, orderedAt: "2026-11-03 10:15:00"), "ordered_at" },
        { LineRow("L9", "O9", 1, 1, 1, 1, 100, 0, orderedAt: "2026-11-03T10:15:00"), "ordered_at" },
        { LineRow("L9", "O9", 1, 1, 1, 1, 100, 0, shippedAt: "yesterday"), "shipped_at" },
        { LineRow("L9", "O9", 1, 1, 1, 1, 100, 0, refund: 101, refundedAt: "2026-11-05T10:00:00+08:00"), "refund_fen" },
        { LineRow("L9", "O9", 1, 1, 1, 1, 100, 0, refund: 10), "refunded_at" },
        { LineRow("L1", "O9", 1, 1, 1, 1, 100, 0), "external_id" },
        { LineRow("L9", "O1", 1, 1, 2, 1, 100, 0), "order_id" },
        { "L9,O9,SALE-000001,SKU-1-1,SK-0000001,1,100", "" },
    };

    [Theory]
    [MemberData(nameof(BadLines))]
    public async Task ImportOrderLines_AnyBadRow_RejectsWholeFileAndWritesNothing(string bad, string field)
    {
        await using var database = await ReadyAsync();
        var result = await LinesAsync(database, LineRow("L1", "O1", 1, 1, 1, 1, 100, 0), bad);
        Assert.False(result.Applied);
        Assert.Contains(result.Problems, p => p.Row == 2 && (p.Field ?? "") == field);
        await using var db = database.NewContext();
        Assert.Equal(0, await db.OrderLines.CountAsync());
        Assert.Equal(0, await db.DailySales.CountAsync());
    }

    public static TheoryData<string, string> BadResends => new()
    {
        { LineRow("L1", "O2", 1, 1, 1, 2, 10_000, 500), "order_id" },
        { LineRow("L1", "O1", 1, 2, 1, 2, 10_000, 500), "sku_code" },
        { LineRow("L1", "O1", 1, 1, 2, 2, 10_000, 500), "shopkeeper_id" },
        { LineRow("L1", "O1", 1, 1, 1, 3, 10_000, 500), "quantity" },
        { LineRow("L1", "O1", 1, 1, 1, 2, 10_001, 500), "paid_fen" },
        { LineRow("L1", "O1", 1, 1, 1, 2, 10_000, 500, orderedAt: "2026-11-03T10:16:00+08:00"), "ordered_at" },
        { LineRow("L1", "O1", 1, 1, 1, 2, 10_000, 500, shippedAt: "2026-11-04T09:00:00+08:00", refund: 3_000, refundedAt: "2026-11-06T10:00:00+08:00"), "shipped_at" },
        { LineRow("L1", "O1", 1, 1, 1, 2, 10_000, 500, shippedAt: "2026-11-04T08:00:00+08:00", refund: 1_000, refundedAt: "2026-11-07T10:00:00+08:00"), "refund_fen" },
    };

    [Theory]
    [MemberData(nameof(BadResends))]
    public async Task ImportOrderLines_LineArrivesAgainBreakingARule_IsABadRow(string resend, string field)
    {
        await using var database = await ReadyAsync();
        var first = await LinesAsync(database, LineRow("L1", "O1", 1, 1, 1, 2, 10_000, 500, shippedAt: "2026-11-04T08:00:00+08:00", refund: 2_000, refundedAt: "2026-11-05T10:00:00+08:00"));
        Assert.True(first.Applied, string.Join("; ", first.Problems));
        var again = await LinesAsync(database, resend);
        Assert.False(again.Applied);
        Assert.Equal(field, Assert.Single(again.Problems).Field);
    }

    [Theory]
    [InlineData(2, "2026-11-03T10:15:00+08:00")]
    [InlineData(1, "2026-11-04T10:15:00+08:00")]
    public async Task ImportOrderLines_NewLineOfAnOrderTheDatabaseHoldsElsewhere_IsABadRow(int shopkeeper, string orderedAt)
    {
        await using var database = await ReadyAsync();
        Assert.True((await LinesAsync(database, LineRow("L1", "O1", 1, 1, 1, 2, 10_000, 500))).Applied);
        var late = await LinesAsync(database, LineRow("L0", "O0", 1, 1, 1, 1, 100, 0), LineRow("L2", "O1", 1, 2, shopkeeper, 1, 2_000, 100, orderedAt: orderedAt));
        Assert.False(late.Applied);
        Assert.Equal((2L, "order_id"), (Assert.Single(late.Problems).Row, Assert.Single(late.Problems).Field));
    }

    [Theory]
    [InlineData("lines.csv", true, false)]
    [InlineData("lines.txt", false, false)]
    [InlineData("lines.csv", false, true)]
    public async Task ImportCsvFile_UploadRules_CheckedBeforeAnythingIsRead(string fileName, bool applied, bool binary)
    {
        await using var database = await ReadyAsync();
        var text = Encoding.UTF8.GetBytes(OrderLineHeader + "\n" + LineRow("L1", "O1", 1, 1, 1, 2, 10_000, 500) + "\n");
        await using var file = new MemoryStream(binary ? [0x50, 0x4B, 0x03, 0x04, .. text] : text);
        if (applied)
        {
            Assert.True((await Import(database).ImportCsvFileAsync(People.FinanceChen, ImportKind.OrderLines, fileName, file)).Applied);
            return;
        }
        var refused = await Assert.ThrowsAsync<BackOffice.Domain.Common.DomainException>(() =>
            Import(database).ImportCsvFileAsync(People.FinanceChen, ImportKind.OrderLines, fileName, file));
        Assert.Contains("CSV", refused.Message, StringComparison.Ordinal);
        await using var db = database.NewContext();
        Assert.Equal(0, await db.OrderLines.CountAsync());
    }

    [Fact]
    public async Task ImportOrderLines_SameFileTwice_SecondChangesNothing()
    {
        await using var database = await ReadyAsync();
        string[] rows = [LineRow("L1", "O1", 1, 1, 1, 2, 10_000, 500), LineRow("L2", "O2", 2, 1, 2, 1, 3_000, 100, refund: 3_000, refundedAt: "2026-11-04T10:00:00+08:00")];
        await LinesAsync(database, rows);
        var before = await SnapshotAsync(database);
        var again = await LinesAsync(database, rows);
        Assert.True(again.Applied);
        Assert.Equal((0, 0, 2), (again.Inserted, again.Updated, again.Unchanged));
        Assert.Equal(before, await SnapshotAsync(database));
    }

    [Fact]
    public async Task ImportOrderLines_ShipmentAndGrowingRefund_UpdatesLineAndFigures()
    {
        await using var database = await ReadyAsync();
        await LinesAsync(database, LineRow("L1", "O1", 1, 1, 1, 2, 10_000, 500));
        var update = await LinesAsync(database, LineRow("L1", "O1", 1, 1, 1, 2, 10_000, 400, shippedAt: "2026-11-04T08:00:00+08:00", refund: 2_500, refundedAt: "2026-11-06T10:00:00+08:00"));
        Assert.True(update.Applied, string.Join("; ", update.Problems));
        Assert.Equal((0, 1), (update.Inserted, update.Updated));
        var figures = await database.Get<MetricsService>().ComputeAsync(new MetricsFilter(new(2026, 11, 1), new(2026, 11, 30)));
        Assert.Equal((10_000L, 7_500L, 400L, 1L), (figures.GmvFen, figures.NetGmvFen, figures.ShopkeeperCommissionFen, figures.Orders));
        await using var db = database.NewContext();
        var line = await db.OrderLines.SingleAsync();
        Assert.Equal(2_500, line.RefundFen);
        Assert.NotNull(line.ShippedAt);
    }

    [Fact]
    public async Task ImportOrderLines_ManyBadRows_ReportsFirstThousandAndTheTotal()
    {
        await using var database = await ReadyAsync();
        var result = await LinesAsync(database, Enumerable.Range(1, 1_500).Select(i => LineRow($"L{i}", $"O{i}", 1, 1, 1, 0, 100, 0)));
        Assert.False(result.Applied);
        Assert.Equal(1_500, result.ProblemCount);
        Assert.Equal(ImportService.MaxProblems, result.Problems.Count);
        Assert.Equal(1, result.Problems[0].Row);
        Assert.Contains("1500", result.ProblemsCsv());
    }

    [Fact]
    public async Task ImportOrderLines_OverAThousandShopkeepers_ReadsTheRestAtOnceAndStillFindsUnknownOnes()
    {
        await using var database = await ReadyAsync(shopkeepers: 1_200);
        var rows = Enumerable.Range(1, 1_200).Select(n => LineRow($"L{n}", $"O{n}", 1 + n % 2, 1, n, 1, 100, 0)).ToList();
        rows.Add(LineRow("L-unknown", "O-unknown", 1, 1, 1_300, 1, 100, 0));

        var rejected = await LinesAsync(database, rows);

        Assert.False(rejected.Applied);
        var problem = Assert.Single(rejected.Problems);
        Assert.Equal((1_201, "shopkeeper_id"), (problem.Row, problem.Field));
        var applied = await LinesAsync(database, rows.Take(1_200));
        Assert.True(applied.Applied, string.Join("; ", applied.Problems));
        await using var db = database.NewContext();
        Assert.Equal(1_200, await db.OrderLines.Select(l => l.ShopkeeperId).Distinct().CountAsync());
    }

    [Fact]
    public async Task ImportOrderLines_Applied_WritesOneAuditEntryWithCountsAndFileHash()
    {
        await using var database = await ReadyAsync();
        var csv = Csv(OrderLineHeader, LineRow("L1", "O1", 1, 1, 1, 2, 10_000, 500));
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(csv.ToArray()));
        var result = await Import(database).ImportCsvAsync(People.Admin, ImportKind.OrderLines, csv);
        Assert.Equal(expected, result.Sha256);
        await using var db = database.NewContext();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "import.order-lines");
        Assert.Contains(expected, entry.After);
        Assert.Contains("\"Inserted\":1", entry.After);
    }

    internal static async Task<string> SnapshotAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var lines = await db.OrderLines.OrderBy(l => l.ExternalId).Select(l => $"{l.ExternalId}:{l.RefundFen}:{l.ShippedAt}:{l.ShopkeeperCommissionFen}").ToListAsync();
        var daily = await db.DailySales.OrderBy(d => d.Day).ThenBy(d => d.BrandId).ThenBy(d => d.Province)
            .Select(d => $"{d.Day}:{d.BrandId}:{d.Province}:{d.GmvFen}:{d.RefundFen}:{d.Items}:{d.CommissionFen}:{d.Orders}:{d.Lines}").ToListAsync();
        var perShopkeeper = await db.ShopkeeperDailySales.OrderBy(d => d.ShopkeeperId).ThenBy(d => d.Day).ThenBy(d => d.BrandId)
            .Select(d => $"{d.ShopkeeperId}:{d.Day}:{d.BrandId}:{d.Province}:{d.GmvFen}:{d.RefundFen}:{d.Items}:{d.CommissionFen}:{d.Orders}:{d.Lines}").ToListAsync();
        var packs = (await db.ShopkeeperSalesPacks.ToListAsync()).OrderBy(p => p.Span).ThenBy(p => p.Category, StringComparer.Ordinal).ThenBy(p => p.Start)
            .Select(p => $"{p.Span}:{p.Category}:{p.Start}:{p.Shopkeepers}:{p.GmvFen}:{p.RefundFen}:{p.Items}:{Convert.ToHexString(p.Data)}");
        return string.Join("\n", lines) + "\n--\n" + string.Join("\n", daily) + "\n--\n" + string.Join("\n", perShopkeeper) + "\n--\n" + string.Join("\n", packs);
    }
}
