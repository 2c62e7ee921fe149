using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace BackOffice.Domain.Reporting.Pdf;

/// <summary>The cursor and page list blocks lay themselves out into; it measures with a PDFsharp measure context.</summary>
internal sealed class PdfLayoutContext : IDisposable
{
    private readonly XGraphics _measure;
    private readonly Dictionary<(double Size, bool Bold), XFont> _fonts = [];

    // Wrapping measures a cell's text and right alignment measures it again; statements repeat most texts.
    private readonly Dictionary<(string Text, XFont Font), double> _widths = [];

    public PdfLayoutContext(PdfReportOptions options)
    {
        Options = options;
        _measure = XGraphics.CreateMeasureContext(new XSize(options.PageWidth, options.PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
        Left = options.MarginLeft;
        Width = options.PageWidth - options.MarginLeft - options.MarginRight;
        Top = options.MarginTop;
        Bottom = options.PageHeight - options.MarginBottom;
        NewPage();
    }

    public PdfReportOptions Options { get; }
    public double Left { get; }
    public double Width { get; }
    public double Top { get; }
    public double Bottom { get; }
    public double Y { get; set; }
    public List<List<PdfDrawOp>> Pages { get; } = [];
    public List<PdfDrawOp> Page => Pages[^1];
    public double Remaining => Bottom - Y;
    public bool AtPageTop => Y <= Top;
    public double ContentHeight => Bottom - Top;

    public XFont Font(double size, bool bold = false)
    {
        if (!_fonts.TryGetValue((size, bold), out var font))
        {
            font = new XFont(CjkFontResolver.FamilyName, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular,
                new XPdfFontOptions(PdfFontEncoding.Unicode));
            _fonts[(size, bold)] = font;
        }

        return font;
    }

    public double LineHeight(XFont font) => font.Size * Options.LineSpacing;

    public double Measure(string text, XFont font)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        if (!_widths.TryGetValue((text, font), out var width))
        {
            width = _measure.MeasureString(text, font).Width;
            _widths[(text, font)] = width;
        }

        return width;
    }

    public IReadOnlyList<string> Wrap(string text, XFont font, double width) =>
        TextWrapper.Wrap(text, width, s => Measure(s, font));

    public void NewPage()
    {
        Pages.Add([]);
        Y = Top;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> fits, or the page is still empty.</summary>
    public void EnsureSpace(double height)
    {
        if (height > Remaining && !AtPageTop)
        {
            NewPage();
        }
    }

    public void DrawText(string text, XFont font, double x, double y, double width, ColumnAlignment alignment)
    {
        if (text.Length == 0)
        {
            return;
        }

        var offset = alignment switch
        {
            ColumnAlignment.Right => width - Measure(text, font),
            ColumnAlignment.Center => (width - Measure(text, font)) / 2,
            _ => 0,
        };
        Page.Add(new TextOp(text, font, x + offset, y));
    }

    public void Dispose() => _measure.Dispose();
}
