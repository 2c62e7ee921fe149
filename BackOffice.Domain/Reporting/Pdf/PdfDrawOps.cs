using PdfSharp.Drawing;

namespace BackOffice.Domain.Reporting.Pdf;

/// <summary>What layout decided to put on a page; drawn once the page count is known.</summary>
internal abstract record PdfDrawOp
{
    public abstract void Draw(XGraphics graphics);
}

internal sealed record TextOp(string Text, XFont Font, double X, double Y) : PdfDrawOp
{
    public override void Draw(XGraphics graphics) =>
        graphics.DrawString(Text, Font, XBrushes.Black, X, Y, XStringFormats.TopLeft);
}

internal sealed record LineOp(double X1, double Y1, double X2, double Y2, XColor Color, double Thickness) : PdfDrawOp
{
    public override void Draw(XGraphics graphics) =>
        graphics.DrawLine(new XPen(Color, Thickness), X1, Y1, X2, Y2);
}

internal sealed record FillOp(double X, double Y, double Width, double Height, XColor Color) : PdfDrawOp
{
    public override void Draw(XGraphics graphics) =>
        graphics.DrawRectangle(new XSolidBrush(Color), X, Y, Width, Height);
}

internal sealed record ImageOp(XImage Image, double X, double Y, double Width, double Height) : PdfDrawOp
{
    public override void Draw(XGraphics graphics) => graphics.DrawImage(Image, X, Y, Width, Height);
}
