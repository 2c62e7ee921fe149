using System.Data.Common;
using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BackOffice.Domain.Metrics;

/// <summary>
/// The metric aggregates (<see cref="DailySales"/>, <see cref="ShopkeeperDailySales"/>,
/// <see cref="ShopkeeperSegmentSpell"/>, <see cref="ShopkeeperSalesPack"/>): rebuilt here from the
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
        var sql = new RawSql(db.Database.GetDbConnection(), tx.GetDbTransaction());
        await WriteSpellsAsync(sql, null, ct);
        await SalesPacks.RebuildAsync(sql, ct);
        await tx.CommitAsync(ct);
    }

    internal static readonly string[] DeltaColumns =
        ["shopkeeper_id", "day", "brand_id", "province", "category", "gmv", "refund", "items", "commission", "orders", "lines"];

    /// <summary>The delta table an import fills (<c>temp.import_delta</c> / <c>#import_delta</c>): one row per (shopkeeper, day, brand) it changes.</summary>
    internal static string CreateDelta(SqlDialect d) => d.CreateTemp("import_delta", $"""
        shopkeeper_id {d.Int} NOT NULL, day {d.Date} NOT NULL, brand_id {d.Int} NOT NULL, province {d.Text(20)} NOT NULL,
        category {d.Text(Brands.Categories.CodeMaxLength)} NOT NULL, gmv {d.Int} NOT NULL, refund {d.Int} NOT NULL, items {d.Int} NOT NULL,
        commission {d.Int} NOT NULL, orders {d.Int} NOT NULL, lines {d.Int} NOT NULL
        """);

    internal static readonly string[] DailyDeltaColumns = ["day", "brand_id", "province", "category", "gmv", "refund", "items", "commission", "orders", "lines"];

    /// <summary>
    /// <see cref="DailySales"/>' delta, when the import has summed it already (one row per day, brand and province;
    /// otherwise <see cref="ApplyDelta"/> groups <c>import_delta</c>).
    /// </summary>
    internal static string CreateDailyDelta(SqlDialect d) => d.CreateTemp("import_daily_delta", $"""
        day {d.Date} NOT NULL, brand_id {d.Int} NOT NULL, province {d.Text(20)} NOT NULL, category {d.Text(Brands.Categories.CodeMaxLength)} NOT NULL,
        gmv {d.Int} NOT NULL, refund {d.Int} NOT NULL, items {d.Int} NOT NULL, commission {d.Int} NOT NULL, orders {d.Int} NOT NULL, lines {d.Int} NOT NULL
        """);

    private static readonly string[] DailyFigures = ["GmvFen", "RefundFen", "Items", "CommissionFen", "Orders", "Lines"];

    /// <summary>
    /// Adds the delta to both daily aggregates, then drops rows left with no line (so incremental equals rebuilt).
    /// [0] per shopkeeper, [1] by province, [2] and [3] the empty rows of each. <paramref name="summed"/>: the import
    /// summed the delta itself, so <c>import_delta</c> holds one row per key and <c>import_daily_delta</c> the
    /// province rows; otherwise both are grouped from <c>import_delta</c>.
    /// </summary>
    internal static string[] ApplyDelta(SqlDialect d, bool summed) =>
    [
        d.Upsert("ShopkeeperDailySales", ["ShopkeeperId", "Day", "BrandId"], ["Category", "Province"], DailyFigures, summed
            ? $"""
              SELECT shopkeeper_id AS ShopkeeperId, day AS Day, brand_id AS BrandId, category AS Category, province AS Province,
                     gmv AS GmvFen, refund AS RefundFen, items AS Items, commission AS CommissionFen, orders AS Orders, lines AS Lines
              FROM {d.Temp("import_delta")} WHERE 1 = 1
              """
            : $"""
              SELECT shopkeeper_id AS ShopkeeperId, day AS Day, brand_id AS BrandId, MAX(category) AS Category, MAX(province) AS Province,
                     SUM(gmv) AS GmvFen, SUM(refund) AS RefundFen, SUM(items) AS Items, SUM(commission) AS CommissionFen, SUM(orders) AS Orders, SUM(lines) AS Lines
              FROM {d.Temp("import_delta")} WHERE 1 = 1 GROUP BY shopkeeper_id, day, brand_id
              """),
        d.Upsert("DailySales", ["Day", "BrandId", "Province"], ["Category"], DailyFigures, summed
            ? $"""
              SELECT day AS Day, brand_id AS BrandId, province AS Province, category AS Category,
                     gmv AS GmvFen, refund AS RefundFen, items AS Items, commission AS CommissionFen, orders AS Orders, lines AS Lines
              FROM {d.Temp("import_daily_delta")} WHERE 1 = 1
              """
            : $"""
              SELECT day AS Day, brand_id AS BrandId, province AS Province, MAX(category) AS Category,
                     SUM(gmv) AS GmvFen, SUM(refund) AS RefundFen, SUM(items) AS Items, SUM(commission) AS CommissionFen, SUM(orders) AS Orders, SUM(lines) AS Lines
              FROM {d.Temp("import_delta")} WHERE 1 = 1 GROUP BY day, brand_id, province
              """),
        $"DELETE FROM ShopkeeperDailySales WHERE Lines = 0 AND ShopkeeperId IN (SELECT shopkeeper_id FROM {d.Temp("import_delta")})",
        $"DELETE FROM DailySales WHERE Lines = 0 AND Day IN (SELECT day FROM {d.Temp("import_delta")})",
    ];

    /// <summary>The shopkeepers whose segment runs an import recomputes.</summary>
    internal static string ImportSpellScope(SqlDialect d) => $"SELECT shopkeeper_id FROM {d.Temp("import_delta")}";

    /// <summary>
    /// The aggregates an import keeps beyond <see cref="ApplyDelta"/>: the segment runs of every shopkeeper in
    /// the delta table (<c>temp.import_delta</c> on SQLite, <c>#import_delta</c> on SQL Server) and the sales packs of its days and months,
    /// from <paramref name="packDays"/> when the import summed them in memory, else from the delta table.
    /// Runs inside the import's transaction, after <see cref="ApplyDelta"/> and the line changes.
    /// </summary>
    internal static async Task ApplyImportDeltaAsync(RawSql sql, IReadOnlyDictionary<DateOnly, List<(string Category, PackEntry Entry)>>? packDays,
        CancellationToken ct)
    {
        var d = sql.Dialect;
        await WriteSpellsAsync(sql, ImportSpellScope(d), ct);
        if (packDays is null) await SalesPacks.ApplyImportDeltaAsync(sql, d, ct);
        else await SalesPacks.ApplyImportDeltaAsync(sql, packDays, ct);
    }

    /// <summary>The segment runs' statements, for the shopkeepers the subquery names (all when null).</summary>
    internal static (string Delete, string Read) SpellStatements(string? shopkeepers)
    {
        var scope = shopkeepers is null ? "" : $" WHERE ShopkeeperId IN ({shopkeepers})";
        return ("DELETE FROM ShopkeeperSegmentSpells" + scope,
            $"SELECT ShopkeeperId, Day, SUM(GmvFen - RefundFen) FROM ShopkeeperDailySales{scope} GROUP BY ShopkeeperId, Day ORDER BY ShopkeeperId, Day");
    }

    /// <summary>The runs are written through <see cref="RowWriter"/> (a million and more when an import touches every shopkeeper).</summary>
    private static readonly string[] SpellColumns = ["ShopkeeperId", "FromDay", "ToDay", "Segment"];

    /// <summary>The segment as EF Core stores the enum (its name), without a ToString a run.</summary>
    private static readonly string[] SegmentNames = Enum.GetValues<ShopkeeperSegment>().Select(s => s.ToString()).ToArray();

    /// <summary>Recomputes the segment runs of the shopkeepers the subquery names (all when null) from their daily net GMV.</summary>
    private static async Task WriteSpellsAsync(RawSql sql, string? shopkeepers, CancellationToken ct)
    {
        var statements = SpellStatements(shopkeepers);
        await sql.ExecAsync(statements.Delete, ct);
        var spells = new List<(int Shopkeeper, DateOnly From, DateOnly To, ShopkeeperSegment Segment)>();
        await using (var read = sql.Command(statements.Read))
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
        using var insert = RowWriter.Create(sql, "ShopkeeperSegmentSpells", SpellColumns);
        foreach (var s in spells)
        {
            insert.Set(0, s.Shopkeeper);
            insert.Set(1, s.From);
            insert.Set(2, s.To);
            insert.Set(3, SegmentNames[(int)s.Segment]);
            await insert.EndRowAsync(ct);
        }
        await insert.FlushAsync(ct);
    }
}
