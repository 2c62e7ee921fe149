using System.Text.Encodings.Web;
using System.Text.Json;
using BackOffice.Domain.Common;
using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Audit;

/// <summary>Appends audit entries inside the caller's transaction, so the change and its entry land together.</summary>
public sealed class AuditTrail(TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static string? Snapshot(object? state) => state is null ? null : JsonSerializer.Serialize(state, Json);

    /// <summary>
    /// Adds the entry to the context; the caller saves and commits. The unique sequence index makes a
    /// concurrent append fail rather than fork the chain.
    /// </summary>
    public async Task<AuditEntry> RecordAsync(BackOfficeDbContext db, Actor actor, string action, string entityType, string entityId,
        object? before = null, object? after = null, string? reason = null, CancellationToken ct = default)
    {
        var pending = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).MaxBy(e => e.Sequence);
        var last = pending ?? await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(ct);
        var entry = new AuditEntry(
            (last?.Sequence ?? 0) + 1, clock.GetUtcNow().UtcDateTime, actor.UserId, actor.DisplayName, action, entityType, entityId,
            Snapshot(before), Snapshot(after), string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), last?.Hash ?? AuditEntry.GenesisHash);
        db.AuditEntries.Add(entry);
        return entry;
    }
}
