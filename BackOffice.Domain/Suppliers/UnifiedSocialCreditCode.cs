namespace BackOffice.Domain.Suppliers;

/// <summary>统一社会信用代码: 18 characters, check digit per GB 32100-2015.</summary>
public sealed record UnifiedSocialCreditCode
{
    public const int Length = 18;
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public string Value { get; }

    private UnifiedSocialCreditCode(string value) => Value = value;

    public static UnifiedSocialCreditCode Parse(string? text) =>
        TryParse(text, out var code, out var error) ? code! : throw new Common.DomainException(error);

    public static bool TryParse(string? text, out UnifiedSocialCreditCode? code, out string error)
    {
        code = null;
        var s = (text ?? "").Trim().ToUpperInvariant();
        if (s.Length != Length)
        {
            error = $"统一社会信用代码应为 18 位，现为 {s.Length} 位 · The credit code must have 18 characters, not {s.Length}";
            return false;
        }
        for (var i = 0; i < Length; i++)
        {
            if (Alphabet.IndexOf(s[i], StringComparison.Ordinal) < 0)
            {
                error = $"第 {i + 1} 位“{s[i]}”不是允许的字符（不含 I、O、Z、S、V） · Character {i + 1} '{s[i]}' is not allowed (I, O, Z, S, V never appear)";
                return false;
            }
        }
        if (!s[2..8].All(char.IsAsciiDigit))
        {
            error = "第 3–8 位应为行政区划码（数字） · Characters 3–8 must be the administrative division code (digits)";
            return false;
        }
        var expected = CheckCharacter(s);
        if (s[17] != expected)
        {
            error = $"校验位错误：最后一位应为“{expected}”而不是“{s[17]}”，请核对代码 · Wrong check digit: the last character should be '{expected}', not '{s[17]}'; check the code for a typo";
            return false;
        }
        code = new UnifiedSocialCreditCode(s);
        error = "";
        return true;
    }

    /// <summary>The 18th character computed from the first 17.</summary>
    public static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        return Alphabet[(31 - sum % 31) % 31];
    }

    public override string ToString() => Value;
}
