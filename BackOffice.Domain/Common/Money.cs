using System.Globalization;

namespace BackOffice.Domain.Common;

/// <summary>An amount of CNY in integer fen. Never a double, never a decimal column.</summary>
public readonly record struct Money(long Fen) : IComparable<Money>
{
    public static readonly Money Zero = new(0);

    public static Money FromYuan(long yuan) => new(checked(yuan * 100));

    public static Money operator +(Money a, Money b) => new(checked(a.Fen + b.Fen));
    public static Money operator -(Money a, Money b) => new(checked(a.Fen - b.Fen));
    public static Money operator -(Money a) => new(checked(-a.Fen));
    public static bool operator <(Money a, Money b) => a.Fen < b.Fen;
    public static bool operator >(Money a, Money b) => a.Fen > b.Fen;
    public static bool operator <=(Money a, Money b) => a.Fen <= b.Fen;
    public static bool operator >=(Money a, Money b) => a.Fen >= b.Fen;

    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    /// <summary>Rounds half away from zero, the only rounding DESIGN.md allows.</summary>
    public static long RoundDiv(long numerator, long denominator)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);
        var quotient = Math.DivRem(numerator, denominator, out var remainder);
        if (Math.Abs(remainder) * 2 >= denominator) quotient += Math.Sign(numerator);
        return quotient;
    }

    /// <summary>This amount times a rate in basis points, rounded to the fen.</summary>
    public Money Times(BasisPoints rate) => new(RoundDiv(checked(Fen * rate.Value), 10_000));

    /// <summary>This amount times a whole percent, rounded to the fen.</summary>
    public Money Percent(int percent) => new(RoundDiv(checked(Fen * percent), 100));

    /// <summary>Parses yuan typed by a person: at most two decimals, exactly (12.3 → 1230 fen).</summary>
    public static bool TryParseYuan(string? text, out Money money, out string error)
    {
        money = Zero;
        var s = (text ?? "").Trim().Replace(",", "", StringComparison.Ordinal).TrimStart('¥', '￥').Trim();
        if (s.Length == 0) { error = "请输入金额 · Enter an amount"; return false; }
        var negative = s.StartsWith('-');
        if (negative || s.StartsWith('+')) s = s[1..];
        var parts = s.Split('.');
        if (parts.Length > 2 || parts[0].Length == 0 && (parts.Length == 1 || parts[1].Length == 0)
            || !parts.All(p => p.All(char.IsAsciiDigit)))
        {
            error = $"“{text}” 不是有效金额 · “{text}” is not an amount in yuan";
            return false;
        }
        if (parts.Length == 2 && parts[1].Length > 2)
        {
            error = "金额最多两位小数 · At most two decimals (fen)";
            return false;
        }
        var fraction = parts.Length == 2 ? parts[1].PadRight(2, '0') : "00";
        if (parts[0].Length == 0) parts[0] = "0";
        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var yuan) || yuan > 90_000_000_000_000L)
        {
            error = "金额过大 · Amount too large";
            return false;
        }
        var fen = yuan * 100 + int.Parse(fraction, CultureInfo.InvariantCulture);
        money = new Money(negative ? -fen : fen);
        error = "";
        return true;
    }

    public static Money ParseYuan(string text) =>
        TryParseYuan(text, out var money, out var error) ? money : throw new DomainException(error);

    /// <summary>Yuan with two decimals and no symbol, e.g. "1234.56", for inputs.</summary>
    public string ToYuanString() =>
        $"{(Fen < 0 ? "-" : "")}{Math.Abs(Fen) / 100}.{Math.Abs(Fen) % 100:00}";

    /// <summary>Shown as ¥1,234.56 (or -¥1,234.56).</summary>
    public override string ToString() =>
        $"{(Fen < 0 ? "-" : "")}¥{(Math.Abs(Fen) / 100).ToString("#,##0", CultureInfo.InvariantCulture)}.{Math.Abs(Fen) % 100:00}";
}
