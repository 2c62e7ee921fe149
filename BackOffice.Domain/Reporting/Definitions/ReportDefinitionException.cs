namespace BackOffice.Domain.Reporting.Definitions;

public sealed class ReportDefinitionException(string message, Exception? inner = null) : Exception(message, inner);
