using System.Globalization;
using System.Text;
using BackOffice.Domain.Persistence;

namespace BackOffice.Tests.Domain.Persistence;

public class SqliteTextFormatsTests
{
    [Fact]
    public void Write_AnyInstant_GivesWhatTheGeneralFormatterGives()
    {
        var random = new Random(7);
        var instants = new List<DateTime>
        {
            DateTime.MinValue, DateTime.MaxValue, new(2026, 11, 28, 8, 0, 0, DateTimeKind.Utc), new(2026, 1, 2, 3, 4, 5, 600, DateTimeKind.Utc),
            new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1), new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1_000_000),
            new DateTime(999, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(1_234_500),
        };
        for (var i = 0; i < 10_000; i++) instants.Add(new DateTime(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc));
        for (var i = 0; i < 1_000; i++) instants.Add(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(random.Next(0, 400 * 86_400)));
        var buffer = new byte[32];
        foreach (var instant in instants)
        {
            var length = SqliteTextFormats.Write(instant, buffer);
            Assert.Equal(instant.ToString(SqliteTextFormats.DateTime, CultureInfo.InvariantCulture), Encoding.UTF8.GetString(buffer, 0, length));
        }
    }
}
