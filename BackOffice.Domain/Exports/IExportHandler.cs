using BackOffice.Domain.Common;

namespace BackOffice.Domain.Exports;

/// <summary>One kind of background export (a report in a format). Features register theirs.</summary>
public interface IExportHandler
{
    /// <summary>Stable name stored on the job, e.g. "supplier-list.xlsx".</summary>
    string Kind { get; }

    /// <summary>Checked when the job is queued and again when it runs; throws AccessDeniedException.</summary>
    void Authorize(Actor actor);

    /// <summary>The file name and content type the download will carry.</summary>
    (string FileName, string ContentType, string Title) Describe(string parametersJson, DateTime utcNow);

    Task WriteAsync(ExportRequest request, Stream output, IProgress<int> progress, CancellationToken ct);
}

public sealed record ExportRequest(Actor Actor, string ParametersJson, DateTime UtcNow);
