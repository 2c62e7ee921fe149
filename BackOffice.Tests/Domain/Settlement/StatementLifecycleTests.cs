using BackOffice.Domain.Common;
using BackOffice.Domain.Settlement;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static BackOffice.Tests.Domain.Settlement.SettlementWorld;

namespace BackOffice.Tests.Domain.Settlement;

public sealed class StatementLifecycleTests
{
    [Fact]
    public async Task Approve_ByMaker_IsRefusedByAnotherFinanceUserBooked()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await CreateAsync(db);
        var adjustments = db.Get<AdjustmentService>();
        var id = await adjustments.ProposeAsync(People.FinanceChen, world.SupplierId, AdjustmentType.MarketingFee, new Money(-5_000), "十月营销费用");

        await Assert.ThrowsAsync<DomainException>(() => adjustments.ApproveAsync(People.FinanceChen, id, 0));
        var waiting = await db.Get<BackOffice.Domain.Home.HomeService>().WaitingForAsync(People.FinanceZhao);
        Assert.Contains(waiting, w => w.Kind == "AdjustmentApproval");
        Assert.DoesNotContain(await db.Get<BackOffice.Domain.Home.HomeService>().WaitingForAsync(People.FinanceChen), w => w.Kind == "AdjustmentApproval");
        await adjustments.ApproveAsync(People.FinanceZhao, id, 0);

        var entry = Assert.Single(await world.EntriesAsync());
        Assert.Equal((EntryKind.Adjustment, -5_000L, 202611), (entry.Kind, entry.AmountFen, entry.BookedMonth));
        var draft = Assert.Single(await world.StatementsAsync());
        Assert.Equal((0L, -5_000L, -5_000L), (draft.PayableFen, draft.AdjustmentsFen, draft.CarryOutFen));
    }

    [Fact]
    public async Task Issue_MonthsOutOfOrder_IsRefused()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await CreateAsync(db);
        await world.AddLineAsync(10_000, China(2026, 10, 5));
        await world.RunAsync(2026, 10, 31);

        var error = await Assert.ThrowsAsync<DomainException>(() => world.IssueAsync(202611));
        Assert.Contains("2026-10", error.Message);
    }

    [Fact]
    public async Task Issue_Statement_IsFrozenNumberedHashedAndClosesSales()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await CreateAsync(db);
        await world.AddLineAsync(10_000, China(2026, 10, 1));
        await world.RunAsync(2026, 10, 31);
        await world.IssueAsync(202610);

        var october = (await world.StatementsAsync()).First();
        Assert.Equal("ST-SUP-000123-202610-v1", october.Number);
        Assert.Equal(StatementStatus.Issued, october.Status);
        Assert.Matches("^[0-9a-f]{64}$", october.JsonSha256!);
        Assert.Throws<DomainException>(() => october.SetFigures(StatementFigures.None, 0, DateTime.UtcNow));
        var json = await db.Get<StatementFiles>().GetAsync(People.FinanceChen, october.Id, "json");
        Assert.Equal(october.JsonSha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(json)));
        await using var ctx = db.NewContext();
        Assert.True((await ctx.Sales.FirstAsync(s => s.Id == world.DefaultSaleId)).SettlementClosed);
    }

    [Fact]
    public async Task Dispute_ResolvedByNewVersion_SupersedesAndKeepsOldReadable()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await CreateAsync(db);
        await world.AddLineAsync(10_000, China(2026, 10, 1));
        await world.RunAsync(2026, 10, 31);
        await world.IssueAsync(202610);
        var v1 = (await world.StatementsAsync()).First();
        var statements = db.Get<StatementService>();
        var entry = (await world.EntriesAsync()).First(e => e.StatementId == v1.Id);
        var dispute = await statements.RaiseDisputeAsync(People.FinanceChen, v1.Id, [entry.Id], "供应商称预付款少算 ¥10");
        var adjustments = db.Get<AdjustmentService>();
        var adjustment = await adjustments.ProposeAsync(People.FinanceChen, world.SupplierId, AdjustmentType.Other, new Money(1_000), "补足预付款", dispute, forNewVersion: true);
        await adjustments.ApproveAsync(People.FinanceZhao, adjustment, 0);

        var v2Id = await statements.IssueNewVersionAsync(People.FinanceZhao, dispute, "补足预付款 ¥10");

        var all = await world.StatementsAsync();
        var old = all.Single(s => s.Id == v1.Id);
        var v2 = all.Single(s => s.Id == v2Id);
        Assert.Equal((StatementStatus.Superseded, v2Id), (old.Status, old.SupersededById));
        // Shipped 10-01: advance 7360 due 10-08 and balance 1840 due 10-31, both October.
        Assert.Equal(("ST-SUP-000123-202610-v2", 9_200L + 1_000L, StatementStatus.Issued), (v2.Number, v2.PayableFen, v2.Status));
        Assert.Equal(9_200, (await statements.DocumentAsync(v1.Id)).Entries.Sum(e => e.AmountFen));
        Assert.Equal(10_200, (await statements.DocumentAsync(v2Id)).Entries.Sum(e => e.AmountFen));
    }

    [Fact]
    public async Task Dispute_ResolvedByAdjustment_BooksInFirstOpenMonth()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await CreateAsync(db);
        await world.AddLineAsync(10_000, China(2026, 10, 1));
        await world.RunAsync(2026, 10, 31);
        await world.IssueAsync(202610);
        var v1 = (await world.StatementsAsync()).First();
        var entry = (await world.EntriesAsync()).First(e => e.StatementId == v1.Id);
        var dispute = await db.Get<StatementService>().RaiseDisputeAsync(People.FinanceChen, v1.Id, [entry.Id], "少算");
        var adjustment = await db.Get<AdjustmentService>().ProposeAsync(People.FinanceChen, world.SupplierId, AdjustmentType.AfterSaleCompensation, new Money(300), "补偿", dispute);
        await db.Get<AdjustmentService>().ApproveAsync(People.FinanceZhao, adjustment, 0);

        Assert.Equal(202611, (await world.EntriesAsync()).Single(e => e.AdjustmentId == adjustment).BookedMonth);
        await using var ctx = db.NewContext();
        Assert.Equal(DisputeStatus.ResolvedByAdjustment, (await ctx.Disputes.SingleAsync()).Status);
    }

    [Fact]
    public async Task MarkPaid_ManyAtOnce_PaysIssuedAndRefusesTwice()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await CreateAsync(db);
        var other = await CreateAsync(db, "SUP-000124", "宁波海之味食品有限公司");
        await world.AddLineAsync(10_000, China(2026, 10, 1));
        await other.AddLineAsync(20_000, China(2026, 10, 2));
        await world.RunAsync(2026, 10, 31);
        await world.IssueAsync(202610);
        var ids = (await world.StatementsAsync()).Concat(await other.StatementsAsync()).Where(s => s.Month == 202610).Select(s => s.Id).ToList();

        await using (var csv = new MemoryStream())
        {
            Assert.Equal(2, await db.Get<BankBatchFile>().WriteAsync(People.FinanceChen, 202610, csv));
            var text = System.Text.Encoding.UTF8.GetString(csv.ToArray());
            Assert.Contains("宁波海之味食品有限公司,中国工商银行杭州分行,62220202001122331,147.20,ST-SUP-000124-202610-v1", text);
        }
        await db.Get<PaymentService>().MarkPaidAsync(People.FinanceZhao, ids, "BATCH-20261105", new DateOnly(2026, 11, 5));

        Assert.All((await world.StatementsAsync()).Where(s => s.Month == 202610), s => Assert.Equal((StatementStatus.Paid, "BATCH-20261105"), (s.Status, s.PaymentReference)));
        await Assert.ThrowsAsync<DomainException>(() => db.Get<PaymentService>().MarkPaidAsync(People.FinanceZhao, ids, "AGAIN", new DateOnly(2026, 11, 6)));
    }
}
