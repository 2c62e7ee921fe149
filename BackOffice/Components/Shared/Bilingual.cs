using System.Globalization;

namespace BackOffice.Components.Shared;

/// <summary>
/// Domain messages carry both languages as "中文 · English"; this picks the half for the current UI culture.
/// </summary>
public static class Bilingual
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Pick(string message)
    {
        var parts = message.Split(" · ", 2);
        return parts.Length == 2 ? (IsEnglish ? parts[1] : parts[0]) : message;
    }

    public static string Pick(string zh, string en) => IsEnglish ? en : zh;
}
