using BackOffice.Domain.Agreements;
using BackOffice.Domain.Brands;
using BackOffice.Domain.Common;
using BackOffice.Domain.Metrics;
using BackOffice.Domain.Orders;
using BackOffice.Domain.Sales;
using BackOffice.Domain.Shopkeepers;
using BackOffice.Domain.Suppliers;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;

namespace BackOffice.Tests.Domain.Agreements;

/// <summary>Two suppliers: the first with brands 1 and 2, the second with brand 3; a sale, product and shopkeeper per brand for order lines.</summary>
internal sealed class AgreementData
{
    public int SupplierId { get; private init; }
    public int OtherSupplierId { get; private init; }
    public IReadOnlyList<int> BrandIds { get; private init; } = [];
    public int OtherBrandId { get; private init; }
    private readonly Dictionary<int, (int SaleId, int ProductId, string Category)> _sales = [];
    private int _shopkeeperId;
    private int _lines;

    public static async Task<AgreementData> SeedAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var s1 = new Supplier("SUP-000001", "杭州织梦服饰有限公司", UnifiedSocialCreditCode.Parse("91350100M000100Y43"), "王", "13800000000", new BankAccount("杭州织梦服饰有限公司", "招商银行杭州分行", "6225880100000001"), now);
        var s2 = new Supplier("SUP-000002", "深圳优品母婴有限公司", UnifiedSocialCreditCode.Parse("91440300708461136T"), "李", "13900000000", new BankAccount("深圳优品母婴有限公司", "工商银行深圳分行", "6222020200000002"), now);
        db.Suppliers.AddRange(s1, s2);
        await db.SaveChangesAsync();
        var brands = new[]
        {
            new Brand(s1.Id, Details("织梦", "Dreamweave", "Apparel"), People.SelectionLi, now),
            new Brand(s1.Id, Details("织梦童装", "Dreamweave Kids", "Apparel"), People.SelectionLi, now),
            new Brand(s2.Id, Details("优品", "Youpin", "MotherBaby"), People.SelectionLi, now),
        };
        db.Brands.AddRange(brands);
        await db.SaveChangesAsync();
        var data = new AgreementData { SupplierId = s1.Id, OtherSupplierId = s2.Id, BrandIds = [brands[0].Id, brands[1].Id], OtherBrandId = brands[2].Id };
        var shopkeeper = new Shopkeeper("SK-0000001", "13812345678", "王小美", "浙江", "杭州", new DateOnly(2025, 1, 1), database.Get<PersonalDataProtector>());
        db.Shopkeepers.Add(shopkeeper);
        var n = 0;
        foreach (var brand in brands)
        {
            var product = new Product(brand.Id, $"SKU-{++n}", "商品", Money.FromYuan(100));
            var sale = new Sale(Sale.FormatCode(n), brand.Id, brand.Category, "档期", People.SelectionLi, now);
            db.Products.Add(product);
            db.Sales.Add(sale);
            await db.SaveChangesAsync();
            data._sales[brand.Id] = (sale.Id, product.Id, brand.Category);
        }
        data._shopkeeperId = shopkeeper.Id;
        return data;
    }

    /// <summary>Adds an order line of a brand ordered at noon China time on a day, with a refund; the metric aggregates are rebuilt as an import would keep them.</summary>
    public async Task AddLineAsync(TestDatabase database, int brandId, DateOnly orderedOn, long paidFen, long refundFen = 0)
    {
        await using var db = database.NewContext();
        var (saleId, productId, category) = _sales[brandId];
        var orderedAt = ChinaTime.ToUtc(orderedOn, new TimeOnly(12, 0));
        var line = new OrderLine($"L{++_lines}", $"O{_lines}", saleId, productId, brandId, category, _shopkeeperId, 1, paidFen, 0, orderedAt);
        if (refundFen > 0) line.Refund(refundFen, orderedAt.AddHours(1));
        db.OrderLines.Add(line);
        await db.SaveChangesAsync();
        await database.Get<AggregateBuilder>().RebuildAsync();
    }

    public AgreementDraft Draft(DateOnly start, DateOnly end, long targetFen = 6_000_000, int commissionBp = 800, IReadOnlyList<RebateTier>? tiers = null) =>
        new(SupplierId, BrandIds, new AgreementTerms(start, end, targetFen, commissionBp, 80, 7, 30,
            tiers ?? [new RebateTier(3_000_000, 100), new RebateTier(5_000_000, 200)]), "王芳 / 供应商法人", "");

    private static BrandDetails Details(string zh, string latin, string category) =>
        new(zh, latin, category, "TM-" + latin, new DateOnly(2030, 1, 1), "授权书", new DateOnly(2030, 1, 1));
}
