namespace BackOffice.Domain.Reporting.Pdf;

public sealed class PdfReportOptions
{
    public const double A4Width = 595.28;
    public const double A4Height = 841.89;

    /// <summary>Printed at the top of every page.</summary>
    public string CompanyName { get; init; } = "爱库存 BackOffice";

    /// <summary>Printed at the top right of every page and stored as the document title.</summary>
    public string? Title { get; init; }

    public double PageWidth { get; init; } = A4Width;
    public double PageHeight { get; init; } = A4Height;
    public double MarginLeft { get; init; } = 42;
    public double MarginRight { get; init; } = 42;
    public double MarginTop { get; init; } = 64;
    public double MarginBottom { get; init; } = 56;

    public double BodySize { get; init; } = 9.5;
    public double LineSpacing { get; init; } = 1.35;

    public CjkFontOptions? Font { get; init; }
}
