namespace BackOffice.Domain.Exports;

/// <summary>Configuration section "Exports".</summary>
public sealed class ExportOptions
{
    /// <summary>How long a finished file stays downloadable.</summary>
    public int RetentionHours { get; set; } = 24;

    public TimeSpan Retention => TimeSpan.FromHours(RetentionHours);
}
