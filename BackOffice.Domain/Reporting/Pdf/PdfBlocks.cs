using PdfSharp.Drawing;

namespace BackOffice.Domain.Reporting.Pdf;

internal sealed record HeadingBlock(string Text, int Level) : IPdfBlock
{
    public void Layout(PdfLayoutContext context)
    {
        var font = context.Font(Level <= 1 ? 16 : 12.5, bold: true);
        var lines = context.Wrap(Text, font, context.Width);
        var lineHeight = context.LineHeight(font);
        var spaceBefore = context.AtPageTop ? 0 : font.Size * 0.6;

        // A heading stranded at the foot of a page is useless: keep it with two lines of what follows.
        var bodyLine = context.LineHeight(context.Font(context.Options.BodySize));
        context.EnsureSpace(spaceBefore + (lines.Count * lineHeight) + (2 * bodyLine));
        context.Y += context.AtPageTop ? 0 : spaceBefore;
        foreach (var line in lines)
        {
            context.DrawText(line, font, context.Left, context.Y, context.Width, ColumnAlignment.Left);
            context.Y += lineHeight;
        }

        context.Y += font.Size * 0.3;
    }
}

internal sealed record ParagraphBlock(string Text) : IPdfBlock
{
    public void Layout(PdfLayoutContext context)
    {
        var font = context.Font(context.Options.BodySize);
        var lineHeight = context.LineHeight(font);
        foreach (var line in context.Wrap(Text, font, context.Width))
        {
            context.EnsureSpace(lineHeight);
            context.DrawText(line, font, context.Left, context.Y, context.Width, ColumnAlignment.Left);
            context.Y += lineHeight;
        }

        context.Y += lineHeight * 0.5;
    }
}

internal sealed record KeyValueBlock(IReadOnlyList<KeyValuePair<string, string>> Pairs) : IPdfBlock
{
    private const double Gap = 12;

    public void Layout(PdfLayoutContext context)
    {
        var keyFont = context.Font(context.Options.BodySize, bold: true);
        var valueFont = context.Font(context.Options.BodySize);
        var lineHeight = context.LineHeight(valueFont);
        var keyWidth = Math.Min(context.Width * 0.35, Pairs.Select(p => context.Measure(p.Key, keyFont)).DefaultIfEmpty(0).Max());
        var valueWidth = context.Width - keyWidth - Gap;

        foreach (var (key, value) in Pairs)
        {
            var keyLines = context.Wrap(key, keyFont, keyWidth);
            var valueLines = context.Wrap(value, valueFont, valueWidth);
            context.EnsureSpace(Math.Max(keyLines.Count, valueLines.Count) * lineHeight);
            for (var i = 0; i < keyLines.Count; i++)
            {
                context.DrawText(keyLines[i], keyFont, context.Left, context.Y + (i * lineHeight), keyWidth, ColumnAlignment.Left);
            }

            for (var i = 0; i < valueLines.Count; i++)
            {
                context.DrawText(valueLines[i], valueFont, context.Left + keyWidth + Gap, context.Y + (i * lineHeight), valueWidth, ColumnAlignment.Left);
            }

            context.Y += Math.Max(keyLines.Count, valueLines.Count) * lineHeight;
        }

        context.Y += lineHeight * 0.5;
    }
}

internal sealed record ImageBlock(byte[] Png, double? Width) : IPdfBlock
{
    public void Layout(PdfLayoutContext context)
    {
        var image = XImage.FromStream(new MemoryStream(Png, writable: false));
        var width = Math.Min(Width ?? image.PointWidth, context.Width);
        var height = image.PointHeight * (width / image.PointWidth);
        height = Math.Min(height, context.ContentHeight);
        width = image.PointWidth * (height / image.PointHeight);
        context.EnsureSpace(height);
        context.Page.Add(new ImageOp(image, context.Left, context.Y, width, height));
        context.Y += height + (context.Options.BodySize * 0.6);
    }
}

internal sealed record SpaceBlock(double Height) : IPdfBlock
{
    public void Layout(PdfLayoutContext context)
    {
        if (!context.AtPageTop)
        {
            context.Y = Math.Min(context.Bottom, context.Y + Height);
        }
    }
}
