using BackOffice.Domain.Common;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Audit;

/// <summary>The audit log's filters, as the page's filter bar edits them.</summary>
public sealed class AuditQuery
{
    public string? Search { get; set; }
    public string? Actor { get; set; }
    public string? Action { get; set; }
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
}

public sealed record AuditRow(long Sequence, DateTime At, string ActorId, string ActorName, string Action, string EntityType, string EntityId,
    string? Before, string? After, string? Reason);

/// <summary>Reads the audit log for the Admin page and for an entity's history.</summary>
public sealed class AuditQueryService(IDbContextFactory<BackOfficeDbContext> factory)
{
    public async Task<PagedResult<AuditRow>> SearchAsync(Actor actor, AuditQuery query, PageRequest page, CancellationToken ct = default)
    {
        actor.Require(Roles.Admin, "audit log");
        await using var db = await factory.CreateDbContextAsync(ct);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Actor)) entries = entries.Where(e => e.ActorId.Contains(query.Actor) || e.ActorName.Contains(query.Actor));
        if (!string.IsNullOrWhiteSpace(query.Action)) entries = entries.Where(e => e.Action.Contains(query.Action));
        if (!string.IsNullOrWhiteSpace(query.EntityType)) entries = entries.Where(e => e.EntityType == query.EntityType);
        if (!string.IsNullOrWhiteSpace(query.EntityId)) entries = entries.Where(e => e.EntityId == query.EntityId);
        if (!string.IsNullOrWhiteSpace(query.Search))
            entries = entries.Where(e => e.EntityId.Contains(query.Search) || e.Action.Contains(query.Search) || (e.Reason != null && e.Reason.Contains(query.Search)));
        if (query.From is { } from) { var start = ChinaTime.StartOfDayUtc(from); entries = entries.Where(e => e.At >= start); }
        if (query.To is { } to) { var end = ChinaTime.StartOfDayUtc(to.AddDays(1)); entries = entries.Where(e => e.At < end); }
        var total = await entries.CountAsync(ct);
        entries = (page.SortBy, page.Descending) switch
        {
            (nameof(AuditRow.ActorName), false) => entries.OrderBy(e => e.ActorName).ThenByDescending(e => e.Sequence),
            (nameof(AuditRow.ActorName), true) => entries.OrderByDescending(e => e.ActorName).ThenByDescending(e => e.Sequence),
            (nameof(AuditRow.Action), false) => entries.OrderBy(e => e.Action).ThenByDescending(e => e.Sequence),
            (nameof(AuditRow.Action), true) => entries.OrderByDescending(e => e.Action).ThenByDescending(e => e.Sequence),
            (nameof(AuditRow.Sequence) or nameof(AuditRow.At), false) => entries.OrderBy(e => e.Sequence),
            _ => entries.OrderByDescending(e => e.Sequence),
        };
        var rows = await entries.Skip(page.Skip).Take(page.Size)
            .Select(e => new AuditRow(e.Sequence, e.At, e.ActorId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Before, e.After, e.Reason))
            .ToListAsync(ct);
        return new PagedResult<AuditRow>(rows, total);
    }

    /// <summary>An entity's own history, readable by every staff member who may see the entity.</summary>
    public async Task<IReadOnlyList<AuditRow>> HistoryAsync(string entityType, string entityId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == entityType && e.EntityId == entityId)
            .OrderBy(e => e.Sequence)
            .Select(e => new AuditRow(e.Sequence, e.At, e.ActorId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Before, e.After, e.Reason))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.AuditEntries.AsNoTracking().Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
    }
}
