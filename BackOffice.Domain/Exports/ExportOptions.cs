namespace BackOffice.Domain.Exports;

/// <summary>Configuration section "Exports".</summary>
public sealed class ExportOptions
{
    /// <summary>How long a finished file stays downloadable.</summary>
    public int RetentionHours { get; set; } = 24;

    public TimeSpan Retention => TimeSpan.FromHours(RetentionHours);

    /// <summary>
    /// Which web instance this is (<c>Exports:Instance</c>, default the machine name). A job runs where it was
    /// queued, its file stays in that instance's folder, and a restarting instance resumes only its own jobs,
    /// so several instances on one database never run or sweep each other's exports.
    /// </summary>
    public string Instance { get; set; } = Environment.MachineName;
}
