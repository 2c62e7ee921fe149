namespace BackOffice.Domain.Reporting;

/// <summary>China has no DST, so a fixed UTC+8 offset is exact and needs no time-zone database.</summary>
internal static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTime ToChinaClock(DateTimeOffset instant) => instant.ToOffset(Offset).DateTime;

    public static DateTime ToChinaClock(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => DateTime.SpecifyKind(value + Offset, DateTimeKind.Unspecified),
        DateTimeKind.Local => ToChinaClock(new DateTimeOffset(value)),
        _ => value,
    };
}
