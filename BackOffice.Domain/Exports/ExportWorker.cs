using System.Security.Cryptography;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackOffice.Domain.Exports;

/// <summary>
/// Runs queued exports one at a time, independent of any page or circuit; picks up this instance's
/// unfinished jobs after a restart and deletes its expired files.
/// </summary>
public sealed class ExportWorker(
    ExportService exports, IDbContextFactory<BackOfficeDbContext> factory, ExportFileStore files,
    ExportOptions options, TimeProvider clock, ILogger<ExportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RequeueUnfinishedAsync(stoppingToken);
        var lastSweep = DateTime.MinValue;
        await foreach (var id in exports.Queue.ReadAllAsync(stoppingToken))
        {
            await RunAsync(id, stoppingToken);
            if (clock.GetUtcNow().UtcDateTime - lastSweep > TimeSpan.FromMinutes(10))
            {
                await DeleteExpiredAsync(stoppingToken);
                lastSweep = clock.GetUtcNow().UtcDateTime;
            }
        }
    }

    public async Task RunAsync(Guid id, CancellationToken ct)
    {
        ExportJob job;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var found = await db.ExportJobs.FirstOrDefaultAsync(j => j.Id == id, ct);
            if (found is null || found.IsFinished) return;
            job = found;
            job.Start();
            await db.SaveChangesAsync(ct);
        }
        try
        {
            var handler = exports.Handler(job.Kind);
            var owner = await OwnerAsync(job.OwnerId, ct);
            handler.Authorize(owner);
            long size;
            string sha;
            await using (var output = files.Create(id))
            {
                await using (var progress = new CoalescingProgress(percent => SaveProgressAsync(id, percent), logger))
                    await handler.WriteAsync(new ExportRequest(owner, job.ParametersJson, clock.GetUtcNow().UtcDateTime), output, progress, ct);
                await output.FlushAsync(ct);
                size = output.Length;
                output.Position = 0;
                sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(output, ct));
            }
            await UpdateAsync(id, j => j.Succeed(size, sha, clock.GetUtcNow().UtcDateTime, options.Retention), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Export {ExportId} ({Kind}) failed", id, job.Kind);
            var message = ex is Common.DomainException ? ex.Message : "导出失败，错误已记录 · The export failed; the error was logged";
            await UpdateAsync(id, j => j.Fail(message, clock.GetUtcNow().UtcDateTime), CancellationToken.None);
            files.Delete(id);
        }
    }

    private async Task<Common.Actor> OwnerAsync(string ownerId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var local = await db.LocalUsers.AsNoTracking().FirstOrDefaultAsync(u => u.Id == ownerId && u.IsActive, ct);
        // Entra ID users are not stored locally: their roles were checked when the job was queued.
        return local?.ToActor() ?? new Common.Actor(ownerId, ownerId, Roles.All.ToHashSet());
    }

    private async Task SaveProgressAsync(Guid id, int percent)
    {
        await UpdateAsync(id, j => j.Report(percent), CancellationToken.None);
    }

    private async Task UpdateAsync(Guid id, Action<ExportJob> change, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var job = await db.ExportJobs.FirstAsync(j => j.Id == id, ct);
        change(job);
        await db.SaveChangesAsync(ct);
    }

    private async Task RequeueUnfinishedAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var unfinished = await db.ExportJobs.Where(j => j.Instance == options.Instance && (j.Status == ExportStatus.Queued || j.Status == ExportStatus.Running))
            .OrderBy(j => j.CreatedAt).Select(j => j.Id).ToListAsync(ct);
        foreach (var id in unfinished) await exports.RequeueAsync(id, ct);
    }

    public async Task DeleteExpiredAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        var expired = await db.ExportJobs.Where(j => j.Instance == options.Instance && j.ExpiresAt <= now).ToListAsync(ct);
        foreach (var job in expired) files.Delete(job.Id);
        db.ExportJobs.RemoveRange(expired);
        await db.SaveChangesAsync(ct);
    }
}
