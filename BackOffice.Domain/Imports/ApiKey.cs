using System.Security.Cryptography;
using System.Text;
using BackOffice.Domain.Common;

namespace BackOffice.Domain.Imports;

/// <summary>
/// A key the trading system uses to push data. Only the SHA-256 of the key is stored; the key is
/// shown once when an Admin creates it.
/// </summary>
public class ApiKey
{
    public const int NameMaxLength = 100;
    public const string KeyPrefix = "bo_";

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Prefix { get; private set; } = "";
    public string Hash { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }

    protected ApiKey() { }

    private ApiKey(string name, string prefix, string hash, Actor creator, DateTime now)
    {
        (Name, Prefix, Hash, CreatedBy, CreatedAt) = (name, prefix, hash, creator.UserId, now);
    }

    /// <summary>A new key and the secret to show once.</summary>
    public static (ApiKey Key, string Secret) Create(string name, Actor creator, DateTime now)
    {
        name = (name ?? "").Trim();
        if (name.Length is 0 or > NameMaxLength) throw new DomainException($"名称须为 1–{NameMaxLength} 字 · The name must have 1–{NameMaxLength} characters");
        var secret = KeyPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        return (new ApiKey(name, secret[..10], HashOf(secret), creator, now), secret);
    }

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public bool IsActive => RevokedAt is null;

    public void Revoke(Actor admin, DateTime now)
    {
        if (RevokedAt is not null) throw new DomainException("该密钥已吊销 · This key is already revoked");
        RevokedAt = now;
        RevokedBy = admin.UserId;
    }
}
