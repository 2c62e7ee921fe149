namespace BackOffice.Domain.Reporting.Pdf;

/// <summary>A table column: a relative weight shares what absolute columns leave, an absolute width is in points.</summary>
public sealed record PdfTableColumn(
    string Caption,
    double Width = 1,
    bool WidthInPoints = false,
    ColumnAlignment Alignment = ColumnAlignment.Left);
