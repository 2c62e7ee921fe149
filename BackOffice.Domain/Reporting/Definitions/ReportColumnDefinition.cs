namespace BackOffice.Domain.Reporting.Definitions;

public sealed record ReportColumnDefinition(
    string Key,
    LocalizedText Caption,
    ColumnFormat Format,
    double Width,
    ColumnAlignment? Alignment,
    bool Totalled)
{
    public TableColumn ToTableColumn(ReportLanguage language) =>
        new(Key, Caption.In(language), Format, Width, Alignment, Totalled);
}
