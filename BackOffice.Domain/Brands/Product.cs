using BackOffice.Domain.Common;

namespace BackOffice.Domain.Brands;

/// <summary>A product (SKU) of a brand, with its list price and its five small goods score.</summary>
public class Product : IHasRevision
{
    public const int SkuMaxLength = 40;
    public const int NameMaxLength = 120;

    public int Id { get; private set; }
    public int BrandId { get; private set; }
    public string SkuCode { get; private set; } = "";
    public string Name { get; private set; } = "";
    public long ListPriceFen { get; private set; }
    public ProductScore? Score { get; private set; }
    public long Revision { get; set; }

    protected Product() { }

    public Product(int brandId, string skuCode, string name, Money listPrice)
    {
        BrandId = brandId;
        SkuCode = (skuCode ?? "").Trim();
        if (SkuCode.Length is 0 or > SkuMaxLength) throw new DomainException($"SKU 编码须为 1–{SkuMaxLength} 字符 · The SKU code must have 1–{SkuMaxLength} characters");
        Edit(name, listPrice);
    }

    public Money ListPrice => new(ListPriceFen);

    public void Edit(string name, Money listPrice)
    {
        name = (name ?? "").Trim();
        if (name.Length is 0 or > NameMaxLength) throw new DomainException($"商品名须为 1–{NameMaxLength} 字 · The product name must have 1–{NameMaxLength} characters");
        if (listPrice.Fen <= 0) throw new DomainException("标价须大于 0 · The list price must be above zero");
        Name = name;
        ListPriceFen = listPrice.Fen;
    }

    public void ScoreWith(ProductScore score) => Score = score;

    public bool IsSelectable => Score is { IsSelectable: true };
}

/// <summary>五小好: quality, price, brand, structure, style, each 1–5; selectable with every score ≥ 3.</summary>
public sealed record ProductScore(int Quality, int Price, int Brand, int Structure, int Style, string? PriceOverrideReason)
{
    public const int MinimumEach = 3;

    public bool IsSelectable => new[] { Quality, Price, Brand, Structure, Style }.All(s => s >= MinimumEach);

    /// <summary>The price score suggested by sale price / list price (≤0.40→5, ≤0.55→4, ≤0.70→3, ≤0.85→2, else 1).</summary>
    public static int SuggestPriceScore(Money salePrice, Money listPrice)
    {
        if (listPrice.Fen <= 0) throw new DomainException("标价须大于 0 · The list price must be above zero");
        var sale100 = checked(salePrice.Fen * 100);
        var list = listPrice.Fen;
        if (sale100 <= list * 40) return 5;
        if (sale100 <= list * 55) return 4;
        if (sale100 <= list * 70) return 3;
        if (sale100 <= list * 85) return 2;
        return 1;
    }

    public static ProductScore Create(int quality, int price, int brand, int structure, int style, int suggestedPrice, string? priceOverrideReason)
    {
        foreach (var (name, value) in new[] { ("好品质 quality", quality), ("好价格 price", price), ("好品牌 brand", brand), ("好结构 structure", structure), ("好款式 style", style) })
        {
            if (value is < 1 or > 5) throw new DomainException($"{name} 评分须为 1–5 · The {name} score must be 1–5");
        }
        if (price != suggestedPrice && string.IsNullOrWhiteSpace(priceOverrideReason))
            throw new DomainException($"价格分与建议值 {suggestedPrice} 不同，须填写理由 · The price score differs from the suggested {suggestedPrice}: give a reason");
        return new ProductScore(quality, price, brand, structure, style, price == suggestedPrice ? null : priceOverrideReason!.Trim());
    }

    public IEnumerable<string> WhyNotSelectable()
    {
        foreach (var (name, value) in new[] { ("好品质 quality", Quality), ("好价格 price", Price), ("好品牌 brand", Brand), ("好结构 structure", Structure), ("好款式 style", Style) })
        {
            if (value < MinimumEach) yield return $"{name} {value} < {MinimumEach}";
        }
    }
}
