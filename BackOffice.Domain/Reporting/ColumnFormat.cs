namespace BackOffice.Domain.Reporting;

public enum ColumnFormat
{
    Text,
    WholeNumber,
    Money,
    Date,
    DateTime,
    PercentBp,
}
