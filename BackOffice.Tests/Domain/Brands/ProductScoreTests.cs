using BackOffice.Domain.Brands;
using BackOffice.Domain.Common;

namespace BackOffice.Tests.Domain.Brands;

public class ProductScoreTests
{
    [Theory]
    [InlineData(4000, 5)]
    [InlineData(4001, 4)]
    [InlineData(5500, 4)]
    [InlineData(5501, 3)]
    [InlineData(7000, 3)]
    [InlineData(7001, 2)]
    [InlineData(8500, 2)]
    [InlineData(8501, 1)]
    [InlineData(10000, 1)]
    public void SuggestPriceScore_AtEachBoundary(long saleFen, int expected) =>
        Assert.Equal(expected, ProductScore.SuggestPriceScore(new Money(saleFen), new Money(10_000)));

    [Fact]
    public void SuggestPriceScore_OddListPrice_UsesExactRatio()
    {
        // 40% of 999 fen is 399.6: 399 is ≤ 0.40 (score 5), 400 is above (score 4).
        Assert.Equal(5, ProductScore.SuggestPriceScore(new Money(399), new Money(999)));
        Assert.Equal(4, ProductScore.SuggestPriceScore(new Money(400), new Money(999)));
    }

    [Fact]
    public void Create_PriceDiffersFromSuggestionWithoutReason_Refused()
    {
        var ex = Assert.Throws<DomainException>(() => ProductScore.Create(4, 5, 4, 4, 4, suggestedPrice: 3, priceOverrideReason: null));
        Assert.Contains("suggested 3", ex.Message);
    }

    [Fact]
    public void Create_PriceDiffersWithReason_KeepsReason() =>
        Assert.Equal("品牌方额外补贴", ProductScore.Create(4, 5, 4, 4, 4, 3, "品牌方额外补贴").PriceOverrideReason);

    [Fact]
    public void IsSelectable_OneScoreBelowThree_NotSelectableAndSaysWhy()
    {
        var score = ProductScore.Create(4, 3, 2, 4, 4, 3, null);
        Assert.False(score.IsSelectable);
        Assert.Contains(score.WhyNotSelectable(), w => w.Contains("brand", StringComparison.Ordinal));
    }

    [Fact]
    public void Product_WithoutScore_NotSelectable() =>
        Assert.False(new Product(1, "SKU-1", "花生油 5L", new Money(8_990)).IsSelectable);
}
