using BackOffice.Domain.Brands;
using BackOffice.Domain.Common;
using BackOffice.Domain.Orders;
using BackOffice.Domain.Sales;
using BackOffice.Domain.Settlement;
using BackOffice.Domain.Suppliers;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Tests.Domain.Settlement;

/// <summary>A supplier with one brand and two sales (default terms; an agreement's tiered terms) and helpers for lines.</summary>
public sealed class SettlementWorld
{
    public static readonly TermsSnapshot AgreementTerms = new(650, 70, 10, 45, "FA-2026-0001", 300_000_000, 200_000_000);
    public const string SupplierName = "杭州织梦服饰有限公司";

    private readonly TestDatabase _db;
    private int _lines;

    private SettlementWorld(TestDatabase db) => _db = db;

    public int SupplierId { get; private set; }
    public int ShopkeeperId { get; private set; }
    public int BrandId { get; private set; }
    public int DefaultSaleId { get; private set; }
    public int AgreementSaleId { get; private set; }

    public static async Task<SettlementWorld> CreateAsync(TestDatabase db, string code = "SUP-000123", string name = SupplierName)
    {
        var world = new SettlementWorld(db);
        await using var ctx = db.NewContext();
        var n = await ctx.Suppliers.CountAsync();
        var credit = n == 0 ? "91350100M000100Y43" : "91110000802100433B";
        var supplier = new Supplier(code, name, UnifiedSocialCreditCode.Parse(credit), "王经理", "13800000000",
            new BankAccount(name, "中国工商银行杭州分行", "6222020200112233" + n), DateTime.UtcNow);
        ctx.Suppliers.Add(supplier);
        await ctx.SaveChangesAsync();
        var brand = new Brand(supplier.Id, new BrandDetails("织梦" + n, "Zhimeng" + n, "Food", "TM-1234567" + n, new DateOnly(2030, 1, 1), "授权书", new DateOnly(2030, 1, 1)), People.SelectionLi, DateTime.UtcNow);
        ctx.Brands.Add(brand);
        await ctx.SaveChangesAsync();
        var product = new Product(brand.Id, "SKU-" + code, "连衣裙", Money.FromYuan(300));
        ctx.Products.Add(product);
        await ctx.SaveChangesAsync();
        var shopkeeper = new BackOffice.Domain.Shopkeepers.Shopkeeper("SK-000000" + n, "1381234567" + n, "王小红", "广东", "深圳", new DateOnly(2025, 3, 1),
            db.Get<BackOffice.Domain.Shopkeepers.PersonalDataProtector>());
        ctx.Shopkeepers.Add(shopkeeper);
        await ctx.SaveChangesAsync();
        world.ShopkeeperId = shopkeeper.Id;
        world.SupplierId = supplier.Id;
        world.BrandId = brand.Id;
        world.DefaultSaleId = await world.AddSaleAsync(ctx, product.Id, new SettlementDefaults().ToSnapshot(), "SALE-" + (n * 2 + 1).ToString("000000", System.Globalization.CultureInfo.InvariantCulture));
        world.AgreementSaleId = await world.AddSaleAsync(ctx, product.Id, AgreementTerms, "SALE-" + (n * 2 + 2).ToString("000000", System.Globalization.CultureInfo.InvariantCulture));
        return world;
    }

    private async Task<int> AddSaleAsync(BackOffice.Domain.Persistence.BackOfficeDbContext ctx, int productId, TermsSnapshot terms, string code)
    {
        var sale = new Sale(code, BrandId, "Food", "特卖", People.SelectionLi, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        sale.SetProduct(productId, Money.FromYuan(300), Money.FromYuan(100), 1000);
        sale.Schedule(new DateTime(2026, 6, 1, 2, 0, 0, DateTimeKind.Utc), new DateTime(2026, 6, 2, 2, 0, 0, DateTimeKind.Utc), SaleKind.Flash, 1000, terms,
            new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc));
        ctx.Sales.Add(sale);
        await ctx.SaveChangesAsync();
        return sale.Id;
    }

    /// <summary>A China wall-clock time as UTC.</summary>
    public static DateTime China(int year, int month, int day, int hour = 10, int minute = 0) =>
        ChinaTime.ToUtc(new DateOnly(year, month, day), new TimeOnly(hour, minute));

    public async Task<long> AddLineAsync(long paidFen, DateTime? shippedAt = null, long refundFen = 0, DateTime? refundedAt = null, bool agreement = false)
    {
        await using var ctx = _db.NewContext();
        var product = await ctx.Products.FirstAsync(p => p.BrandId == BrandId);
        var line = new OrderLine($"OL-{SupplierId}-{++_lines:000000}", $"O-{_lines}", agreement ? AgreementSaleId : DefaultSaleId, product.Id, BrandId, "Food",
            ShopkeeperId, 1, paidFen, 0, new DateTime(2026, 6, 1, 3, 0, 0, DateTimeKind.Utc));
        if (shippedAt is { } s) line.Ship(s);
        if (refundFen > 0) line.Refund(refundFen, refundedAt!.Value);
        ctx.OrderLines.Add(line);
        await ctx.SaveChangesAsync();
        return line.Id;
    }

    public async Task ShipAsync(long lineId, DateTime at)
    {
        await using var ctx = _db.NewContext();
        (await ctx.OrderLines.FirstAsync(l => l.Id == lineId)).Ship(at);
        await ctx.SaveChangesAsync();
    }

    public async Task RefundAsync(long lineId, long cumulativeFen, DateTime at)
    {
        await using var ctx = _db.NewContext();
        (await ctx.OrderLines.FirstAsync(l => l.Id == lineId)).Refund(cumulativeFen, at);
        await ctx.SaveChangesAsync();
    }

    public async Task<List<SettlementEntry>> EntriesAsync(long? lineId = null)
    {
        await using var ctx = _db.NewContext();
        return await ctx.SettlementEntries.AsNoTracking().Where(e => e.SupplierId == SupplierId && (lineId == null || e.OrderLineId == lineId)).OrderBy(e => e.Id).ToListAsync();
    }

    public async Task<List<Statement>> StatementsAsync()
    {
        await using var ctx = _db.NewContext();
        return await ctx.Statements.AsNoTracking().Where(s => s.SupplierId == SupplierId).OrderBy(s => s.Month).ThenBy(s => s.Version).ToListAsync();
    }

    public Task RunAsync(int year, int month, int day) =>
        _db.Get<SettlementRunService>().RunAsync(People.FinanceChen, new DateOnly(year, month, day));

    public Task IssueAsync(int month) => _db.Get<StatementService>().IssueMonthAsync(People.FinanceChen, month);
}
