namespace BackOffice.Domain.Reporting.Pdf;

public sealed class CjkFontNotFoundException(IReadOnlyList<string> searchedPaths)
    : Exception(BuildMessage(searchedPaths))
{
    public IReadOnlyList<string> SearchedPaths { get; } = searchedPaths;

    private static string BuildMessage(IReadOnlyList<string> paths) =>
        "No CJK font was found for PDF export. Install one (e.g. Debian/Ubuntu: apt-get install fonts-wqy-microhei) "
        + "or set Reporting:FontPath. Searched: "
        + (paths.Count == 0 ? "(no paths)" : string.Join(", ", paths));
}
