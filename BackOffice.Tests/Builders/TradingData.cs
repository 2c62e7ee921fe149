using System.Globalization;
using System.Text;
using BackOffice.Domain.Brands;
using BackOffice.Domain.Common;
using BackOffice.Domain.Sales;
using BackOffice.Domain.Suppliers;
using BackOffice.Tests.Infrastructure;

namespace BackOffice.Tests.Builders;

/// <summary>A supplier, brands of different categories and a sale per brand with SKUs, ready for order lines.</summary>
public static class TradingData
{
    /// <summary>Creates brands 1..<paramref name="brands"/>, each with sale SALE-00000n and SKUs SKU-n-1..SKU-n-3.</summary>
    public static async Task SeedAsync(TestDatabase database, int brands = 2)
    {
        await using var db = database.NewContext();
        var supplier = new Supplier("SUP-000001", "杭州织梦服饰有限公司", UnifiedSocialCreditCode.Parse("91350100M000100Y43"), "王", "13800000000", BankAccount.None, DateTime.UtcNow);
        db.Suppliers.Add(supplier);
        await db.SaveChangesAsync();
        for (var b = 1; b <= brands; b++)
        {
            var category = Categories.All[(b - 1) % Categories.All.Count].Code;
            var brand = new Brand(supplier.Id, new BrandDetails($"品牌{b}", $"Brand{b}", category, $"TM{b}", new DateOnly(2030, 1, 1), "授权", new DateOnly(2030, 1, 1)), People.SelectionLi, DateTime.UtcNow);
            db.Brands.Add(brand);
            await db.SaveChangesAsync();
            var sale = new Sale(Sale.FormatCode(b), brand.Id, category, $"特卖{b}", People.SelectionLi, DateTime.UtcNow);
            for (var p = 1; p <= 3; p++)
            {
                var product = new Product(brand.Id, $"SKU-{b}-{p}", $"商品{b}-{p}", new Money(10_000));
                db.Products.Add(product);
                await db.SaveChangesAsync();
                sale.SetProduct(product.Id, new Money(10_000), new Money(5_000), 100);
            }
            db.Sales.Add(sale);
            await db.SaveChangesAsync();
        }
    }

    public const string ShopkeeperHeader = "shopkeeper_id,phone,real_name,province,city,joined_at";
    public const string OrderLineHeader = "external_id,order_id,sale_code,sku_code,shopkeeper_id,quantity,paid_fen,shopkeeper_commission_fen,ordered_at,shipped_at,refund_fen,refunded_at";

    public static string ShopkeeperRow(int n, string province = "浙江", string joined = "2026-01-15", string? phone = null, string? name = null) =>
        $"{BackOffice.Domain.Shopkeepers.Shopkeeper.FormatCode(n)},{phone ?? "1380000" + n.ToString("0000", CultureInfo.InvariantCulture)},{name ?? "王小" + n},{province},杭州,{joined}";

    public static string LineRow(string externalId, string orderId, int brand, int sku, int shopkeeper, int quantity, long paid, long commission,
        string orderedAt = "2026-11-03T10:15:00+08:00", string shippedAt = "", long refund = 0, string refundedAt = "") =>
        string.Join(',', externalId, orderId, Sale.FormatCode(brand), $"SKU-{brand}-{sku}", BackOffice.Domain.Shopkeepers.Shopkeeper.FormatCode(shopkeeper),
            quantity, paid, commission, orderedAt, shippedAt, refund, refundedAt);

    public static MemoryStream Csv(string header, params IEnumerable<string> rows) =>
        new(Encoding.UTF8.GetBytes(header + "\n" + string.Join("\n", rows) + "\n"));
}
