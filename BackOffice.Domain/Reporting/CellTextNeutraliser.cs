using System.Buffers;

namespace BackOffice.Domain.Reporting;

/// <summary>
/// OWASP CSV injection defence shared by Excel and CSV: a text cell that a spreadsheet could read as a formula
/// gets a leading apostrophe. PDF and JSON carry text as it is.
/// </summary>
public static class CellTextNeutraliser
{
    private static readonly SearchValues<char> s_dangerousLeads = SearchValues.Create("=+-@\t\r\n");

    public static bool NeedsNeutralising(string text) =>
        text.Length > 0 && s_dangerousLeads.Contains(text[0]);

    public static string Neutralise(string text) =>
        NeedsNeutralising(text) ? "'" + text : text;
}
