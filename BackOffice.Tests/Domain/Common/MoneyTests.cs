using BackOffice.Domain.Common;

namespace BackOffice.Tests.Domain.Common;

public class MoneyTests
{
    [Theory]
    [InlineData("12.3", 1230)]
    [InlineData("12.30", 1230)]
    [InlineData("12", 1200)]
    [InlineData("0.01", 1)]
    [InlineData(".5", 50)]
    [InlineData("1,234.56", 123456)]
    [InlineData("¥1,234.56", 123456)]
    [InlineData("-7.05", -705)]
    [InlineData(" 99999999.99 ", 9999999999)]
    public void TryParseYuan_ValidText_GivesExactFen(string text, long fen)
    {
        Assert.True(Money.TryParseYuan(text, out var money, out var error), error);
        Assert.Equal(fen, money.Fen);
    }

    [Theory]
    [InlineData("12.345")]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("1e5")]
    [InlineData(".")]
    public void TryParseYuan_InvalidText_Refuses(string text)
    {
        Assert.False(Money.TryParseYuan(text, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void TryParseYuan_ThreeDecimals_SaysAtMostTwo()
    {
        Money.TryParseYuan("12.345", out _, out var error);
        Assert.Contains("two decimals", error);
    }

    [Theory]
    [InlineData(123456, "¥1,234.56")]
    [InlineData(5, "¥0.05")]
    [InlineData(-1234567, "-¥12,345.67")]
    [InlineData(0, "¥0.00")]
    public void ToString_FormatsYuanWithGrouping(long fen, string expected) => Assert.Equal(expected, new Money(fen).ToString());

    [Theory]
    [InlineData(5, 10, 1)]      // 0.5 → 1
    [InlineData(-5, 10, -1)]    // -0.5 → -1 (away from zero)
    [InlineData(4, 10, 0)]
    [InlineData(15, 10, 2)]
    [InlineData(-15, 10, -2)]
    [InlineData(14999, 10000, 1)]
    [InlineData(15000, 10000, 2)]
    public void RoundDiv_RoundsHalfAwayFromZero(long numerator, long denominator, long expected) =>
        Assert.Equal(expected, Money.RoundDiv(numerator, denominator));

    [Fact]
    public void Times_CommissionOnOddFen_RoundsHalfAwayFromZero()
    {
        // 12,345 fen × 8% = 987.6 fen → 988; 625 fen × 8% = 50 exactly; 6,250 × 0.08% (8 bp) = 5.0
        Assert.Equal(988, new Money(12_345).Times(new BasisPoints(800)).Fen);
        Assert.Equal(50, new Money(625).Times(new BasisPoints(800)).Fen);
        // 1,875 fen × 4% = 75.0; 1,237.5 case: 24,750 × 5% = 1237.5 → 1238
        Assert.Equal(1238, new Money(24_750).Times(new BasisPoints(500)).Fen);
        Assert.Equal(-1238, new Money(-24_750).Times(new BasisPoints(500)).Fen);
    }

    [Fact]
    public void Percent_Advance80_RoundsHalfAwayFromZero()
    {
        // 80% of 1,001 fen = 800.8 → 801; 80% of 1,003 = 802.4 → 802
        Assert.Equal(801, new Money(1_001).Percent(80).Fen);
        Assert.Equal(802, new Money(1_003).Percent(80).Fen);
    }

    [Fact]
    public void Arithmetic_Overflow_Throws() =>
        Assert.Throws<OverflowException>(() => new Money(long.MaxValue) + new Money(1));
}

public class BasisPointsTests
{
    [Theory]
    [InlineData(800, "8.00%")]
    [InlineData(1, "0.01%")]
    [InlineData(10000, "100.00%")]
    public void ToString_ShowsPercent(int bp, string expected) => Assert.Equal(expected, new BasisPoints(bp).ToString());

    [Fact]
    public void FromPercent_TwoDecimals_Exact() => Assert.Equal(825, BasisPoints.FromPercent(8.25m).Value);

    [Fact]
    public void FromPercent_ThreeDecimals_Refused() => Assert.Throws<DomainException>(() => BasisPoints.FromPercent(8.255m));
}
