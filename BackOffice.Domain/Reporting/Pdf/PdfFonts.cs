using PdfSharp.Fonts;

namespace BackOffice.Domain.Reporting.Pdf;

/// <summary>
/// PDFsharp's font resolver is process-wide and may be set only once, before any font is used;
/// this installs ours exactly once however many exports start at the same time.
/// </summary>
public static class PdfFonts
{
    private static readonly Lock s_lock = new();
    private static CjkFontResolver? s_installed;

    /// <summary>Installs the resolver on first call; later calls return it and ignore their options.</summary>
    public static CjkFontResolver EnsureInstalled(CjkFontOptions? options = null)
    {
        var installed = Volatile.Read(ref s_installed);
        if (installed is not null)
        {
            return installed;
        }

        lock (s_lock)
        {
            if (s_installed is null)
            {
                var resolver = CjkFontResolver.Create(options ?? new CjkFontOptions());
                GlobalFontSettings.FontResolver = resolver;
                Volatile.Write(ref s_installed, resolver);
            }

            return s_installed;
        }
    }
}
