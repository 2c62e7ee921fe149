using System.Globalization;
using System.Security.Cryptography;
using BackOffice.Domain.Audit;
using BackOffice.Domain.Common;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Brands;

public sealed record ProductRow(int Id, int BrandId, string SkuCode, string Name, Money ListPrice, ProductScore? Score, long Revision)
{
    public bool IsSelectable => Score is { IsSelectable: true };

    public IReadOnlyList<string> WhyNotSelectable =>
        Score is null ? ["未评分 · Not scored yet"] : Score.WhyNotSelectable().ToList();
}

/// <summary>The five small goods as typed on the scoring form; the reference sale price drives the suggested price score.</summary>
public sealed class ProductScoreInput
{
    public int Quality { get; set; } = 3;
    public int Price { get; set; } = 3;
    public int Brand { get; set; } = 3;
    public int Structure { get; set; } = 3;
    public int Style { get; set; } = 3;
    public Money ReferenceSalePrice { get; set; }
    public string? PriceOverrideReason { get; set; }
}

/// <summary>A brand's catalogue: products with list prices, the Excel import, and the five small goods scores.</summary>
public sealed class ProductService(IDbContextFactory<BackOfficeDbContext> factory, AuditTrail audit)
{
    public async Task<PagedResult<ProductRow>> ListAsync(int brandId, string? search, bool? selectable, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var products = db.Products.AsNoTracking().Where(p => p.BrandId == brandId);
        if (!string.IsNullOrWhiteSpace(search)) products = products.Where(p => p.SkuCode.Contains(search.Trim()) || p.Name.Contains(search.Trim()));
        if (selectable is { } s)
        {
            const int min = ProductScore.MinimumEach;
            Func<IQueryable<Product>, IQueryable<Product>> filter = s
                ? q => q.Where(p => p.Score != null && p.Score.Quality >= min && p.Score.Price >= min && p.Score.Brand >= min && p.Score.Structure >= min && p.Score.Style >= min)
                : q => q.Where(p => p.Score == null || p.Score.Quality < min || p.Score.Price < min || p.Score.Brand < min || p.Score.Structure < min || p.Score.Style < min);
            products = filter(products);
        }
        var total = await products.CountAsync(ct);
        products = (page.SortBy, page.Descending) switch
        {
            (nameof(ProductRow.Name), false) => products.OrderBy(p => p.Name).ThenBy(p => p.Id),
            (nameof(ProductRow.Name), true) => products.OrderByDescending(p => p.Name).ThenBy(p => p.Id),
            (nameof(ProductRow.ListPrice), false) => products.OrderBy(p => p.ListPriceFen).ThenBy(p => p.Id),
            (nameof(ProductRow.ListPrice), true) => products.OrderByDescending(p => p.ListPriceFen).ThenBy(p => p.Id),
            (_, true) => products.OrderByDescending(p => p.SkuCode),
            _ => products.OrderBy(p => p.SkuCode),
        };
        var items = await products.Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedResult<ProductRow>(items.Select(Row).ToList(), total);
    }

    public async Task<int> CreateAsync(Actor actor, int brandId, string skuCode, string name, Money listPrice, CancellationToken ct = default)
    {
        actor.Require(Roles.Selection, "新增商品 adding a product");
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Brands.AnyAsync(b => b.Id == brandId, ct)) throw new DomainException($"找不到品牌 {brandId} · No brand {brandId}");
        var product = new Product(brandId, skuCode, name, listPrice);
        if (await db.Products.AnyAsync(p => p.SkuCode == product.SkuCode, ct))
            throw new DomainException($"SKU {product.SkuCode} 已存在 · SKU {product.SkuCode} already exists");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Products.Add(product);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(db, actor, "product.created", "Product", Id(product.Id), after: new { product.BrandId, product.SkuCode, product.Name, ListPrice = product.ListPrice.ToString() }, ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return product.Id;
    }

    public async Task EditAsync(Actor actor, int productId, long revision, string name, Money listPrice, CancellationToken ct = default)
    {
        actor.Require(Roles.Selection, "修改商品 editing a product");
        await using var db = await factory.CreateDbContextAsync(ct);
        var product = await LoadAsync(db, productId, revision, ct);
        var before = new { product.Name, ListPrice = product.ListPrice.ToString() };
        product.Edit(name, listPrice);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await audit.RecordAsync(db, actor, "product.edited", "Product", Id(productId), before, new { product.Name, ListPrice = product.ListPrice.ToString() }, ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The five small goods; a price score other than the suggestion (from reference sale price / list price) needs a reason.</summary>
    public async Task ScoreAsync(Actor actor, int productId, long revision, ProductScoreInput input, CancellationToken ct = default)
    {
        actor.Require(Roles.Selection, "五小好评分 five small goods scoring");
        await using var db = await factory.CreateDbContextAsync(ct);
        var product = await LoadAsync(db, productId, revision, ct);
        if (input.ReferenceSalePrice.Fen <= 0) throw new DomainException("请填写预计售价 · Enter the expected sale price");
        if (input.ReferenceSalePrice > product.ListPrice)
            throw new DomainException($"预计售价 {input.ReferenceSalePrice} 高于标价 {product.ListPrice} · The expected sale price {input.ReferenceSalePrice} is above the list price {product.ListPrice}");
        var suggested = ProductScore.SuggestPriceScore(input.ReferenceSalePrice, product.ListPrice);
        var score = ProductScore.Create(input.Quality, input.Price, input.Brand, input.Structure, input.Style, suggested, input.PriceOverrideReason);
        var before = product.Score;
        product.ScoreWith(score);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await audit.RecordAsync(db, actor, "product.scored", "Product", Id(productId), before,
            new { score.Quality, score.Price, score.Brand, score.Structure, score.Style, SuggestedPrice = suggested, ReferenceSalePrice = input.ReferenceSalePrice.ToString(), Selectable = score.IsSelectable },
            score.PriceOverrideReason, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Every row is validated (sheet and database) before anything is written; one bad row rejects the
    /// whole file with a row-by-row report. Existing SKUs of the same brand are updated.
    /// </summary>
    public async Task<ProductImportResult> ImportAsync(Actor actor, int brandId, byte[] file, string fileName, CancellationToken ct = default)
    {
        actor.Require(Roles.Selection, "导入商品 importing products");
        var sha = Convert.ToHexStringLower(SHA256.HashData(file));
        try { UploadValidator.Validate(UploadRules.ProductSheet, fileName, file); }
        catch (DomainException refused)
        {
            return new ProductImportResult(false, 0, 0, 0, [new ImportProblem(0, "", UploadValidator.DisplayName(fileName), refused.Message)], 1, sha);
        }
        List<ProductSheet.Line> lines;
        List<ImportProblem> problems;
        using (var stream = new MemoryStream(file, writable: false)) (lines, problems) = ProductSheet.Read(stream, fileName);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Brands.AnyAsync(b => b.Id == brandId, ct)) throw new DomainException($"找不到品牌 {brandId} · No brand {brandId}");
        var skus = lines.Select(l => l.SkuCode).ToList();
        var existing = new Dictionary<string, Product>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in skus.Chunk(500))
        {
            foreach (var p in await db.Products.Where(p => chunk.Contains(p.SkuCode)).ToListAsync(ct)) existing[p.SkuCode] = p;
        }
        foreach (var line in lines)
        {
            if (existing.TryGetValue(line.SkuCode, out var p) && p.BrandId != brandId)
                problems.Add(new(line.Row, ProductSheet.Columns[0], line.SkuCode, $"SKU {line.SkuCode} 属于另一个品牌 · SKU {line.SkuCode} belongs to another brand"));
        }
        if (problems.Count > 0)
        {
            var ordered = problems.OrderBy(p => p.Row).ToList();
            return new ProductImportResult(false, lines.Count, 0, 0, ordered.Take(ProductSheet.MaxReportedProblems).ToList(), ordered.Count, sha);
        }
        int created = 0, updated = 0;
        foreach (var line in lines)
        {
            if (existing.TryGetValue(line.SkuCode, out var p))
            {
                if (p.Name != line.Name || p.ListPriceFen != line.ListPrice.Fen) { p.Edit(line.Name, line.ListPrice); updated++; }
            }
            else
            {
                db.Products.Add(new Product(brandId, line.SkuCode, line.Name, line.ListPrice));
                created++;
            }
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await audit.RecordAsync(db, actor, "product.imported", "Brand", Id(brandId), null,
            new { File = UploadValidator.DisplayName(fileName), Sha256 = sha, Rows = lines.Count, Created = created, Updated = updated, Unchanged = lines.Count - created - updated }, ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ProductImportResult(true, lines.Count, created, updated, [], 0, sha);
    }

    private static async Task<Product> LoadAsync(BackOfficeDbContext db, int id, long revision, CancellationToken ct)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new DomainException($"找不到商品 {id} · No product {id}");
        if (product.Revision != revision) throw new ConcurrencyConflictException();
        db.Entry(product).Property(p => p.Revision).OriginalValue = revision;
        return product;
    }

    private static ProductRow Row(Product p) => new(p.Id, p.BrandId, p.SkuCode, p.Name, p.ListPrice, p.Score, p.Revision);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
