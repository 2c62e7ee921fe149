using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Metrics;

/// <summary>
/// The metric aggregates (<see cref="DailySales"/>, <see cref="ShopkeeperDailySales"/>): rebuilt
/// here from the order lines, kept incrementally by the imports from a delta table of the same shape.
/// </summary>
public sealed class AggregateBuilder(IDbContextFactory<BackOfficeDbContext> factory)
{
    /// <summary>Recomputes both aggregates from the lines, in one transaction.</summary>
    public async Task RebuildAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM ShopkeeperDailySales", ct);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM DailySales", ct);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO ShopkeeperDailySales(ShopkeeperId, Day, BrandId, Category, GmvFen, RefundFen, Items, CommissionFen, Orders, Lines)
            SELECT ShopkeeperId, OrderedOn, BrandId, MAX(Category), SUM(PaidFen), SUM(RefundFen), SUM(Quantity), SUM(ShopkeeperCommissionFen),
                   COUNT(DISTINCT OrderId), COUNT(*)
            FROM OrderLines GROUP BY ShopkeeperId, OrderedOn, BrandId
            """, ct);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO DailySales(Day, BrandId, Province, Category, GmvFen, RefundFen, Items, CommissionFen, Orders, Lines)
            SELECT l.OrderedOn, l.BrandId, k.Province, MAX(l.Category), SUM(l.PaidFen), SUM(l.RefundFen), SUM(l.Quantity), SUM(l.ShopkeeperCommissionFen),
                   COUNT(DISTINCT l.OrderId), COUNT(*)
            FROM OrderLines l JOIN Shopkeepers k ON k.Id = l.ShopkeeperId
            GROUP BY l.OrderedOn, l.BrandId, k.Province
            """, ct);
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
        INSERT INTO ShopkeeperDailySales(ShopkeeperId, Day, BrandId, Category, GmvFen, RefundFen, Items, CommissionFen, Orders, Lines)
        SELECT shopkeeper_id, day, brand_id, MAX(category), SUM(gmv), SUM(refund), SUM(items), SUM(commission), SUM(orders), SUM(lines)
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
        "DELETE FROM ShopkeeperDailySales WHERE Lines = 0",
        "DELETE FROM DailySales WHERE Lines = 0",
    ];
}
