using System.IO.Compression;
using System.Text.Json;
using BackOffice.Domain.Settlement;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using ClosedXML.Excel;
using UglyToad.PdfPig;
using static BackOffice.Tests.Domain.Settlement.SettlementWorld;

namespace BackOffice.Tests.Domain.Settlement;

public sealed class StatementFilesTests
{
    [Fact]
    public async Task Export_IssuedStatement_ExcelPdfJsonCarrySameTotalsAndChineseName()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await CreateAsync(db);
        var refunded = await world.AddLineAsync(10_000, China(2026, 10, 1));
        for (var i = 0; i < 60; i++) await world.AddLineAsync(1_000 + i, China(2026, 10, 2 + (i % 20)), agreement: i % 2 == 0);
        await world.RefundAsync(refunded, 2_500, China(2026, 10, 20));
        await world.RunAsync(2026, 10, 31);
        await world.IssueAsync(202610);
        var statement = (await world.StatementsAsync()).First();
        var files = db.Get<StatementFiles>();

        var json = JsonDocument.Parse(await files.GetAsync(People.FinanceChen, statement.Id, "json")).RootElement;
        Assert.Equal(("ST-SUP-000123-202610-v1", "2026-10", 1, "issued"), (json.GetProperty("number").GetString(), json.GetProperty("month").GetString(),
            json.GetProperty("version").GetInt32(), json.GetProperty("status").GetString()));
        Assert.Equal(statement.PayableFen, json.GetProperty("payable_fen").GetInt64());
        Assert.Equal(SupplierName, json.GetProperty("supplier").GetProperty("name").GetString());
        var entries = json.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(statement.EntryCount, entries.Count);
        Assert.Equal(-(10_000 - 10_000 + 2_500 - 200), entries.Single(e => e.GetProperty("kind").GetString() == "clawback").GetProperty("amount_fen").GetInt64());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", entries[0].GetProperty("due_date").GetString()!);

        var xlsx = await files.GetAsync(People.FinanceChen, statement.Id, "xlsx");
        using (var workbook = new XLWorkbook(new MemoryStream(xlsx)))
        {
            var summary = workbook.Worksheet(1);
            Assert.Contains(SupplierName, summary.Cell(3, 2).GetString());
            var payableRow = summary.RowsUsed().Single(r => r.Cell(1).GetString().StartsWith("应付", StringComparison.Ordinal));
            Assert.Equal(statement.PayableFen / 100m, payableRow.Cell(3).GetValue<decimal>());
            var detail = workbook.Worksheet(2);
            var totals = detail.LastRowUsed()!;
            Assert.Equal(statement.PayableFen / 100m, totals.Cell(8).GetValue<decimal>());
        }

        var pdf = await files.GetAsync(People.FinanceChen, statement.Id, "pdf");
        using (var document = PdfDocument.Open(pdf))
        {
            var text = string.Join("\n", document.GetPages().Select(p => p.Text));
            Assert.Contains(SupplierName.Replace(" ", "", StringComparison.Ordinal), text.Replace(" ", "", StringComparison.Ordinal));
            Assert.Contains(new BackOffice.Domain.Common.Money(statement.PayableFen).ToString(), text);
        }
        Assert.Equal(xlsx, await files.GetAsync(People.FinanceChen, statement.Id, "xlsx"));
        await using var ctx = db.NewContext();
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), ctx.Statements.Single(s => s.Id == statement.Id).PdfSha256);
    }

    [Fact]
    public async Task WriteMonthZip_ThreeFormats_ReadsEachStatementsEntriesOnce()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await CreateAsync(db);
        for (var i = 0; i < 30; i++) await world.AddLineAsync(1_000 + i, China(2026, 10, 2 + (i % 20)), agreement: i % 2 == 0);
        await world.RunAsync(2026, 10, 31);
        var statement = (await world.StatementsAsync()).Single(s => s.Month == 202610);
        var files = db.Get<StatementFiles>();

        using var entryReads = new SqlCommandCounter(db, "SettlementEntries");
        using (var one = new MemoryStream()) await files.WriteMonthZipAsync(People.FinanceChen, 202610, null, ["json"], one, null, TestContext.Current.CancellationToken);
        var readsForOneFormat = entryReads.Reset();
        using var zipped = new MemoryStream();
        var count = await files.WriteMonthZipAsync(People.FinanceChen, 202610, null, StatementFiles.Formats, zipped, null, TestContext.Current.CancellationToken);

        Assert.Equal(1, count);
        Assert.True(readsForOneFormat > 0);
        Assert.Equal(readsForOneFormat, entryReads.Reset());
        using var zip = new ZipArchive(new MemoryStream(zipped.ToArray()));
        Assert.Equal([$"{statement.Number}.json", $"{statement.Number}.pdf", $"{statement.Number}.xlsx"], zip.Entries.Select(e => e.FullName).Order());
        using var json = new MemoryStream();
        await using (var entry = zip.GetEntry($"{statement.Number}.json")!.Open()) await entry.CopyToAsync(json, TestContext.Current.CancellationToken);
        Assert.Equal(await files.GetAsync(People.FinanceChen, statement.Id, "json", TestContext.Current.CancellationToken), json.ToArray());
    }
}
