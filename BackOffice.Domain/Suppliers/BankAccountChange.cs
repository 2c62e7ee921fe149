using BackOffice.Domain.Common;

namespace BackOffice.Domain.Suppliers;

public enum BankAccountChangeStatus { Pending, Approved, Rejected }

/// <summary>A request by Selection to change a supplier's bank account; takes effect when Finance approves it.</summary>
public class BankAccountChange : IHasRevision
{
    public int Id { get; private set; }
    public int SupplierId { get; private set; }
    public BankAccount NewAccount { get; private set; } = BankAccount.None;
    public string Reason { get; private set; } = "";
    public string RequestedBy { get; private set; } = "";
    public string RequestedByName { get; private set; } = "";
    public DateTime RequestedAt { get; private set; }
    public BankAccountChangeStatus Status { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public long Revision { get; set; }

    protected BankAccountChange() { }

    public BankAccountChange(int supplierId, BankAccount newAccount, string reason, Actor requester, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(newAccount.AccountNumber) || string.IsNullOrWhiteSpace(newAccount.AccountName))
            throw new DomainException("请填写户名和账号 · Account name and number are required");
        SupplierId = supplierId;
        NewAccount = newAccount;
        Reason = reason.Trim();
        RequestedBy = requester.UserId;
        RequestedByName = requester.DisplayName;
        RequestedAt = now;
        Status = BankAccountChangeStatus.Pending;
    }

    public void Approve(Supplier supplier, Actor approver, DateTime now)
    {
        Decide(approver, now, BankAccountChangeStatus.Approved);
        supplier.ChangeBankAccount(NewAccount);
    }

    public void Reject(Actor approver, DateTime now) => Decide(approver, now, BankAccountChangeStatus.Rejected);

    private void Decide(Actor approver, DateTime now, BankAccountChangeStatus outcome)
    {
        if (Status != BankAccountChangeStatus.Pending)
            throw new DomainException("该变更已处理 · This change has already been decided");
        approver.RequireOtherThan(RequestedBy, "审批银行账户变更 approving a bank account change");
        Status = outcome;
        DecidedBy = approver.UserId;
        DecidedAt = now;
    }
}
