using BackOffice.Domain.Audit;
using BackOffice.Domain.Brands;
using BackOffice.Domain.Common;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Suppliers;

/// <summary>What the supplier form edits.</summary>
public sealed class SupplierInput
{
    public string Name { get; set; } = "";
    public string CreditCode { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string BankAccountName { get; set; } = "";
    public string BankName { get; set; } = "";
    public string BankAccountNumber { get; set; } = "";
}

public sealed record SupplierRow(int Id, string Code, string Name, string CreditCode, string ContactName, int Brands, bool BankChangePending, DateTime CreatedAt);

public sealed record BankChangeView(int Id, BankAccount NewAccount, string Reason, string RequestedBy, string RequestedByName, DateTime RequestedAt,
    BankAccountChangeStatus Status, string? DecidedBy, DateTime? DecidedAt, long Revision);

public sealed record SupplierBrandRow(int Id, string NameZh, string NameLatin, string Category, BrandStatus Status);

public sealed record SupplierDetail(int Id, string Code, string Name, string CreditCode, string ContactName, string ContactPhone, BankAccount BankAccount,
    DateTime CreatedAt, long Revision, IReadOnlyList<BankChangeView> BankChanges, IReadOnlyList<SupplierBrandRow> Brands);

/// <summary>Registering and editing suppliers; bank account changes are requested by Selection and approved by Finance (four eyes).</summary>
public sealed class SupplierService(IDbContextFactory<BackOfficeDbContext> factory, AuditTrail audit, TimeProvider clock)
{
    public async Task<PagedResult<SupplierRow>> SearchAsync(string? search, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var suppliers = db.Suppliers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            var upper = s.ToUpperInvariant();
            suppliers = suppliers.Where(x => x.Name.Contains(s) || x.Code.Contains(upper) || x.CreditCode.Contains(upper) || x.ContactName.Contains(s));
        }
        var total = await suppliers.CountAsync(ct);
        suppliers = (page.SortBy, page.Descending) switch
        {
            (nameof(SupplierRow.Name), false) => suppliers.OrderBy(x => x.Name),
            (nameof(SupplierRow.Name), true) => suppliers.OrderByDescending(x => x.Name),
            (nameof(SupplierRow.CreatedAt), false) => suppliers.OrderBy(x => x.Id),
            (nameof(SupplierRow.CreatedAt), true) => suppliers.OrderByDescending(x => x.Id),
            (_, true) => suppliers.OrderByDescending(x => x.Code),
            _ => suppliers.OrderBy(x => x.Code),
        };
        var rows = await suppliers.Skip(page.Skip).Take(page.Size)
            .Select(x => new SupplierRow(x.Id, x.Code, x.Name, x.CreditCode, x.ContactName,
                db.Brands.Count(b => b.SupplierId == x.Id),
                db.BankAccountChanges.Any(c => c.SupplierId == x.Id && c.Status == BankAccountChangeStatus.Pending),
                x.CreatedAt))
            .ToListAsync(ct);
        return new PagedResult<SupplierRow>(rows, total);
    }

    public async Task<SupplierDetail?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var s = await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return null;
        var changes = await db.BankAccountChanges.AsNoTracking().Where(c => c.SupplierId == id).OrderByDescending(c => c.RequestedAt).ToListAsync(ct);
        var brands = await db.Brands.AsNoTracking().Where(b => b.SupplierId == id).OrderBy(b => b.NameZh)
            .Select(b => new SupplierBrandRow(b.Id, b.NameZh, b.NameLatin, b.Category, b.Status)).ToListAsync(ct);
        return new SupplierDetail(s.Id, s.Code, s.Name, s.CreditCode, s.ContactName, s.ContactPhone, s.BankAccount, s.CreatedAt, s.Revision,
            changes.Select(c => new BankChangeView(c.Id, c.NewAccount, c.Reason, c.RequestedBy, c.RequestedByName, c.RequestedAt, c.Status, c.DecidedBy, c.DecidedAt, c.Revision)).ToList(),
            brands);
    }

    /// <summary>Suppliers for a picker (brand application form).</summary>
    public async Task<IReadOnlyList<(int Id, string Code, string Name)>> PickListAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Suppliers.AsNoTracking().OrderBy(s => s.Code).Select(s => new { s.Id, s.Code, s.Name }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Code, r.Name)).ToList();
    }

    public async Task<int> RegisterAsync(Actor actor, SupplierInput input, CancellationToken ct = default)
    {
        actor.Require(Roles.Selection, "登记供应商 registering a supplier");
        var code = UnifiedSocialCreditCode.Parse(input.CreditCode);
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await RefuseDuplicateAsync(db, code, null, ct);
        var next = await SequentialCode.NextAsync(db.Suppliers.Select(s => s.Code), "SUP-", 6, ct);
        var account = new BankAccount(input.BankAccountName.Trim(), input.BankName.Trim(), input.BankAccountNumber.Trim());
        var supplier = new Supplier(SupplierCode.Format(next), input.Name, code, input.ContactName, input.ContactPhone, account, clock.GetUtcNow().UtcDateTime);
        db.Suppliers.Add(supplier);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(db, actor, "supplier.registered", "Supplier", supplier.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), after: Snapshot(supplier), ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return supplier.Id;
    }

    public async Task EditAsync(Actor actor, int id, long revision, SupplierInput input, CancellationToken ct = default)
    {
        actor.Require(Roles.Selection, "修改供应商 editing a supplier");
        await using var db = await factory.CreateDbContextAsync(ct);
        var supplier = await LoadAsync(db, id, revision, ct);
        var before = Snapshot(supplier);
        supplier.Edit(input.Name, input.ContactName, input.ContactPhone);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await audit.RecordAsync(db, actor, "supplier.edited", "Supplier", Id(id), before, Snapshot(supplier), ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task<int> RequestBankChangeAsync(Actor actor, int supplierId, BankAccount account, string reason, CancellationToken ct = default)
    {
        actor.Require(Roles.Selection, "申请变更银行账户 requesting a bank account change");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("请填写变更理由 · Give a reason for the change");
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var supplier = await db.Suppliers.FirstOrDefaultAsync(s => s.Id == supplierId, ct) ?? throw NotFound(supplierId);
        if (await db.BankAccountChanges.AnyAsync(c => c.SupplierId == supplierId && c.Status == BankAccountChangeStatus.Pending, ct))
            throw new DomainException("已有一项待财务审批的银行账户变更 · A bank account change is already waiting for Finance");
        var change = new BankAccountChange(supplierId, account with { AccountName = account.AccountName.Trim(), BankName = account.BankName.Trim(), AccountNumber = account.AccountNumber.Trim() },
            reason, actor, clock.GetUtcNow().UtcDateTime);
        db.BankAccountChanges.Add(change);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(db, actor, "bank-change.requested", "BankAccountChange", Id(change.Id),
            new { SupplierId = supplierId, supplier.Code, Account = supplier.BankAccount.Masked }, new { SupplierId = supplierId, supplier.Code, account.AccountName, account.BankName, Account = change.NewAccount.Masked }, reason, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return change.Id;
    }

    public async Task ApproveBankChangeAsync(Actor actor, int changeId, long revision, CancellationToken ct = default)
    {
        actor.Require(Roles.Finance, "审批银行账户变更 approving a bank account change");
        await using var db = await factory.CreateDbContextAsync(ct);
        var change = await LoadChangeAsync(db, changeId, revision, ct);
        var supplier = await db.Suppliers.FirstAsync(s => s.Id == change.SupplierId, ct);
        var before = supplier.BankAccount.Masked;
        change.Approve(supplier, actor, clock.GetUtcNow().UtcDateTime);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await audit.RecordAsync(db, actor, "bank-change.approved", "BankAccountChange", Id(changeId), new { Account = before }, new { Account = change.NewAccount.Masked }, ct: ct);
        await audit.RecordAsync(db, actor, "supplier.bank-account-changed", "Supplier", Id(supplier.Id), new { Account = before }, new { Account = change.NewAccount.Masked, ChangeId = changeId }, ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task RejectBankChangeAsync(Actor actor, int changeId, long revision, string reason, CancellationToken ct = default)
    {
        actor.Require(Roles.Finance, "驳回银行账户变更 rejecting a bank account change");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("驳回需填写理由 · Rejecting needs a reason");
        await using var db = await factory.CreateDbContextAsync(ct);
        var change = await LoadChangeAsync(db, changeId, revision, ct);
        change.Reject(actor, clock.GetUtcNow().UtcDateTime);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await audit.RecordAsync(db, actor, "bank-change.rejected", "BankAccountChange", Id(changeId), null, new { change.Status }, reason, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static async Task RefuseDuplicateAsync(BackOfficeDbContext db, UnifiedSocialCreditCode code, int? exceptId, CancellationToken ct)
    {
        var existing = await db.Suppliers.AsNoTracking().Where(s => s.CreditCode == code.Value && s.Id != exceptId).Select(s => new { s.Code, s.Name }).FirstOrDefaultAsync(ct);
        if (existing is not null)
            throw new DomainException($"该统一社会信用代码已登记为 {existing.Code} {existing.Name} · This credit code is already registered as {existing.Code} {existing.Name}");
    }

    private static async Task<Supplier> LoadAsync(BackOfficeDbContext db, int id, long revision, CancellationToken ct)
    {
        var supplier = await db.Suppliers.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw NotFound(id);
        if (supplier.Revision != revision) throw new ConcurrencyConflictException();
        db.Entry(supplier).Property(s => s.Revision).OriginalValue = revision;
        return supplier;
    }

    private static async Task<BankAccountChange> LoadChangeAsync(BackOfficeDbContext db, int id, long revision, CancellationToken ct)
    {
        var change = await db.BankAccountChanges.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new DomainException($"找不到银行账户变更 {id} · No bank account change {id}");
        if (change.Revision != revision) throw new ConcurrencyConflictException();
        db.Entry(change).Property(c => c.Revision).OriginalValue = revision;
        return change;
    }

    private static DomainException NotFound(int id) => new($"找不到供应商 {id} · No supplier {id}");

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static object Snapshot(Supplier s) => new { s.Code, s.Name, s.CreditCode, s.ContactName, s.ContactPhone, Account = s.BankAccount.Masked };
}
