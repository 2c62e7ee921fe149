namespace BackOffice.Domain.Reporting.Pdf;

/// <summary>Where to find a font with both CJK and Latin glyphs. A configured path is tried before the search list.</summary>
public sealed class CjkFontOptions
{
    /// <summary>The usual places of such fonts on Linux, Windows and macOS. TrueType outlines only: PDFsharp cannot embed CFF.</summary>
    public static readonly IReadOnlyList<string> DefaultSearchPaths =
    [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
        "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/truetype/noto/NotoSansSC-Regular.ttf",
        @"C:\Windows\Fonts\msyh.ttc",
        @"C:\Windows\Fonts\simsun.ttc",
        "/System/Library/Fonts/PingFang.ttc",
        "/System/Library/Fonts/STHeiti Light.ttc",
        "/System/Library/Fonts/STHeiti Medium.ttc",
    ];

    public string? FontPath { get; init; }

    /// <summary>Face to take from a .ttc collection; wqy-microhei's face 0 is the proportional one.</summary>
    public int FaceIndex { get; init; }

    public IReadOnlyList<string> SearchPaths { get; init; } = DefaultSearchPaths;

    public IEnumerable<string> CandidatePaths =>
        string.IsNullOrWhiteSpace(FontPath) ? SearchPaths : SearchPaths.Prepend(FontPath);
}
