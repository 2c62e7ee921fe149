using BackOffice.Domain.Common;

namespace BackOffice.Domain.Settlement;

public enum DisputeStatus
{
    Open,
    ResolvedByAdjustment,
    ResolvedByNewVersion,
}

/// <summary>异议: a supplier questions lines of an issued statement; Finance records and resolves it.</summary>
public class Dispute : IHasRevision
{
    public const int NoteMaxLength = 2000;

    public int Id { get; private set; }
    public int StatementId { get; private set; }
    public int SupplierId { get; private set; }

    /// <summary>The disputed entry ids, comma separated.</summary>
    public string EntryIds { get; private set; } = "";
    public string Note { get; private set; } = "";
    public string RaisedBy { get; private set; } = "";
    public DateTime RaisedAt { get; private set; }
    public DisputeStatus Status { get; private set; }
    public string? Resolution { get; private set; }
    public int? AdjustmentId { get; private set; }
    public int? NewStatementId { get; private set; }
    public DateTime? ResolvedAt { get; private set; }
    public long Revision { get; set; }

    protected Dispute() { }

    public Dispute(Statement statement, IReadOnlyCollection<long> entryIds, string note, Actor actor, DateTime now)
    {
        if (statement.Status is not (StatementStatus.Issued or StatementStatus.Paid or StatementStatus.Settled))
            throw new DomainException("只能对已开具的对账单提出异议 · Only an issued statement can be disputed");
        note = (note ?? "").Trim();
        if (note.Length == 0) throw new DomainException("请填写异议说明 · Describe the dispute");
        if (note.Length > NoteMaxLength) throw new DomainException($"说明最多 {NoteMaxLength} 字 · At most {NoteMaxLength} characters");
        (StatementId, SupplierId, Note, RaisedBy, RaisedAt, Status) = (statement.Id, statement.SupplierId, note, actor.UserId, now, DisputeStatus.Open);
        EntryIds = string.Join(',', entryIds.Distinct().Order());
    }

    public IReadOnlyList<long> EntryIdList => EntryIds.Length == 0 ? [] : EntryIds.Split(',').Select(long.Parse).ToList();

    public void ResolveByAdjustment(int adjustmentId, DateTime now) => Resolve(DisputeStatus.ResolvedByAdjustment, $"adjustment #{adjustmentId}", now, adjustmentId, null);

    public void ResolveByNewVersion(int statementId, string reason, DateTime now) => Resolve(DisputeStatus.ResolvedByNewVersion, reason, now, null, statementId);

    private void Resolve(DisputeStatus status, string resolution, DateTime now, int? adjustmentId, int? statementId)
    {
        if (Status != DisputeStatus.Open) throw new DomainException("该异议已解决 · This dispute is already resolved");
        (Status, Resolution, ResolvedAt, AdjustmentId, NewStatementId) = (status, resolution, now, adjustmentId, statementId);
    }
}
