using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Audit;

public sealed record AuditVerification(bool IsIntact, long EntriesChecked, long? FirstBrokenSequence, string Message);

/// <summary>Walks the chain in order and names the first entry whose content or link does not match.</summary>
public sealed class AuditVerifier(IDbContextFactory<BackOfficeDbContext> factory)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var previousHash = AuditEntry.GenesisHash;
        long expected = 1, checkedCount = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            string? problem = null;
            if (entry.Sequence != expected) problem = $"条目 #{expected} 缺失（下一条为 #{entry.Sequence}） · Entry #{expected} is missing (next is #{entry.Sequence})";
            else if (entry.PreviousHash != previousHash) problem = $"条目 #{entry.Sequence} 与上一条的链接不符 · Entry #{entry.Sequence} does not link to the entry before it";
            else if (entry.ComputeHash() != entry.Hash) problem = $"条目 #{entry.Sequence} 的内容已被修改 · Entry #{entry.Sequence} was altered after it was written";
            if (problem is not null) return new AuditVerification(false, checkedCount, Math.Min(expected, entry.Sequence), problem);
            previousHash = entry.Hash;
            expected++;
            checkedCount++;
        }
        return new AuditVerification(true, checkedCount, null, $"审计链完整，共 {checkedCount} 条 · The audit chain is intact: {checkedCount} entries");
    }
}
