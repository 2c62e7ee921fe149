namespace BackOffice.Domain.Exports;

public enum ExportStatus { Queued, Running, Succeeded, Failed }

/// <summary>
/// A file someone asked for that is built in the background, so it survives the page being closed;
/// the owner downloads it from "my exports" until it expires.
/// </summary>
public class ExportJob
{
    public Guid Id { get; private set; }
    public string OwnerId { get; private set; } = "";

    /// <summary>The instance that queued the job, runs it and keeps its file (<see cref="ExportOptions.Instance"/>).</summary>
    public string Instance { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string ParametersJson { get; private set; } = "{}";
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public ExportStatus Status { get; private set; }
    public int ProgressPercent { get; private set; }
    public string? Error { get; private set; }
    public long SizeBytes { get; private set; }
    public string? Sha256 { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }

    protected ExportJob() { }

    public ExportJob(Guid id, string ownerId, string instance, string kind, string title, string parametersJson, string fileName, string contentType, DateTime now, TimeSpan retention)
    {
        (Id, OwnerId, Instance, Kind, Title, ParametersJson, FileName, ContentType, CreatedAt) = (id, ownerId, instance, kind, title, parametersJson, fileName, contentType, now);
        Status = ExportStatus.Queued;
        ExpiresAt = now + retention;
    }

    public bool IsFinished => Status is ExportStatus.Succeeded or ExportStatus.Failed;

    public void Start() { Status = ExportStatus.Running; ProgressPercent = 0; Error = null; }

    public void Report(int percent) => ProgressPercent = Math.Clamp(percent, 0, 99);

    public void Succeed(long sizeBytes, string sha256, DateTime now, TimeSpan retention)
    {
        (Status, ProgressPercent, SizeBytes, Sha256, CompletedAt, ExpiresAt) = (ExportStatus.Succeeded, 100, sizeBytes, sha256, now, now + retention);
    }

    public void Fail(string error, DateTime now) => (Status, Error, CompletedAt) = (ExportStatus.Failed, error, now);
}
