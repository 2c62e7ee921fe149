using BackOffice.Domain.Common;

namespace BackOffice.Tests.Domain.Common;

public class ChinaTimeTests
{
    [Fact]
    public void DateOf_1559Utc_IsSameChinaDay() =>
        Assert.Equal(new DateOnly(2026, 10, 31), ChinaTime.DateOf(new DateTime(2026, 10, 31, 15, 59, 0, DateTimeKind.Utc)));

    [Fact]
    public void DateOf_1600Utc_IsNextChinaDay() =>
        Assert.Equal(new DateOnly(2026, 11, 1), ChinaTime.DateOf(new DateTime(2026, 10, 31, 16, 0, 0, DateTimeKind.Utc)));

    [Fact]
    public void StartOfDayUtc_IsSixteenHundredTheDayBefore() =>
        Assert.Equal(new DateTime(2026, 10, 31, 16, 0, 0, DateTimeKind.Utc), ChinaTime.StartOfDayUtc(new DateOnly(2026, 11, 1)));

    [Fact]
    public void DateOf_LocalKind_ConvertsThroughUtcWhateverServerZone()
    {
        var utc = new DateTime(2026, 3, 1, 20, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new DateOnly(2026, 3, 2), ChinaTime.DateOf(utc.ToLocalTime()));
    }
}
