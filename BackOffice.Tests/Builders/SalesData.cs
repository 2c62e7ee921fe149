using System.Globalization;
using BackOffice.Domain.Agreements;
using BackOffice.Domain.Brands;
using BackOffice.Domain.Common;
using BackOffice.Domain.Orders;
using BackOffice.Domain.Sales;
using BackOffice.Domain.Shopkeepers;
using BackOffice.Domain.Suppliers;
using BackOffice.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Tests.Builders;

/// <summary>
/// Suppliers, approved brands with selectable products, Draft and scheduled sales, agreements and order lines,
/// straight into a test database. In a database other builders share (the browser tests' app), give a
/// <paramref name="codeOffset"/> so codes cannot collide with theirs.
/// </summary>
public sealed class SalesData(IServiceProvider services, int codeOffset = 0)
{
    public SalesData(TestDatabase database) : this(database.Services) { }

    private static readonly DateTime LongAgo = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private int _lines;

    public static DateTime China(int month, int day, int hour = 10, int minute = 0) =>
        ChinaTime.ToUtc(new DateOnly(2026, month, day), new TimeOnly(hour, minute));

    public async Task<int> SupplierAsync()
    {
        await using var db = services.GetRequiredService<IDbContextFactory<BackOffice.Domain.Persistence.BackOfficeDbContext>>().CreateDbContext();
        // Numbered after what the database holds, so builders can share a database with other tests (the browser app).
        var n = codeOffset + db.Suppliers.Count() + 1;
        var supplier = new Supplier(SupplierCode.Format(n), $"测试供应商{n}有限公司", CreditCode(n), "王", "13800000000", BankAccount.None, LongAgo);
        db.Suppliers.Add(supplier);
        await db.SaveChangesAsync();
        return supplier.Id;
    }

    /// <summary>An Approved brand with documents valid to 2030 and <paramref name="products"/> selectable products at ¥100 list.</summary>
    public async Task<(int BrandId, int[] ProductIds)> BrandAsync(int supplierId, string category = "Food", int products = 2, BrandStatus status = BrandStatus.Approved, DateOnly? documentsExpire = null)
    {
        await using var db = services.GetRequiredService<IDbContextFactory<BackOffice.Domain.Persistence.BackOfficeDbContext>>().CreateDbContext();
        var n = codeOffset + db.Brands.Count() + 1;
        var expires = documentsExpire ?? new DateOnly(2030, 12, 31);
        var brand = new Brand(supplierId, new BrandDetails($"品牌{n}", $"Brand{n}", category, $"TM{n:000000}", expires, "授权书", expires), People.SelectionLi, LongAgo);
        db.Brands.Add(brand);
        if (status != BrandStatus.Draft)
        {
            brand.Submit(People.SelectionLi, LongAgo);
            brand.StartReview(People.SelectionZhang);
            var assessment = new BrandAssessment(0, new BrandScores(4, 4, 4, 4, 4), People.SelectionZhang, LongAgo);
            brand.Approve(assessment, People.SelectionZhang, null, null, LongAgo);
            if (status == BrandStatus.Suspended) brand.Suspend("测试 test");
        }
        await db.SaveChangesAsync();
        var ids = new List<int>();
        for (var i = 1; i <= products; i++)
        {
            var product = new Product(brand.Id, $"SKU-{n}-{i}", $"商品{n}-{i}", Money.FromYuan(100));
            product.ScoreWith(new ProductScore(4, 4, 4, 4, 4, null));
            db.Products.Add(product);
            await db.SaveChangesAsync();
            ids.Add(product.Id);
        }
        return (brand.Id, ids.ToArray());
    }

    /// <summary>A Draft with the brand's products at ¥69.90 and 100 in stock.</summary>
    public async Task<int> DraftAsync(int brandId, string category = "Food")
    {
        await using var db = services.GetRequiredService<IDbContextFactory<BackOffice.Domain.Persistence.BackOfficeDbContext>>().CreateDbContext();
        var n = codeOffset + db.Sales.Count() + 1;
        var sale = new Sale(Sale.FormatCode(n), brandId, category, $"档期{n}", People.SelectionLi, LongAgo);
        foreach (var product in db.Products.Where(p => p.BrandId == brandId).ToList())
            sale.SetProduct(product.Id, product.ListPrice, new Money(6_990), 100);
        db.Sales.Add(sale);
        await db.SaveChangesAsync();
        return sale.Id;
    }

    /// <summary>A sale scheduled long ago for [start, end); with the clock it reads as Scheduled, Live or Ended.</summary>
    public async Task<int> ScheduledAsync(int brandId, DateTime start, DateTime end, string category = "Food", bool cancelled = false)
    {
        var id = await DraftAsync(brandId, category);
        await using var db = services.GetRequiredService<IDbContextFactory<BackOffice.Domain.Persistence.BackOfficeDbContext>>().CreateDbContext();
        var sale = db.Sales.Where(s => s.Id == id).Select(s => s).Single();
        db.Entry(sale).Collection(s => s.Products).Load();
        sale.Schedule(start, end, SaleKind.Flash, 1000, new SettlementDefaults().ToSnapshot(), start.AddDays(-30));
        if (cancelled) sale.Cancel("测试 test", start.AddDays(-20));
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>A Signed agreement of the supplier covering the brand.</summary>
    public async Task<string> AgreementAsync(int supplierId, int brandId, DateOnly termStart, DateOnly termEnd, int commissionBp, params RebateTier[] tiers)
    {
        await using var db = services.GetRequiredService<IDbContextFactory<BackOffice.Domain.Persistence.BackOfficeDbContext>>().CreateDbContext();
        var number = db.Agreements.Count() + 1;
        var terms = new AgreementTerms(termStart, termEnd, 100_000_000, commissionBp, 70, 10, 45, tiers);
        var agreement = new FrameworkAgreement(FrameworkAgreement.FormatCode(termStart.Year, number), supplierId, [brandId], terms, People.ManagerWang, LongAgo);
        agreement.Submit(People.ManagerWang);
        agreement.Sign(People.ManagerLiu, termStart, "DOC-" + number.ToString(CultureInfo.InvariantCulture), null, null);
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync();
        return agreement.Code;
    }

    /// <summary>An order line of the sale, paid and partly refunded, ordered at the instant given.</summary>
    public async Task OrderLineAsync(int saleId, long paidFen, long refundFen, DateTime orderedAt, int? shopkeeperId = null)
    {
        await using var db = services.GetRequiredService<IDbContextFactory<BackOffice.Domain.Persistence.BackOfficeDbContext>>().CreateDbContext();
        var sale = db.Sales.Where(s => s.Id == saleId).Select(s => new { s.Id, s.BrandId, s.Category }).Single();
        var productId = db.Products.Where(p => p.BrandId == sale.BrandId).Select(p => p.Id).First();
        var keeper = shopkeeperId ?? (await ShopkeeperAsync(db));
        var n = ++_lines;
        var line = new OrderLine($"EXT{n}", $"ORD{n}", sale.Id, productId, sale.BrandId, sale.Category, keeper, 1, paidFen, 0, orderedAt);
        if (refundFen > 0) line.Refund(refundFen, orderedAt.AddHours(1));
        db.OrderLines.Add(line);
        await db.SaveChangesAsync();
        // Lines written directly skip the importer, which keeps the metrics aggregates; rebuild them as seeding does.
        await services.GetRequiredService<BackOffice.Domain.Metrics.AggregateBuilder>().RebuildAsync();
    }

    private async Task<int> ShopkeeperAsync(BackOffice.Domain.Persistence.BackOfficeDbContext db)
    {
        var existing = db.Shopkeepers.Select(s => (int?)s.Id).FirstOrDefault();
        if (existing is { } id) return id;
        var shopkeeper = new Shopkeeper(Shopkeeper.FormatCode(codeOffset + 1), "13812345678", "王小美", "浙江", "杭州", new DateOnly(2025, 1, 1), services.GetRequiredService<PersonalDataProtector>());
        db.Shopkeepers.Add(shopkeeper);
        await db.SaveChangesAsync();
        return shopkeeper.Id;
    }

    private static UnifiedSocialCreditCode CreditCode(int n)
    {
        var first17 = "91330100" + n.ToString("000000000", System.Globalization.CultureInfo.InvariantCulture);
        return UnifiedSocialCreditCode.Parse(first17 + UnifiedSocialCreditCode.CheckCharacter(first17));
    }

    /// <summary>A request for the Draft as it stands: the products at their Draft price and stock.</summary>
    public async Task<ScheduleRequest> RequestAsync(int saleId, DateTime start, DateTime end)
    {
        await using var db = services.GetRequiredService<IDbContextFactory<BackOffice.Domain.Persistence.BackOfficeDbContext>>().CreateDbContext();
        var products = db.Set<SaleProduct>().Where(p => p.SaleId == saleId).Select(p => new ProductTerms(p.ProductId, p.SalePriceFen, p.Stock)).ToList();
        return new ScheduleRequest(start, end, SaleKind.Flash, 1000, products);
    }
}
