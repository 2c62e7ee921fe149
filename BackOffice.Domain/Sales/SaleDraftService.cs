using System.Globalization;
using BackOffice.Domain.Audit;
using BackOffice.Domain.Brands;
using BackOffice.Domain.Common;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Sales;

public sealed record SaleDraftLine(int ProductId, string SkuCode, string Name, Money ListPrice, Money SalePrice, int Stock);

public sealed record SaleDraftView(int Id, string Code, int BrandId, string Title, SaleStatus Status, DateTime CreatedAt, long Revision, IReadOnlyList<SaleDraftLine> Lines);

/// <summary>
/// Selection: the product list of a Draft sale for an approved brand, from its selectable products only.
/// Scheduling the draft is another use case.
/// </summary>
public sealed class SaleDraftService(IDbContextFactory<BackOfficeDbContext> factory, AuditTrail audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<SaleDraftView>> DraftsOfBrandAsync(int brandId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var sales = await db.Sales.AsNoTracking().Include(s => s.Products).Where(s => s.BrandId == brandId && s.StoredStatus == SaleStatus.Draft)
            .OrderByDescending(s => s.Id).ToListAsync(ct);
        var productIds = sales.SelectMany(s => s.Products.Select(p => p.ProductId)).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return sales.Select(s => new SaleDraftView(s.Id, s.Code, s.BrandId, s.Title, s.StoredStatus, s.CreatedAt, s.Revision,
            s.Products.Select(l => new SaleDraftLine(l.ProductId, products[l.ProductId].SkuCode, products[l.ProductId].Name, products[l.ProductId].ListPrice, new Money(l.SalePriceFen), l.Stock))
                .OrderBy(l => l.SkuCode, StringComparer.Ordinal).ToList())).ToList();
    }

    /// <summary>Only an Approved brand whose documents have not expired may get a new sale.</summary>
    public async Task<int> CreateDraftAsync(Actor actor, int brandId, string title, CancellationToken ct = default)
    {
        actor.Require(Roles.Selection, "新建档期 creating a sale");
        await using var db = await factory.CreateDbContextAsync(ct);
        var brand = await db.Brands.AsNoTracking().FirstOrDefaultAsync(b => b.Id == brandId, ct) ?? throw new DomainException($"找不到品牌 {brandId} · No brand {brandId}");
        if (brand.Status != BrandStatus.Approved)
            throw new DomainException($"品牌状态为 {brand.Status}，只有已批准的品牌可以选品 · Only an Approved brand can have a sale (this one is {brand.Status})");
        if (!brand.DocumentsValidOn(ChinaTime.Today(clock)))
            throw new DomainException("品牌的商标或授权已过期，续期后才能新建档期 · The brand's trademark or authorisation has expired: renew it before creating a sale");
        if (string.IsNullOrWhiteSpace(title)) title = brand.DisplayName;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var next = await SequentialCode.NextAsync(db.Sales.Select(s => s.Code), "SALE-", 6, ct);
        var sale = new Sale(Sale.FormatCode(next), brandId, brand.Category, title, actor, clock.GetUtcNow().UtcDateTime);
        db.Sales.Add(sale);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(db, actor, "sale.drafted", "Sale", Id(sale.Id), after: new { sale.Code, sale.BrandId, sale.Title }, ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return sale.Id;
    }

    /// <summary>Adds or changes a product line: a selectable product of the sale's brand, sale price ≤ list price, stock above zero.</summary>
    public async Task SetProductAsync(Actor actor, int saleId, long revision, int productId, Money salePrice, int stock, CancellationToken ct = default)
    {
        actor.Require(Roles.Selection, "选品 selecting products");
        await using var db = await factory.CreateDbContextAsync(ct);
        var sale = await LoadAsync(db, saleId, revision, ct);
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct) ?? throw new DomainException($"找不到商品 {productId} · No product {productId}");
        if (product.BrandId != sale.BrandId) throw new DomainException("该商品不属于本档期的品牌 · The product belongs to another brand");
        if (!product.IsSelectable)
        {
            var why = product.Score is null ? "未评分 · not scored" : string.Join("; ", product.Score.WhyNotSelectable());
            throw new DomainException($"商品 {product.SkuCode} 不可选（五小好未达标：{why}） · Product {product.SkuCode} is not selectable (five small goods: {why})");
        }
        var before = sale.Products.FirstOrDefault(p => p.ProductId == productId) is { } line ? new { SalePrice = new Money(line.SalePriceFen).ToString(), line.Stock } : null;
        sale.SetProduct(productId, product.ListPrice, salePrice, stock);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await audit.RecordAsync(db, actor, "sale.product-set", "Sale", Id(saleId), before, new { product.SkuCode, SalePrice = salePrice.ToString(), Stock = stock }, ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task RemoveProductAsync(Actor actor, int saleId, long revision, int productId, CancellationToken ct = default)
    {
        actor.Require(Roles.Selection, "选品 selecting products");
        await using var db = await factory.CreateDbContextAsync(ct);
        var sale = await LoadAsync(db, saleId, revision, ct);
        var line = sale.Products.FirstOrDefault(p => p.ProductId == productId) ?? throw new DomainException("该商品不在档期中 · The product is not in this sale");
        var before = new { line.ProductId, SalePrice = new Money(line.SalePriceFen).ToString(), line.Stock };
        sale.RemoveProduct(productId);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await audit.RecordAsync(db, actor, "sale.product-removed", "Sale", Id(saleId), before, null, ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static async Task<Sale> LoadAsync(BackOfficeDbContext db, int id, long revision, CancellationToken ct)
    {
        var sale = await db.Sales.Include(s => s.Products).FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new DomainException($"找不到档期 {id} · No sale {id}");
        if (sale.Revision != revision) throw new ConcurrencyConflictException();
        db.Entry(sale).Property(s => s.Revision).OriginalValue = revision;
        return sale;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
