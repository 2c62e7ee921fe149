using System.Globalization;
using BackOffice.Domain.Imports;

namespace BackOffice.Tests.Domain.Imports;

public sealed class InstantParsingTests
{
    [Theory]
    [InlineData("2026-11-03T10:15:00+08:00")]
    [InlineData("2026-11-03T00:15:00+08:00")]
    [InlineData("2026-12-31T23:59:59-05:30")]
    [InlineData("2024-02-29T12:00:00+00:00")]
    [InlineData(" 2026-11-03T10:15:00+08:00 ")]
    [InlineData("2026-11-03T10:15+08:00")]
    [InlineData("2026-11-03T10:15:00.123+08:00")]
    [InlineData("2026-11-03T10:15:00Z")]
    [InlineData("0001-01-01T00:00:00+08:00")]
    public void TryInstant_ValidShapes_SameAsGeneralParse(string text)
    {
        var ok = DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var expected);
        Assert.Equal(ok, ImportService.TryInstant(text, out var utc));
        if (ok)
        {
            Assert.Equal(expected.UtcDateTime, utc);
            Assert.Equal(DateTimeKind.Utc, utc.Kind);
        }
    }

    [Theory]
    [InlineData("2026-02-29T10:15:00+08:00")]
    [InlineData("2026-13-03T10:15:00+08:00")]
    [InlineData("2026-11-03T24:15:00+08:00")]
    [InlineData("2026-11-03T10:60:00+08:00")]
    [InlineData("2026-11-03T10:15:00+15:00")]
    [InlineData("2026-11-03 10:15:00+08:00")]
    [InlineData("2026-11-03T10:15:00")]
    [InlineData("2026-1a-03T10:15:00+08:00")]
    [InlineData("")]
    public void TryInstant_InvalidText_IsRejected(string text) => Assert.False(ImportService.TryInstant(text, out _));
}
