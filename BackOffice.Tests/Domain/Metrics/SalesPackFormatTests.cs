using BackOffice.Domain.Metrics;

namespace BackOffice.Tests.Domain.Metrics;

public class SalesPackFormatTests
{
    [Fact]
    public void Encode_EntriesWithLargeAndNegativeFigures_ReadBackExactly()
    {
        PackEntry[] entries =
        [
            new(1, 0, 0, 0, 0, 0, 1),
            new(2, long.MaxValue / 4, -5, 7, 1, -1, 3),
            new(200_000, 123_456_789_012, 987_654, 1_000_000, 42, 12_345, 99),
        ];
        var data = SalesPackFormat.Encode(entries, out var count);

        Assert.Equal(3, count);
        Assert.Equal(entries, ReadAll(data));
    }

    [Fact]
    public void Encode_EntryWithNoLineLeft_IsDropped()
    {
        var data = SalesPackFormat.Encode([new(3, 100, 0, 2, 1, 10, 1), new(7, 0, 0, 0, 0, 0, 0)], out var count);

        Assert.Equal(1, count);
        Assert.Equal([new PackEntry(3, 100, 0, 2, 1, 10, 1)], ReadAll(data));
    }

    [Fact]
    public void Encode_EntriesOutOfOrder_Throws()
    {
        Assert.Throws<ArgumentException>(() => SalesPackFormat.Encode([new(5, 1, 0, 1, 1, 0, 1), new(5, 1, 0, 1, 1, 0, 1)], out _));
        Assert.Throws<ArgumentException>(() => SalesPackFormat.Encode([new(5, 1, 0, 1, 1, 0, 1), new(4, 1, 0, 1, 1, 0, 1)], out _));
    }

    [Fact]
    public void Merge_DeltaOverlappingAndAround_SumsPerShopkeeperInOrder()
    {
        var existing = SalesPackFormat.Encode([new(2, 100, 10, 1, 1, 5, 2), new(5, 300, 0, 4, 2, 30, 3), new(9, 50, 0, 1, 1, 5, 1)], out _);

        var merged = SalesPackFormat.Merge(existing, [new(1, 7, 0, 1, 1, 0, 1), new(5, 0, 40, 0, 0, -10, 0), new(12, 8, 0, 2, 1, 1, 1)]);

        Assert.Equal(
            [new PackEntry(1, 7, 0, 1, 1, 0, 1), new(2, 100, 10, 1, 1, 5, 2), new(5, 300, 40, 4, 2, 20, 3), new(9, 50, 0, 1, 1, 5, 1), new(12, 8, 0, 2, 1, 1, 1)],
            merged);
        Assert.Equal(merged, SalesPackFormat.Merge(null, merged));
    }

    private static List<PackEntry> ReadAll(byte[] data)
    {
        var list = new List<PackEntry>();
        var reader = SalesPackFormat.Read(data);
        while (reader.Next(out var e)) list.Add(e);
        return list;
    }
}
