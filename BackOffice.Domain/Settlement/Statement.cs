using System.Globalization;
using BackOffice.Domain.Common;

namespace BackOffice.Domain.Settlement;

public enum StatementStatus
{
    Draft,
    Issued,
    Paid,
    Settled,
    Superseded,
}

/// <summary>
/// 对账单: one supplier's month. A draft is rebuilt by every run; issuing freezes it (figures, entries,
/// file hashes); a later version supersedes it and it stays readable.
/// </summary>
public class Statement : IHasRevision
{
    public const int NumberMaxLength = 40;

    public int Id { get; private set; }
    public int SupplierId { get; private set; }
    public int Month { get; private set; }
    public int Version { get; private set; }
    public string Number { get; private set; } = "";
    public StatementStatus Status { get; private set; }
    public long AdvancesFen { get; private set; }
    public long BalancesFen { get; private set; }

    /// <summary>Shown as a positive amount that is subtracted.</summary>
    public long ClawbacksFen { get; private set; }
    public long AdjustmentsFen { get; private set; }

    /// <summary>Zero or negative: what the previous month could not pay.</summary>
    public long CarryInFen { get; private set; }
    public long PayableFen { get; private set; }

    /// <summary>Zero or negative: carried into the next month.</summary>
    public long CarryOutFen { get; private set; }
    public int EntryCount { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? IssuedAt { get; private set; }
    public string? IssuedBy { get; private set; }
    public string? VersionReason { get; private set; }
    public int? SupersededById { get; private set; }
    public string? JsonSha256 { get; private set; }
    public string? XlsxSha256 { get; private set; }
    public string? PdfSha256 { get; private set; }
    public string? PaymentReference { get; private set; }
    public DateOnly? PaidOn { get; private set; }
    public string? PaidBy { get; private set; }
    public long Revision { get; set; }

    protected Statement() { }

    public Statement(int supplierId, string supplierCode, int month, int version, DateTime now)
    {
        (SupplierId, Month, Version, Status, UpdatedAt) = (supplierId, month, version, StatementStatus.Draft, now);
        Number = FormatNumber(supplierCode, month, version);
    }

    public static string FormatNumber(string supplierCode, int month, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"ST-{supplierCode}-{month:000000}-v{version}");

    public StatementFigures Figures => new(AdvancesFen, BalancesFen, ClawbacksFen, AdjustmentsFen, EntryCount);

    public long TotalFen => AdvancesFen + BalancesFen - ClawbacksFen + AdjustmentsFen + CarryInFen;

    public bool IsFrozen => Status != StatementStatus.Draft;

    /// <summary>advances + balances − clawbacks + adjustments + carry-in; a negative total pays 0 and carries.</summary>
    public void SetFigures(StatementFigures figures, long carryInFen, DateTime now)
    {
        if (IsFrozen) throw new DomainException($"对账单 {Number} 已开具，不能修改 · Statement {Number} is issued and cannot change");
        if (carryInFen > 0) throw new ArgumentOutOfRangeException(nameof(carryInFen), "A carry-in is zero or negative.");
        if (figures == Figures && carryInFen == CarryInFen) return;
        (AdvancesFen, BalancesFen, ClawbacksFen, AdjustmentsFen, EntryCount, CarryInFen) =
            (figures.AdvancesFen, figures.BalancesFen, figures.ClawbacksFen, figures.AdjustmentsFen, figures.EntryCount, carryInFen);
        var total = TotalFen;
        PayableFen = Math.Max(0, total);
        CarryOutFen = Math.Min(0, total);
        UpdatedAt = now;
    }

    public void Issue(Actor actor, string jsonSha256, DateTime now, string? reason = null)
    {
        if (Status != StatementStatus.Draft) throw new DomainException($"对账单 {Number} 不是草稿 · Statement {Number} is not a draft");
        Status = PayableFen == 0 ? StatementStatus.Settled : StatementStatus.Issued;
        (IssuedAt, IssuedBy, JsonSha256, VersionReason) = (now, actor.UserId, jsonSha256, reason);
    }

    public void KeepFileHash(string format, string sha256)
    {
        if (!IsFrozen) return;
        switch (format)
        {
            case "xlsx": XlsxSha256 ??= sha256; break;
            case "pdf": PdfSha256 ??= sha256; break;
        }
    }

    public void Supersede(int newStatementId)
    {
        if (Status is not (StatementStatus.Issued or StatementStatus.Settled))
            throw new DomainException($"只有已开具未付款的对账单可以出新版本（{Number} 为 {Status}） · Only an issued, unpaid statement can get a new version ({Number} is {Status})");
        Status = StatementStatus.Superseded;
        SupersededById = newStatementId;
    }

    public void MarkPaid(string reference, DateOnly paidOn, Actor actor)
    {
        if (Status != StatementStatus.Issued)
            throw new DomainException($"对账单 {Number} 为 {Status}，不能付款 · Statement {Number} is {Status} and cannot be paid");
        reference = (reference ?? "").Trim();
        if (reference.Length == 0) throw new DomainException("请填写付款流水号 · Enter the payment reference");
        (PaymentReference, PaidOn, PaidBy, Status) = (reference, paidOn, actor.UserId, StatementStatus.Paid);
    }
}

public sealed record StatementFigures(long AdvancesFen, long BalancesFen, long ClawbacksFen, long AdjustmentsFen, int EntryCount)
{
    public static readonly StatementFigures None = new(0, 0, 0, 0, 0);
}
