using System.Globalization;

namespace BackOffice.Domain.Reporting;

/// <summary>
/// Converts the loosely typed values of a row into what a column's format promises, and formats them for display.
/// Money is always <see cref="long"/> fen: a floating or decimal amount is rejected rather than silently rounded.
/// </summary>
public static class ReportValues
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    public static long ToFen(object value) => value switch
    {
        long fen => fen,
        int fen => fen,
        short fen => fen,
        double or float or decimal => throw new ArgumentException(
            $"Money must be given as long fen, not {value.GetType().Name} ({value}).", nameof(value)),
        _ => throw new ArgumentException($"Money must be given as long fen, not {value.GetType().Name}.", nameof(value)),
    };

    public static long ToInteger(object value) => value switch
    {
        long l => l,
        int i => i,
        short s => s,
        byte b => b,
        uint u => u,
        _ => throw new ArgumentException($"An integer column cannot hold {value.GetType().Name} ({value}).", nameof(value)),
    };

    public static decimal FenToYuan(long fen) => fen / 100m;

    public static DateOnly ToDate(object value) => value switch
    {
        DateOnly date => date,
        DateTimeOffset instant => DateOnly.FromDateTime(Common.ChinaTime.ToChina(instant)),
        DateTime dateTime => DateOnly.FromDateTime(ChinaClock(dateTime)),
        _ => throw new ArgumentException($"A date column cannot hold {value.GetType().Name}.", nameof(value)),
    };

    /// <summary>Instants are stored in UTC and shown on the China clock.</summary>
    public static DateTime ToChinaDateTime(object value) => value switch
    {
        DateTimeOffset instant => Common.ChinaTime.ToChina(instant),
        DateTime dateTime => ChinaClock(dateTime),
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        _ => throw new ArgumentException($"A date-time column cannot hold {value.GetType().Name}.", nameof(value)),
    };

    public static string FormatMoney(long fen) => new Common.Money(fen).ToString();

    public static string FormatBasisPoints(long bp) => new Common.BasisPoints(checked((int)bp)).ToString();

    public static string Text(object value) => Convert.ToString(value, s_invariant) ?? "";

    /// <summary>The text a person reads: PDF cells, and width estimates for Excel.</summary>
    public static string Display(ColumnFormat format, object? value)
    {
        if (value is null)
        {
            return "";
        }

        return format switch
        {
            ColumnFormat.WholeNumber => ToInteger(value).ToString("#,##0", s_invariant),
            ColumnFormat.Money => FormatMoney(ToFen(value)),
            ColumnFormat.Date => ToDate(value).ToString("yyyy-MM-dd", s_invariant),
            ColumnFormat.DateTime => ToChinaDateTime(value).ToString("yyyy-MM-dd HH:mm", s_invariant),
            ColumnFormat.PercentBp => FormatBasisPoints(ToInteger(value)),
            _ => Text(value),
        };
    }

    /// <summary>UTC instants move to China time; a date-time without a kind is already a China wall-clock time.</summary>
    private static DateTime ChinaClock(DateTime value) => value.Kind == DateTimeKind.Unspecified ? value : Common.ChinaTime.ToChina(value);
}
