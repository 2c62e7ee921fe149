using System.Threading.Channels;
using BackOffice.Domain.Common;
using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Exports;

public sealed record ExportJobView(Guid Id, string Title, string FileName, ExportStatus Status, int ProgressPercent, string? Error,
    long SizeBytes, DateTime CreatedAt, DateTime? CompletedAt, DateTime ExpiresAt);

/// <summary>Queues background exports, lists a person's exports and opens finished files.</summary>
public sealed class ExportService(
    IDbContextFactory<BackOfficeDbContext> factory, IEnumerable<IExportHandler> handlers, ExportFileStore files,
    ExportOptions options, TimeProvider clock)
{
    private readonly Channel<Guid> _queue = Channel.CreateUnbounded<Guid>();
    private readonly Dictionary<string, IExportHandler> _handlers = handlers.ToDictionary(h => h.Kind);

    internal ChannelReader<Guid> Queue => _queue.Reader;

    public IExportHandler Handler(string kind) =>
        _handlers.TryGetValue(kind, out var handler) ? handler : throw new DomainException($"未知导出类型 {kind} · Unknown export {kind}");

    public async Task<Guid> QueueAsync(Actor actor, string kind, string parametersJson = "{}", CancellationToken ct = default)
    {
        var handler = Handler(kind);
        handler.Authorize(actor);
        var now = clock.GetUtcNow().UtcDateTime;
        var (fileName, contentType, title) = handler.Describe(parametersJson, now);
        var job = new ExportJob(Guid.NewGuid(), actor.UserId, options.Instance, kind, title, parametersJson, fileName, contentType, now, options.Retention);
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ExportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        await _queue.Writer.WriteAsync(job.Id, ct);
        return job.Id;
    }

    internal ValueTask RequeueAsync(Guid id, CancellationToken ct) => _queue.Writer.WriteAsync(id, ct);

    public async Task<IReadOnlyList<ExportJobView>> MineAsync(Actor actor, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.ExportJobs.AsNoTracking()
            .Where(j => j.OwnerId == actor.UserId && j.ExpiresAt > now)
            .OrderByDescending(j => j.CreatedAt)
            .Select(j => new ExportJobView(j.Id, j.Title, j.FileName, j.Status, j.ProgressPercent, j.Error, j.SizeBytes, j.CreatedAt, j.CompletedAt, j.ExpiresAt))
            .ToListAsync(ct);
    }

    /// <summary>The finished file of one of the actor's own exports; nobody else may download it.</summary>
    public async Task<(Stream Content, string FileName, string ContentType)> OpenAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        var job = await db.ExportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null || job.OwnerId != actor.UserId) throw new AccessDeniedException("找不到该导出 · No such export of yours");
        if (job.Status != ExportStatus.Succeeded) throw new DomainException("导出尚未完成 · The export has not finished");
        if (job.ExpiresAt <= now) throw new DomainException("导出文件已过期 · The export has expired");
        return (files.OpenRead(job.Id), job.FileName, job.ContentType);
    }
}
