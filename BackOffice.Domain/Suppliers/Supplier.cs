using BackOffice.Domain.Common;

namespace BackOffice.Domain.Suppliers;

/// <summary>供应商: a company that owns brands and is paid by settlement.</summary>
public class Supplier : IHasRevision
{
    public const int NameMaxLength = 100;

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string CreditCode { get; private set; } = "";
    public string ContactName { get; private set; } = "";
    public string ContactPhone { get; private set; } = "";
    public BankAccount BankAccount { get; private set; } = BankAccount.None;
    public DateTime CreatedAt { get; private set; }
    public long Revision { get; set; }

    protected Supplier() { }

    public Supplier(string code, string name, UnifiedSocialCreditCode creditCode, string contactName, string contactPhone, BankAccount bankAccount, DateTime createdAt)
    {
        Code = code;
        CreditCode = creditCode.Value;
        BankAccount = bankAccount;
        CreatedAt = createdAt;
        Edit(name, contactName, contactPhone);
    }

    public void Edit(string name, string contactName, string contactPhone)
    {
        name = (name ?? "").Trim();
        if (name.Length == 0) throw new DomainException("请填写供应商名称 · Supplier name is required");
        if (name.Length > NameMaxLength) throw new DomainException($"供应商名称最多 {NameMaxLength} 字 · Supplier name is at most {NameMaxLength} characters");
        Name = name;
        ContactName = (contactName ?? "").Trim();
        ContactPhone = (contactPhone ?? "").Trim();
    }

    /// <summary>Only an approved change request calls this (four eyes, Finance).</summary>
    internal void ChangeBankAccount(BankAccount account) => BankAccount = account;
}

/// <summary>Where a supplier is paid.</summary>
public sealed record BankAccount(string AccountName, string BankName, string AccountNumber)
{
    /// <summary>A fresh instance each time: EF tracks an owned value per owner, so owners must not share one.</summary>
    public static BankAccount None => new("", "", "");

    public string Masked => AccountNumber.Length <= 4 ? AccountNumber : new string('*', AccountNumber.Length - 4) + AccountNumber[^4..];
}
