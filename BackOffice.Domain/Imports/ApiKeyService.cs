using System.Security.Cryptography;
using System.Text;
using BackOffice.Domain.Audit;
using BackOffice.Domain.Common;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Imports;

public sealed record ApiKeyView(int Id, string Name, string Prefix, string CreatedBy, DateTime CreatedAt, DateTime? RevokedAt, string? RevokedBy)
{
    public bool IsActive => RevokedAt is null;

    /// <summary>Who an import through this key is audited as.</summary>
    public Actor AsActor() => new($"api-key:{Prefix}", Name, new HashSet<string> { ImportService.ApiClientRole });
}

/// <summary>API keys for the trading system's HTTP feeds: an Admin creates and revokes them; requests authenticate with them.</summary>
public sealed class ApiKeyService(IDbContextFactory<BackOfficeDbContext> factory, AuditTrail audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(Actor admin, CancellationToken ct = default)
    {
        admin.Require(Roles.Admin, "API key management");
        await using var db = await factory.CreateDbContextAsync(ct);
        var keys = await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.Id).ToListAsync(ct);
        return keys.Select(View).ToList();
    }

    /// <summary>Creates a key; the secret is returned once and never stored (only its SHA-256 and a display prefix are).</summary>
    public async Task<(ApiKeyView Key, string Secret)> CreateAsync(Actor admin, string name, CancellationToken ct = default)
    {
        admin.Require(Roles.Admin, "API key management");
        await using var db = await factory.CreateDbContextAsync(ct);
        var (key, secret) = ApiKey.Create(name, admin, clock.GetUtcNow().UtcDateTime);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(db, admin, "api-key.created", "ApiKey", key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            after: new { key.Name, key.Prefix }, ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (View(key), secret);
    }

    public async Task RevokeAsync(Actor admin, int id, CancellationToken ct = default)
    {
        admin.Require(Roles.Admin, "API key management");
        await using var db = await factory.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new DomainException($"找不到密钥 {id} · No API key {id}");
        key.Revoke(admin, clock.GetUtcNow().UtcDateTime);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await audit.RecordAsync(db, admin, "api-key.revoked", "ApiKey", key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            before: new { key.Name, key.Prefix, Active = true }, after: new { key.Name, key.Prefix, Active = false }, ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// The active key matching what a request presented, or null. Candidates are found by the
    /// non-secret display prefix; the hashes are compared in constant time.
    /// </summary>
    public async Task<ApiKeyView?> AuthenticateAsync(string? presented, CancellationToken ct = default)
    {
        presented = presented?.Trim();
        if (string.IsNullOrEmpty(presented) || presented.Length < 10 || presented.Length > 200) return null;
        var prefix = presented[..10];
        var hash = Encoding.ASCII.GetBytes(ApiKey.HashOf(presented));
        await using var db = await factory.CreateDbContextAsync(ct);
        var candidates = await db.ApiKeys.AsNoTracking().Where(k => k.Prefix == prefix && k.RevokedAt == null).ToListAsync(ct);
        ApiKey? match = null;
        foreach (var candidate in candidates)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, Encoding.ASCII.GetBytes(candidate.Hash))) match = candidate;
        }
        return match is null ? null : View(match);
    }

    private static ApiKeyView View(ApiKey k) => new(k.Id, k.Name, k.Prefix, k.CreatedBy, k.CreatedAt, k.RevokedAt, k.RevokedBy);
}
