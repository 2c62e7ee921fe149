using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace BackOffice.Domain.Reporting.Pdf;

/// <summary>
/// Composes an A4 report from blocks. Rendering lays out every page first and draws afterwards, so each
/// page's footer can say "第 x 页 / 共 y 页".
/// </summary>
public sealed class PdfReport(PdfReportOptions? options = null)
{
    private readonly List<IPdfBlock> _blocks = [];

    public PdfReportOptions Options { get; } = options ?? new PdfReportOptions();

    public PdfReport AddHeading(string text, int level = 1) => Add(new HeadingBlock(text, level));

    public PdfReport AddParagraph(string text) => Add(new ParagraphBlock(text));

    public PdfReport AddKeyValues(params IReadOnlyList<KeyValuePair<string, string>> pairs) => Add(new KeyValueBlock(pairs));

    public PdfReport AddTable(PdfTable table) => Add(new TableBlock(table));

    /// <summary>A PNG or JPEG, at <paramref name="width"/> points (its natural size if null), never wider than the page.</summary>
    public PdfReport AddImage(byte[] image, double? width = null) => Add(new ImageBlock(image, width));

    public PdfReport AddSpace(double points) => Add(new SpaceBlock(points));

    /// <summary>Writes the PDF and returns its page count.</summary>
    public int Save(Stream output)
    {
        PdfFonts.EnsureInstalled(Options.Font);
        using var context = new PdfLayoutContext(Options);
        foreach (var block in _blocks)
        {
            block.Layout(context);
        }

        using var document = new PdfDocument();
        document.Info.Title = Options.Title ?? Options.CompanyName;
        document.Info.Creator = Options.CompanyName;
        var total = context.Pages.Count;
        for (var i = 0; i < total; i++)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(Options.PageWidth);
            page.Height = XUnit.FromPoint(Options.PageHeight);
            using var graphics = XGraphics.FromPdfPage(page);
            DrawFrame(graphics, context, i + 1, total);
            foreach (var op in context.Pages[i])
            {
                op.Draw(graphics);
            }
        }

        document.Save(output, closeStream: false);
        return total;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        Save(stream);
        return stream.ToArray();
    }

    private PdfReport Add(IPdfBlock block)
    {
        _blocks.Add(block);
        return this;
    }

    private void DrawFrame(XGraphics graphics, PdfLayoutContext context, int page, int total)
    {
        var small = context.Font(8);
        var headerY = Options.MarginTop - 30;
        graphics.DrawString(Options.CompanyName, context.Font(9, bold: true), XBrushes.DimGray, context.Left, headerY, XStringFormats.TopLeft);
        if (Options.Title is not null)
        {
            graphics.DrawString(Options.Title, small, XBrushes.DimGray, context.Left + context.Width, headerY + 1, XStringFormats.TopRight);
        }

        graphics.DrawLine(new XPen(XColors.Gray, 0.5), context.Left, headerY + 15, context.Left + context.Width, headerY + 15);

        var footer = string.Format(CultureInfo.InvariantCulture, "第 {0} 页 / 共 {1} 页 · page {0} of {1}", page, total);
        graphics.DrawString(footer, small, XBrushes.DimGray, context.Left + (context.Width / 2), Options.PageHeight - Options.MarginBottom + 22, XStringFormats.TopCenter);
    }
}
