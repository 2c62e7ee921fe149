namespace BackOffice.Domain.Reporting;

public enum ColumnAlignment
{
    Left,
    Center,
    Right,
}
