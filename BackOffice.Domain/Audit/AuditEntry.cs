using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BackOffice.Domain.Audit;

/// <summary>
/// One business action: who, when, what, before → after, reason. Each entry holds the SHA-256 of
/// its content and of the previous entry, so a changed or deleted row breaks the chain.
/// </summary>
public class AuditEntry
{
    public long Id { get; private set; }
    public long Sequence { get; private set; }
    public DateTime At { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";
    public string? Before { get; private set; }
    public string? After { get; private set; }
    public string? Reason { get; private set; }
    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";

    protected AuditEntry() { }

    internal AuditEntry(long sequence, DateTime at, string actorId, string actorName, string action, string entityType, string entityId,
        string? before, string? after, string? reason, string previousHash)
    {
        (Sequence, At, ActorId, ActorName, Action, EntityType, EntityId, Before, After, Reason, PreviousHash) =
            (sequence, DateTime.SpecifyKind(new DateTime(at.Ticks - at.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc),
             actorId, actorName, action, entityType, entityId, before, after, reason, previousHash);
        Hash = ComputeHash();
    }

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Hash of the content and the previous hash, fields separated so no two layouts collide.</summary>
    public string ComputeHash()
    {
        var content = string.Join('\u001f',
            Sequence.ToString(CultureInfo.InvariantCulture),
            At.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            ActorId, ActorName, Action, EntityType, EntityId,
            Before ?? "\u2400", After ?? "\u2400", Reason ?? "\u2400", PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }
}
