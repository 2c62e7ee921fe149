using System.Globalization;
using BackOffice.Domain.Common;

namespace BackOffice.Domain.Settlement;

/// <summary>A statement month as yyyyMM (202610), the China calendar month of a due date.</summary>
public static class SettlementMonth
{
    public static int Of(DateOnly date) => (date.Year * 100) + date.Month;

    public static int Next(int month) => month % 100 == 12 ? ((month / 100) + 1) * 100 + 1 : month + 1;

    public static DateOnly FirstDay(int month) => new(month / 100, month % 100, 1);

    public static DateOnly LastDay(int month) => FirstDay(month).AddMonths(1).AddDays(-1);

    public static string Format(int month) => FirstDay(month).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static int Parse(string text) =>
        DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? Of(date)
            : throw new DomainException($"“{text}” 不是月份（yyyy-MM） · “{text}” is not a month (yyyy-MM)");
}
