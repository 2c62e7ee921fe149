using BackOffice.Domain.Imports;
using BackOffice.Domain.Persistence;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using static BackOffice.Tests.Builders.TradingData;

namespace BackOffice.Tests.Domain.Persistence;

public class BulkLoadTests
{
    private static readonly string[] Tables = ["OrderLines", "DailySales", "ShopkeeperDailySales"];

    [Fact]
    public async Task Import_FirstFileIntoNoLines_IndexesBuiltAgainAsDefined()
    {
        await using var database = await TestDatabase.CreateAsync();
        await TradingData.SeedAsync(database);
        var import = database.Get<ImportService>();
        Assert.True((await import.ImportCsvAsync(People.FinanceChen, ImportKind.Shopkeepers, Csv(ShopkeeperHeader, [ShopkeeperRow(1), ShopkeeperRow(2)]))).Applied);
        var before = await IndexesAsync(database);

        var result = await import.ImportCsvAsync(People.FinanceChen, ImportKind.OrderLines, Csv(OrderLineHeader,
            Enumerable.Range(1, 40).Select(i => LineRow($"L{i}", $"O{i}", 1 + i % 2, 1, 1 + i % 2, 1, 1_000 + i, 100))));

        Assert.True(result.Applied, string.Join("; ", result.Problems));
        Assert.Equal(before, await IndexesAsync(database));
        Assert.Contains(before, i => i.Contains("UNIQUE INDEX \"IX_OrderLines_ExternalId\"", StringComparison.Ordinal));
        // The rebuilt unique index still refuses a second line with the same external id.
        await using var db = database.NewContext();
        var id = await db.OrderLines.Select(l => l.Id).FirstAsync();
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO OrderLines(ExternalId, OrderId, SaleId, ProductId, BrandId, Category, ShopkeeperId, Quantity, PaidFen, ShopkeeperCommissionFen, OrderedAt, OrderedOn, RefundFen) " +
            "SELECT ExternalId, OrderId, SaleId, ProductId, BrandId, Category, ShopkeeperId, Quantity, PaidFen, ShopkeeperCommissionFen, OrderedAt, OrderedOn, RefundFen FROM OrderLines WHERE Id = {0}",
            id));
    }

    [Fact]
    public async Task WithoutIndexes_WriteFails_RollbackKeepsEveryIndex()
    {
        await using var database = await TestDatabase.CreateAsync();
        var before = await IndexesAsync(database);
        await using (var db = database.NewContext())
        {
            await db.Database.OpenConnectionAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            var sql = new RawSql(db.Database.GetDbConnection(), tx.GetDbTransaction());
            await Assert.ThrowsAsync<InvalidOperationException>(() =>
                BulkLoad.WithoutIndexesAsync(sql, Tables, () => throw new InvalidOperationException("write failed"), CancellationToken.None));
            Assert.NotEqual(before, await IndexesAsync(sql));
            await tx.RollbackAsync();
        }
        Assert.Equal(before, await IndexesAsync(database));
    }

    private static async Task<List<string>> IndexesAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        await db.Database.OpenConnectionAsync();
        return await IndexesAsync(new RawSql(db.Database.GetDbConnection(), null));
    }

    private static async Task<List<string>> IndexesAsync(RawSql sql)
    {
        var list = new List<string>();
        await using var read = sql.Command($"SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", Tables.Select(t => $"'{t}'"))}) ORDER BY name");
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync()) list.Add(reader.GetString(0));
        return list;
    }
}
