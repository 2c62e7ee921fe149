namespace BackOffice.Domain.Reporting.Pdf;

/// <summary>A piece of a report that knows how to place itself on pages.</summary>
internal interface IPdfBlock
{
    void Layout(PdfLayoutContext context);
}
