using System.Data.Common;
using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BackOffice.Domain.Metrics;

/// <summary>
/// The metric aggregates (<see cref="DailySales"/>, <see cref="ShopkeeperDailySales"/>,
/// <see cref="ShopkeeperMonthlySales"/>, <see cref="ShopkeeperCategoryMonthlySales"/>, <see cref="ShopkeeperSegmentSpell"/>): rebuilt here from the
/// order lines, kept incrementally by the imports from a delta table of the same shape.
/// </summary>
public sealed class AggregateBuilder(IDbContextFactory<BackOfficeDbContext> factory)
{
    /// <summary>Recomputes every aggregate from the lines, in one transaction.</summary>
    public async Task RebuildAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM ShopkeeperSegmentSpells", ct);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM ShopkeeperCategoryMonthlySales", ct);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM ShopkeeperMonthlySales", ct);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM ShopkeeperDailySales", ct);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM DailySales", ct);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO ShopkeeperDailySales(ShopkeeperId, Day, BrandId, Category, Province, GmvFen, RefundFen, Items, CommissionFen, Orders, Lines)
            SELECT l.ShopkeeperId, l.OrderedOn, l.BrandId, MAX(l.Category), MAX(k.Province), SUM(l.PaidFen), SUM(l.RefundFen), SUM(l.Quantity),
                   SUM(l.ShopkeeperCommissionFen), COUNT(DISTINCT l.OrderId), COUNT(*)
            FROM OrderLines l JOIN Shopkeepers k ON k.Id = l.ShopkeeperId GROUP BY l.ShopkeeperId, l.OrderedOn, l.BrandId
            """, ct);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO DailySales(Day, BrandId, Province, Category, GmvFen, RefundFen, Items, CommissionFen, Orders, Lines)
            SELECT l.OrderedOn, l.BrandId, k.Province, MAX(l.Category), SUM(l.PaidFen), SUM(l.RefundFen), SUM(l.Quantity), SUM(l.ShopkeeperCommissionFen),
                   COUNT(DISTINCT l.OrderId), COUNT(*)
            FROM OrderLines l JOIN Shopkeepers k ON k.Id = l.ShopkeeperId
            GROUP BY l.OrderedOn, l.BrandId, k.Province
            """, ct);
        var month = db.Database.IsSqlite() ? "substr(Day, 1, 8) || '01'" : "DATEFROMPARTS(YEAR(Day), MONTH(Day), 1)";
        var monthly = $"""
            INSERT INTO ShopkeeperMonthlySales(ShopkeeperId, Month, Province, GmvFen, RefundFen, CommissionFen, Orders, Lines)
            SELECT ShopkeeperId, {month}, MAX(Province), SUM(GmvFen), SUM(RefundFen), SUM(CommissionFen), SUM(Orders), SUM(Lines)
            FROM ShopkeeperDailySales GROUP BY ShopkeeperId, {month}
            """;
        await db.Database.ExecuteSqlRawAsync(monthly, ct);
        var byCategory = $"""
            INSERT INTO ShopkeeperCategoryMonthlySales(ShopkeeperId, Month, Category, Province, GmvFen, RefundFen, CommissionFen, Orders, Lines)
            SELECT ShopkeeperId, {month}, Category, MAX(Province), SUM(GmvFen), SUM(RefundFen), SUM(CommissionFen), SUM(Orders), SUM(Lines)
            FROM ShopkeeperDailySales GROUP BY ShopkeeperId, {month}, Category
            """;
        await db.Database.ExecuteSqlRawAsync(byCategory, ct);
        await WriteSpellsAsync(new RawSql(db.Database.GetDbConnection(), tx.GetDbTransaction()), null, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The delta table an import fills: one row per (shopkeeper, day, brand) it changes.</summary>
    internal const string CreateDelta = """
        CREATE TEMP TABLE import_delta(
            shopkeeper_id INTEGER NOT NULL, day TEXT NOT NULL, brand_id INTEGER NOT NULL, province TEXT NOT NULL, category TEXT NOT NULL,
            gmv INTEGER NOT NULL, refund INTEGER NOT NULL, items INTEGER NOT NULL, commission INTEGER NOT NULL, orders INTEGER NOT NULL, lines INTEGER NOT NULL)
        """;

    /// <summary>Adds the delta to both aggregates, then drops rows left with no line (so incremental equals rebuilt).</summary>
    internal static readonly string[] ApplyDelta =
    [
        """
        INSERT INTO ShopkeeperDailySales(ShopkeeperId, Day, BrandId, Category, Province, GmvFen, RefundFen, Items, CommissionFen, Orders, Lines)
        SELECT shopkeeper_id, day, brand_id, MAX(category), MAX(province), SUM(gmv), SUM(refund), SUM(items), SUM(commission), SUM(orders), SUM(lines)
        FROM temp.import_delta WHERE true GROUP BY shopkeeper_id, day, brand_id
        ON CONFLICT(ShopkeeperId, Day, BrandId) DO UPDATE SET
            GmvFen = GmvFen + excluded.GmvFen, RefundFen = RefundFen + excluded.RefundFen, Items = Items + excluded.Items,
            CommissionFen = CommissionFen + excluded.CommissionFen, Orders = Orders + excluded.Orders, Lines = Lines + excluded.Lines
        """,
        """
        INSERT INTO DailySales(Day, BrandId, Province, Category, GmvFen, RefundFen, Items, CommissionFen, Orders, Lines)
        SELECT day, brand_id, province, MAX(category), SUM(gmv), SUM(refund), SUM(items), SUM(commission), SUM(orders), SUM(lines)
        FROM temp.import_delta WHERE true GROUP BY day, brand_id, province
        ON CONFLICT(Day, BrandId, Province) DO UPDATE SET
            GmvFen = GmvFen + excluded.GmvFen, RefundFen = RefundFen + excluded.RefundFen, Items = Items + excluded.Items,
            CommissionFen = CommissionFen + excluded.CommissionFen, Orders = Orders + excluded.Orders, Lines = Lines + excluded.Lines
        """,
        "DELETE FROM ShopkeeperDailySales WHERE Lines = 0 AND ShopkeeperId IN (SELECT shopkeeper_id FROM temp.import_delta)",
        "DELETE FROM DailySales WHERE Lines = 0 AND Day IN (SELECT day FROM temp.import_delta)",
    ];

    /// <summary>
    /// The aggregates an import keeps beyond <see cref="ApplyDelta"/>: the monthly rows and the segment
    /// runs of every shopkeeper in <c>temp.import_delta</c>. Runs inside the import's transaction, after
    /// <see cref="ApplyDelta"/> and the line changes.
    /// </summary>
    public static async Task ApplyImportDeltaAsync(DbConnection connection, DbTransaction tx, CancellationToken ct)
    {
        var sql = new RawSql(connection, tx);
        await sql.ExecAsync("""
            INSERT INTO ShopkeeperMonthlySales(ShopkeeperId, Month, Province, GmvFen, RefundFen, CommissionFen, Orders, Lines)
            SELECT shopkeeper_id, substr(day, 1, 8) || '01', MAX(province), SUM(gmv), SUM(refund), SUM(commission), SUM(orders), SUM(lines)
            FROM temp.import_delta WHERE true GROUP BY shopkeeper_id, substr(day, 1, 8)
            ON CONFLICT(ShopkeeperId, Month) DO UPDATE SET
                GmvFen = GmvFen + excluded.GmvFen, RefundFen = RefundFen + excluded.RefundFen, CommissionFen = CommissionFen + excluded.CommissionFen,
                Orders = Orders + excluded.Orders, Lines = Lines + excluded.Lines
            """, ct);
        await sql.ExecAsync("""
            INSERT INTO ShopkeeperCategoryMonthlySales(ShopkeeperId, Month, Category, Province, GmvFen, RefundFen, CommissionFen, Orders, Lines)
            SELECT shopkeeper_id, substr(day, 1, 8) || '01', category, MAX(province), SUM(gmv), SUM(refund), SUM(commission), SUM(orders), SUM(lines)
            FROM temp.import_delta WHERE true GROUP BY shopkeeper_id, substr(day, 1, 8), category
            ON CONFLICT(ShopkeeperId, Month, Category) DO UPDATE SET
                GmvFen = GmvFen + excluded.GmvFen, RefundFen = RefundFen + excluded.RefundFen, CommissionFen = CommissionFen + excluded.CommissionFen,
                Orders = Orders + excluded.Orders, Lines = Lines + excluded.Lines
            """, ct);
        foreach (var table in (string[])["ShopkeeperMonthlySales", "ShopkeeperCategoryMonthlySales"])
            await sql.ExecAsync($"DELETE FROM {table} WHERE Lines = 0 AND ShopkeeperId IN (SELECT shopkeeper_id FROM temp.import_delta)", ct);
        await WriteSpellsAsync(sql, "SELECT shopkeeper_id FROM temp.import_delta", ct);
    }

    /// <summary>Recomputes the segment runs of the shopkeepers the subquery names (all when null) from their daily net GMV.</summary>
    private static async Task WriteSpellsAsync(RawSql sql, string? shopkeepers, CancellationToken ct)
    {
        var scope = shopkeepers is null ? "" : $" WHERE ShopkeeperId IN ({shopkeepers})";
        await sql.ExecAsync("DELETE FROM ShopkeeperSegmentSpells" + scope, ct);
        var spells = new List<(int Shopkeeper, DateOnly From, DateOnly To, ShopkeeperSegment Segment)>();
        await using (var read = sql.Command(
            $"SELECT ShopkeeperId, Day, SUM(GmvFen - RefundFen) FROM ShopkeeperDailySales{scope} GROUP BY ShopkeeperId, Day ORDER BY ShopkeeperId, Day"))
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            var days = new List<(DateOnly Day, long NetFen)>();
            var current = -1;
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetInt32(0);
                if (id != current && days.Count > 0)
                {
                    foreach (var s in Segments.Spells(days)) spells.Add((current, s.From, s.To, s.Segment));
                    days.Clear();
                }
                current = id;
                days.Add((reader.GetFieldValue<DateOnly>(1), reader.GetInt64(2)));
            }
            if (days.Count > 0) foreach (var s in Segments.Spells(days)) spells.Add((current, s.From, s.To, s.Segment));
        }
        await using var insert = sql.Command("INSERT INTO ShopkeeperSegmentSpells(ShopkeeperId, FromDay, ToDay, Segment) VALUES (@k, @f, @t, @s)");
        var k = RawSql.Parameter(insert, "@k");
        var f = RawSql.Parameter(insert, "@f");
        var t = RawSql.Parameter(insert, "@t");
        var g = RawSql.Parameter(insert, "@s");
        insert.Prepare();
        foreach (var s in spells)
        {
            k.Value = s.Shopkeeper;
            f.Value = s.From;
            t.Value = s.To;
            g.Value = s.Segment.ToString();
            await insert.ExecuteNonQueryAsync(ct);
        }
    }
}
