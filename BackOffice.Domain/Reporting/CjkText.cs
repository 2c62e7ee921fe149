namespace BackOffice.Domain.Reporting;

internal static class CjkText
{
    /// <summary>CJK ideographs, kana, hangul and full-width forms: the characters that take two columns and may break anywhere.</summary>
    public static bool IsWide(char c) =>
        c is >= '\u2E80' and <= '\u9FFF'
        or >= '\uAC00' and <= '\uD7AF'
        or >= '\uF900' and <= '\uFAFF'
        or >= '\uFE30' and <= '\uFE4F'
        or >= '\uFF00' and <= '\uFF60'
        or >= '\uFFE0' and <= '\uFFE6';

    /// <summary>Closing punctuation that must not start a line (Chinese line-breaking rule 避头点).</summary>
    public static bool IsNoBreakBefore(char c) =>
        "，。、；：！？）」』》〉】”’…,.;:!?)]}%".Contains(c, StringComparison.Ordinal);

    public static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var c in text)
        {
            width += IsWide(c) ? 2 : 1;
        }

        return width;
    }
}
