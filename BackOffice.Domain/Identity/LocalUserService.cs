using BackOffice.Domain.Audit;
using BackOffice.Domain.Common;
using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Identity;

public sealed record LocalUserView(string Id, string DisplayName, IReadOnlySet<string> Roles, bool IsActive, long Revision);

/// <summary>Local users (development and demo sign-in), managed by an Admin.</summary>
public sealed class LocalUserService(IDbContextFactory<BackOfficeDbContext> factory, AuditTrail audit)
{
    public async Task<IReadOnlyList<LocalUserView>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var users = await db.LocalUsers.AsNoTracking().OrderBy(u => u.Id).ToListAsync(ct);
        return users.Select(View).ToList();
    }

    /// <summary>The active user with this id, or null; used by sign-in and revalidation.</summary>
    public async Task<LocalUserView?> FindActiveAsync(string id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var user = await db.LocalUsers.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id && u.IsActive, ct);
        return user is null ? null : View(user);
    }

    /// <summary>Makes sure the personas exist, so a fresh database can be signed into.</summary>
    public async Task EnsurePersonasAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var existing = await db.LocalUsers.Select(u => u.Id).ToListAsync(ct);
        var missing = Personas.All.Where(p => !existing.Contains(p.Id)).ToList();
        if (missing.Count == 0) return;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (id, name, roles) in missing)
        {
            db.LocalUsers.Add(new LocalUser(id, name, roles));
        }
        await audit.RecordAsync(db, Actor.System, "users.personas-created", "LocalUser", "*", after: missing.Select(p => p.Id), ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task CreateAsync(Actor admin, string id, string displayName, IReadOnlyCollection<string> roles, CancellationToken ct = default)
    {
        admin.Require(Roles.Admin, "user management");
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.LocalUsers.AnyAsync(u => u.Id == id.Trim(), ct))
            throw new DomainException($"用户 {id} 已存在 · User {id} already exists");
        var user = new LocalUser(id, displayName, roles);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.LocalUsers.Add(user);
        await audit.RecordAsync(db, admin, "user.created", "LocalUser", user.Id, after: Snapshot(user), ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task UpdateAsync(Actor admin, string id, long revision, string displayName, IReadOnlyCollection<string> roles, bool isActive, CancellationToken ct = default)
    {
        admin.Require(Roles.Admin, "user management");
        await using var db = await factory.CreateDbContextAsync(ct);
        var user = await db.LocalUsers.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new DomainException($"找不到用户 {id} · No user {id}");
        db.Entry(user).Property(u => u.Revision).OriginalValue = revision;
        if (user.Id == admin.UserId && (!isActive || !roles.Contains(Roles.Admin)))
            throw new DomainException("不能移除自己的管理员权限 · You cannot remove your own Admin access");
        var before = Snapshot(user);
        user.Rename(displayName);
        user.SetRoles(roles);
        if (isActive) user.Activate(); else user.Deactivate();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await audit.RecordAsync(db, admin, "user.updated", "LocalUser", user.Id, before, Snapshot(user), ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static object Snapshot(LocalUser u) => new { u.Id, u.DisplayName, Roles = u.RolesText, u.IsActive };

    private static LocalUserView View(LocalUser u) => new(u.Id, u.DisplayName, u.Roles, u.IsActive, u.Revision);
}
