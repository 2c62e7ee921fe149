using BackOffice.Domain.Imports;
using BackOffice.Domain.Metrics;

namespace BackOffice.Tests.Domain.Imports;

public class ImportDeltaTests
{
    private static readonly DateOnly Day = new(2026, 11, 3);

    /// <summary>Sales S1 and S2 are brand 10 (category a), S3 is brand 20 (category b); shopkeeper K1 is id 1 in 浙江, K2 id 2 in 广东.</summary>
    private static void Resolve(ImportDelta delta) => delta.Resolve(
        sale => sale == "S3" ? (20, "b") : (10, "a"),
        shopkeeper => shopkeeper == "K1" ? (1, "浙江") : (2, "广东"));

    [Fact]
    public void AddParsedLine_OrdersLinesApart_CountsEachOrderOnce()
    {
        var delta = new ImportDelta(100);
        delta.AddParsedLine("O1", "S1", "K1", Day, 1, 100, 10, 0);
        delta.AddParsedLine("O2", "S1", "K1", Day, 2, 200, 20, 0);
        delta.AddParsedLine("O1", "S1", "K1", Day, 3, 300, 30, 50);
        delta.AddParsedLine("O3", "S2", "K1", Day, 1, 400, 40, 0);
        Resolve(delta);

        var group = Assert.Single(delta.ToRows().Groups);
        Assert.Equal(new PackEntry(1, 1_000, 50, 7, 3, 100, 4), group.Figures);
        Assert.Equal((1, Day.DayNumber, 10, "a", "浙江"), (group.Key.ShopkeeperId, group.Key.Day, group.Key.BrandId, group.Category, group.Province));
        Assert.False(delta.OrdersDisagree);
    }

    [Theory]
    [InlineData("S3", "K1", 0)]
    [InlineData("S1", "K2", 0)]
    [InlineData("S1", "K1", 1)]
    public void AddParsedLine_AnOrdersLineElsewhere_Disagrees(string sale, string shopkeeper, int daysLater)
    {
        var delta = new ImportDelta(100);
        delta.AddParsedLine("O1", "S1", "K1", Day, 1, 100, 10, 0);
        delta.AddParsedLine("O2", "S1", "K1", Day, 1, 100, 10, 0);
        delta.AddParsedLine("O1", sale, shopkeeper, Day.AddDays(daysLater), 1, 100, 10, 0);
        Assert.True(delta.OrdersDisagree);
    }

    [Fact]
    public void AddParsedLine_PastTheCapacity_GivesUp()
    {
        var delta = new ImportDelta(2);
        for (var order = 0; order < 3; order++) delta.AddParsedLine($"O{order}", "S1", "K1", Day, 1, 100, 10, 0);
        Assert.True(delta.Overflowed);
        Assert.True(new ImportDelta(0).Overflowed);
    }

    [Fact]
    public void Add_ManyTakeBacks_MergesAsItGoesAndDropsEmptyGroups()
    {
        var delta = new ImportDelta(100);
        delta.AddParsedLine("O1", "S1", "K1", Day, 1, 100, 10, 0);
        delta.AddParsedLine("O2", "S3", "K2", Day, 1, 5_000, 500, 0);
        Resolve(delta);
        // 5,000 take-backs of one fen each, then the whole first group taken back: merged on the way (2,048 at most held).
        for (var i = 0; i < 5_000; i++) delta.Add(2, Day, 20, "b", "广东", new PackEntry(2, -1, 0, 0, 0, 0, 0));
        delta.Add(1, Day, 10, "a", "浙江", new PackEntry(1, -100, 0, -1, -1, -10, -1));

        var rows = delta.ToRows();
        var group = Assert.Single(rows.Groups);
        Assert.Equal(new PackEntry(2, 0, 0, 1, 1, 500, 1), group.Figures);
        var (day, brand, province, category, figures) = Assert.Single(rows.Daily);
        Assert.Equal((Day, 20, "广东", "b", 500L), (day, brand, province, category, figures.CommissionFen));
    }

    [Fact]
    public void ToRows_PackDays_SumBrandsPerShopkeeperInCategoryThenShopkeeperOrder()
    {
        var delta = new ImportDelta(100);
        delta.AddParsedLine("O1", "S3", "K2", Day, 1, 300, 0, 0);
        delta.AddParsedLine("O2", "S1", "K2", Day, 1, 100, 0, 0);
        delta.AddParsedLine("O3", "S2", "K2", Day, 1, 200, 0, 0);
        delta.AddParsedLine("O4", "S1", "K1", Day, 1, 50, 0, 0);
        delta.AddParsedLine("O5", "S1", "K1", Day.AddDays(1), 1, 70, 0, 0);
        Resolve(delta);

        var days = delta.ToRows().PackDays;
        Assert.Equal([Day, Day.AddDays(1)], days.Keys);
        Assert.Equal([("a", 1, 50L), ("a", 2, 300L), ("b", 2, 300L)], days[Day].Select(e => (e.Category, e.Entry.ShopkeeperId, e.Entry.GmvFen)));
        Assert.Equal(2, days[Day][1].Entry.Orders);
    }
}
