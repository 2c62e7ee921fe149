using System.Globalization;
using System.Text;
using BackOffice.Domain.Audit;
using BackOffice.Domain.Common;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Persistence;
using BackOffice.Domain.Reporting.Csv;
using BackOffice.Domain.Reporting.Definitions;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Settlement;

/// <summary>付款: marks issued statements paid, one by one or many at once from a bank batch.</summary>
public sealed class PaymentService(IDbContextFactory<BackOfficeDbContext> factory, AuditTrail audit)
{
    public async Task MarkPaidAsync(Actor actor, IReadOnlyCollection<int> statementIds, string reference, DateOnly paidOn, CancellationToken ct = default)
    {
        actor.Require(Roles.Finance, "payments");
        if (statementIds.Count == 0) throw new DomainException("请选择对账单 · Choose statements");
        await using var db = await factory.CreateDbContextAsync(ct);
        var ids = statementIds.Distinct().ToList();
        var statements = await db.Statements.Where(s => ids.Contains(s.Id)).ToListAsync(ct);
        if (statements.Count != ids.Count) throw new DomainException("有对账单不存在 · Some statements do not exist");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var statement in statements.OrderBy(s => s.Number))
        {
            statement.MarkPaid(reference, paidOn, actor);
            await audit.RecordAsync(db, actor, "statement.paid", "Statement", statement.Number,
                before: new { Status = "Issued" }, after: new { Status = "Paid", statement.PayableFen, Reference = reference.Trim(), PaidOn = paidOn }, ct: ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}

/// <summary>
/// 银行批量付款文件: the issued, unpaid statements of a month as CSV (reports/statement-bank-batch.json):
/// payee name, bank account, amount in yuan, statement number.
/// </summary>
public sealed class BankBatchFile(IDbContextFactory<BackOfficeDbContext> factory, ReportCatalog reports)
{
    public const string ReportId = "statement-bank-batch";

    public async Task<int> WriteAsync(Actor actor, int month, Stream output, CancellationToken ct = default)
    {
        actor.Require(Roles.Finance, "bank batch file");
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await (from s in db.Statements.AsNoTracking()
                          join p in db.Suppliers on s.SupplierId equals p.Id
                          where s.Month == month && s.Status == StatementStatus.Issued && s.PayableFen > 0
                          orderby s.Number
                          select new { p.Name, p.BankAccount.AccountName, p.BankAccount.BankName, p.BankAccount.AccountNumber, s.PayableFen, s.Number }).ToListAsync(ct);
        ReportRenderer.WriteCsv(reports.Get(ReportId), rows.Select(r => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["payeeName"] = string.IsNullOrWhiteSpace(r.AccountName) ? r.Name : r.AccountName,
            ["bankName"] = r.BankName,
            ["bankAccount"] = r.AccountNumber,
            ["amount"] = r.PayableFen,
            ["statementNumber"] = r.Number,
        }), output);
        return rows.Count;
    }
}
