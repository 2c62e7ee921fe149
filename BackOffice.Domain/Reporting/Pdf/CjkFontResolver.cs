using PdfSharp.Drawing;
using PdfSharp.Fonts;

namespace BackOffice.Domain.Reporting.Pdf;

/// <summary>
/// Answers every family PDFsharp asks for with one CJK font, so headers, Latin names and Chinese text all
/// come from the same face. Bold is simulated because the common CJK system fonts ship a single weight.
/// </summary>
public sealed class CjkFontResolver : IFontResolver
{
    public const string FamilyName = "BackOffice CJK";
    private const string FaceName = "backoffice-cjk-regular";

    private readonly byte[] _fontBytes;

    private CjkFontResolver(string fontPath, byte[] fontBytes)
    {
        FontPath = fontPath;
        _fontBytes = fontBytes;
    }

    public string FontPath { get; }

    public int FontSize => _fontBytes.Length;

    /// <summary>Finds and loads the font now, so a missing font fails at start-up and names every path searched.</summary>
    public static CjkFontResolver Create(CjkFontOptions options)
    {
        var searched = new List<string>();
        foreach (var path in options.CandidatePaths)
        {
            searched.Add(path);
            if (File.Exists(path))
            {
                var bytes = File.ReadAllBytes(path);
                if (TrueTypeCollection.IsCollection(bytes))
                {
                    bytes = TrueTypeCollection.ExtractFace(bytes, options.FaceIndex);
                }

                return new CjkFontResolver(path, bytes);
            }
        }

        throw new CjkFontNotFoundException(searched);
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var simulations = (bold ? XStyleSimulations.BoldSimulation : XStyleSimulations.None)
            | (italic ? XStyleSimulations.ItalicSimulation : XStyleSimulations.None);
        return new FontResolverInfo(FaceName, simulations);
    }

    public byte[]? GetFont(string faceName) => faceName == FaceName ? _fontBytes : null;
}
