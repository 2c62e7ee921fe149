using BackOffice.Domain.Metrics;

namespace BackOffice.Tests.Domain.Metrics;

public class SegmentsTests
{
    private static readonly DateOnly Day = new(2026, 11, 28);
    private static readonly DateOnly LongAgo = new(2025, 1, 1);

    private static ShopkeeperSegment On(DateOnly joined, params (int DaysAgo, long NetFen)[] lines) =>
        Segments.Classify(Day, joined, lines.Select(l => (Day.AddDays(-l.DaysAgo), l.NetFen)));

    [Fact]
    public void Classify_ExactlyTenThousandYuanNetIn30Days_Star() => Assert.Equal(ShopkeeperSegment.Star, On(LongAgo, (30, 600_000), (1, 400_000)));

    [Fact]
    public void Classify_OneFenUnderTenThousandYuan_Active() => Assert.Equal(ShopkeeperSegment.Active, On(LongAgo, (30, 600_000), (1, 399_999)));

    [Fact]
    public void Classify_BigLine31DaysAgo_LeftOutOfTheStarWindow() => Assert.Equal(ShopkeeperSegment.Active, On(LongAgo, (31, 2_000_000), (1, 100)));

    [Theory]
    [InlineData(1, ShopkeeperSegment.Active)]
    [InlineData(30, ShopkeeperSegment.Active)]
    [InlineData(31, ShopkeeperSegment.Dormant)]
    [InlineData(90, ShopkeeperSegment.Dormant)]
    [InlineData(91, ShopkeeperSegment.Churned)]
    public void Classify_LastLineDaysAgo_Segment(int daysAgo, ShopkeeperSegment expected) => Assert.Equal(expected, On(LongAgo, (daysAgo, 100)));

    [Theory]
    [InlineData(0, ShopkeeperSegment.New)]
    [InlineData(30, ShopkeeperSegment.New)]
    [InlineData(31, ShopkeeperSegment.Unactivated)]
    [InlineData(90, ShopkeeperSegment.Unactivated)]
    [InlineData(91, ShopkeeperSegment.Churned)]
    public void Classify_JoinedDaysAgoWithNoLine_Segment(int joinedDaysAgo, ShopkeeperSegment expected) => Assert.Equal(expected, On(Day.AddDays(-joinedDaysAgo)));

    [Fact]
    public void Classify_LineOnTheDayItself_CountsFromTheNextDay()
    {
        Assert.Equal(ShopkeeperSegment.New, On(Day.AddDays(-3), (0, 2_000_000)));
        Assert.Equal(ShopkeeperSegment.Star, Segments.Classify(Day.AddDays(1), Day.AddDays(-3), [(Day, 2_000_000)]));
    }

    [Fact]
    public void Classify_JoinedWithin30DaysAndSold_ActiveNotNew() => Assert.Equal(ShopkeeperSegment.Active, On(Day.AddDays(-10), (5, 100)));

    [Fact]
    public void Classify_RefundsBringNetUnderThreshold_Active() => Assert.Equal(ShopkeeperSegment.Active, On(LongAgo, (3, 1_500_000), (2, -600_000)));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Spells_RandomHistories_AgreeWithClassifyOnEveryDay(int seed)
    {
        var random = new Random(seed);
        for (var shopkeeper = 0; shopkeeper < 40; shopkeeper++)
        {
            var joined = new DateOnly(2026, 1, 1).AddDays(random.Next(0, 60));
            var days = Enumerable.Range(0, random.Next(1, 15))
                .Select(_ => joined.AddDays(random.Next(0, 300))).Distinct().Order()
                .Select(d => (Day: d, NetFen: (long)random.Next(-50_000, 900_000))).ToList();
            var spells = Segments.Spells(days);
            for (var day = joined; day <= joined.AddDays(420); day = day.AddDays(1))
            {
                var expected = Segments.Classify(day, joined, days);
                var run = spells.Where(s => s.From <= day && s.To >= day).ToList();
                var actual = run.Count == 1 ? run[0].Segment : Segments.BeforeFirstLine(day, joined);
                Assert.True(run.Count <= 1);
                Assert.Equal((day, expected), (day, actual));
            }
            Assert.Equal(ShopkeeperSegment.Churned, spells[^1].Segment);
            Assert.Equal(DateOnly.MaxValue, spells[^1].To);
        }
    }
}
