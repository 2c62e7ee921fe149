using BackOffice.Domain.Common;
using BackOffice.Domain.Settlement;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using static BackOffice.Tests.Domain.Settlement.SettlementWorld;

namespace BackOffice.Tests.Domain.Settlement;

/// <summary>DESIGN.md "Settlement" with hand-computed figures (default terms: 800 bp, 80%, 7 / 30 days).</summary>
public sealed class SettlementRunTests
{
    private static (EntryKind, long, DateOnly)[] Shape(IEnumerable<SettlementEntry> entries) => entries.Select(e => (e.Kind, e.AmountFen, e.DueDate)).ToArray();

    [Fact]
    public async Task Run_ShippedLine_BooksAdvanceAndBalance()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await CreateAsync(db);
        var line = await world.AddLineAsync(10_000, China(2026, 10, 5));

        await world.RunAsync(2026, 10, 31);

        // s = 10000; commission 800; net 9200; advance 7360 due 10-12; balance 1840 due 11-04.
        Assert.Equal([(EntryKind.Advance, 7_360L, new DateOnly(2026, 10, 12)), (EntryKind.Balance, 1_840L, new DateOnly(2026, 11, 4))], Shape(await world.EntriesAsync(line)));
        var entries = await world.EntriesAsync(line);
        Assert.Equal([202610, 202611], entries.Select(e => e.BookedMonth));
    }

    [Fact]
    public async Task Run_AgreementTermsWithTier_RoundsHalfAwayFromZero()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await CreateAsync(db);
        var tiered = await world.AddLineAsync(100, China(2026, 10, 5), agreement: true);
        var defaults = await world.AddLineAsync(100, China(2026, 10, 5));

        await world.RunAsync(2026, 10, 31);

        // 650 bp (800 less a 150 bp tier): commission 100 × 0.065 = 6.5 → 7; net 93; advance 70% = 65.1 → 65 due +10; balance 28 due +45.
        Assert.Equal([(EntryKind.Advance, 65L, new DateOnly(2026, 10, 15)), (EntryKind.Balance, 28L, new DateOnly(2026, 11, 19))], Shape(await world.EntriesAsync(tiered)));
        // defaults: commission 8; net 92; advance 73.6 → 74; balance 18.
        Assert.Equal([(EntryKind.Advance, 74L, new DateOnly(2026, 10, 12)), (EntryKind.Balance, 18L, new DateOnly(2026, 11, 4))], Shape(await world.EntriesAsync(defaults)));
    }

    [Fact]
    public async Task Run_RefundBeforeShipment_ReducesWhatShipped()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await CreateAsync(db);
        var line = await world.AddLineAsync(10_000, China(2026, 10, 5), refundFen: 2_000, refundedAt: China(2026, 10, 3));

        await world.RunAsync(2026, 10, 31);

        // s = 8000; commission 640; net 7360; advance 5888; balance 1472; nothing clawed back.
        Assert.Equal([(EntryKind.Advance, 5_888L, new DateOnly(2026, 10, 12)), (EntryKind.Balance, 1_472L, new DateOnly(2026, 11, 4))], Shape(await world.EntriesAsync(line)));
        Assert.All(await world.EntriesAsync(line), e => Assert.Equal(8_000, e.BasisFen));
    }

    [Fact]
    public async Task Run_RefundAfterShipmentInLaterMonthThatGrows_ClawsBackTheDifference()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await CreateAsync(db);
        var line = await world.AddLineAsync(10_000, China(2026, 10, 5));
        await world.RunAsync(2026, 10, 31);

        await world.RefundAsync(line, 3_000, China(2026, 11, 10));
        await world.RunAsync(2026, 11, 15);
        await world.RefundAsync(line, 5_000, China(2026, 11, 20));
        await world.RunAsync(2026, 11, 30);

        // E(3000) = 3000 − 240 = 2760; E(5000) = 5000 − 400 = 4600, so the second clawback is 1840.
        var clawbacks = (await world.EntriesAsync(line)).Where(e => e.Kind == EntryKind.Clawback).ToList();
        Assert.Equal([(EntryKind.Clawback, -2_760L, new DateOnly(2026, 11, 10)), (EntryKind.Clawback, -1_840L, new DateOnly(2026, 11, 20))], Shape(clawbacks));
        Assert.All(clawbacks, c => Assert.Equal(202611, c.BookedMonth));
    }

    [Fact]
    public async Task Run_RefundDatedAfterThrough_WaitsForLaterRun()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await CreateAsync(db);
        var line = await world.AddLineAsync(10_000, China(2026, 10, 5), refundFen: 1_000, refundedAt: China(2026, 11, 2));

        await world.RunAsync(2026, 10, 31);
        Assert.DoesNotContain(await world.EntriesAsync(line), e => e.Kind == EntryKind.Clawback);
        await world.RunAsync(2026, 11, 30);

        Assert.Equal(-920, (await world.EntriesAsync(line)).Single(e => e.Kind == EntryKind.Clawback).AmountFen);
    }

    [Fact]
    public async Task Run_ShippedOnLastDayOfMonthInChinaTime_CountsInThatMonth()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await CreateAsync(db);
        // 2026-10-30 16:00 UTC is 2026-10-31 00:00 in China; 2026-10-31 16:00 UTC is already November.
        var lastDay = await world.AddLineAsync(10_000, new DateTime(2026, 10, 30, 16, 0, 0, DateTimeKind.Utc));
        var nextMonth = await world.AddLineAsync(10_000, new DateTime(2026, 10, 31, 16, 0, 0, DateTimeKind.Utc));

        await world.RunAsync(2026, 10, 30);
        Assert.Empty(await world.EntriesAsync(lastDay));
        await world.RunAsync(2026, 10, 31);

        Assert.Equal([new DateOnly(2026, 11, 7), new DateOnly(2026, 11, 30)], (await world.EntriesAsync(lastDay)).Select(e => e.DueDate));
        Assert.Empty(await world.EntriesAsync(nextMonth));
    }

    [Fact]
    public async Task Run_Twice_BooksNothingNewAndKeepsDrafts()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await CreateAsync(db);
        await world.AddLineAsync(10_000, China(2026, 10, 5), refundFen: 500, refundedAt: China(2026, 10, 20));
        await world.AddLineAsync(7_777, China(2026, 10, 9));
        var first = await db.Get<SettlementRunService>().RunAsync(People.FinanceChen, new DateOnly(2026, 10, 31));
        var drafts = (await world.StatementsAsync()).Select(s => (s.Number, s.PayableFen, s.CarryOutFen, s.Revision)).ToList();

        var second = await db.Get<SettlementRunService>().RunAsync(People.FinanceChen, new DateOnly(2026, 10, 31));

        Assert.True(first.EntriesBooked > 0);
        Assert.Equal(0, second.EntriesBooked);
        Assert.Equal(drafts, (await world.StatementsAsync()).Select(s => (s.Number, s.PayableFen, s.CarryOutFen, s.Revision)).ToList());
    }

    [Fact]
    public async Task Run_LateEntryOfIssuedMonth_LandsInFirstOpenMonth()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await CreateAsync(db);
        await world.AddLineAsync(10_000, China(2026, 10, 3));
        await world.RunAsync(2026, 10, 31);
        await world.IssueAsync(202610);
        var october = (await world.StatementsAsync()).Single(s => s.Month == 202610);

        var late = await world.AddLineAsync(10_000, China(2026, 10, 5));
        await world.RunAsync(2026, 10, 31);

        var advance = (await world.EntriesAsync(late)).Single(e => e.Kind == EntryKind.Advance);
        Assert.Equal(new DateOnly(2026, 10, 12), advance.DueDate);
        Assert.Equal(202611, advance.BookedMonth);
        var after = (await world.StatementsAsync()).Single(s => s.Month == 202610);
        Assert.Equal((october.PayableFen, StatementStatus.Issued), (after.PayableFen, after.Status));
    }

    [Fact]
    public async Task Statements_NegativeMonthCarriedTwice_PaysWhenPositive()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await CreateAsync(db);
        var a = await world.AddLineAsync(10_000, China(2026, 9, 1));           // advance 7360 Sep, balance 1840 Oct
        await world.RunAsync(2026, 9, 30);
        await world.IssueAsync(202609);
        await world.RefundAsync(a, 10_000, China(2026, 10, 10));             // clawback −9200 Oct
        await world.AddLineAsync(5_000, China(2026, 10, 25));                 // advance 3680 Nov, balance 920 Nov
        await world.AddLineAsync(10_000, China(2026, 11, 25));                // advance 7360 Dec, balance 1840 Dec
        await world.RunAsync(2026, 11, 30);
        await world.IssueAsync(202610);
        await world.IssueAsync(202611);

        var s = (await world.StatementsAsync()).ToDictionary(x => x.Month);
        Assert.Equal((7_360L, 0L), (s[202609].PayableFen, s[202609].CarryOutFen));
        Assert.Equal((0L, -7_360L, StatementStatus.Settled), (s[202610].PayableFen, s[202610].CarryOutFen, s[202610].Status));
        Assert.Equal((-7_360L, 0L, -2_760L, StatementStatus.Settled), (s[202611].CarryInFen, s[202611].PayableFen, s[202611].CarryOutFen, s[202611].Status));
        Assert.Equal((-2_760L, 6_440L, 0L), (s[202612].CarryInFen, s[202612].PayableFen, s[202612].CarryOutFen));
        Assert.Equal(ToSum(await world.EntriesAsync()), s.Values.Sum(x => x.PayableFen) + s[202612].CarryOutFen);
    }

    [Fact]
    public async Task Run_PortableWriter_BooksTheSameLedgerAsSqliteWriter()
    {
        async Task<(IEnumerable<object> Entries, IEnumerable<object> Statements)> LedgerAsync(bool portable)
        {
            await using var db = await TestDatabase.CreateAsync();
            var world = await CreateAsync(db);
            var refunded = await world.AddLineAsync(10_000, China(2026, 10, 5));
            await world.AddLineAsync(100, China(2026, 10, 5), agreement: true);
            await world.AddLineAsync(10_000, China(2026, 10, 5), refundFen: 2_000, refundedAt: China(2026, 10, 3));
            for (var i = 0; i < 700; i++) await world.AddLineAsync(1_000 + i, China(2026, 9, 1 + (i % 30)), agreement: i % 2 == 0);
            var run = new SettlementRunService(db.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<BackOffice.Domain.Persistence.BackOfficeDbContext>>(),
                db.Get<BackOffice.Domain.Audit.AuditTrail>(), db.Clock, db.Get<BackOffice.Domain.Sales.SettlementDefaults>(), db.Get<StatementDrafts>()) { PortableWriter = portable };
            await run.RunAsync(People.FinanceChen, new DateOnly(2026, 10, 31));
            await world.RefundAsync(refunded, 3_000, China(2026, 11, 10));
            await run.RunAsync(People.FinanceChen, new DateOnly(2026, 11, 30));
            var entries = (await world.EntriesAsync()).Select(e => (object)(e.Kind, e.OrderLineId, e.SaleId, e.AmountFen, e.BasisFen, e.DueDate, e.BookedMonth, e.BookedAt)).ToList();
            var statements = (await world.StatementsAsync()).Select(s => (object)(s.Number, s.PayableFen, s.CarryOutFen, s.EntryCount)).ToList();
            return (entries, statements);
        }

        var sqlite = await LedgerAsync(portable: false);
        var portable = await LedgerAsync(portable: true);

        Assert.Equal(1_400 + 7, sqlite.Entries.Count());
        Assert.Equal(sqlite.Entries, portable.Entries);
        Assert.Equal(sqlite.Statements, portable.Statements);
    }

    [Fact]
    public async Task Run_Analyst_IsRefused()
    {
        await using var db = await TestDatabase.CreateAsync();
        await Assert.ThrowsAsync<AccessDeniedException>(() => db.Get<SettlementRunService>().RunAsync(People.Analyst, new DateOnly(2026, 10, 31)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => db.Get<StatementService>().IssueMonthAsync(People.Admin, 202610));
        await Assert.ThrowsAsync<AccessDeniedException>(() => db.Get<PaymentService>().MarkPaidAsync(People.SelectionLi, [1], "x", new DateOnly(2026, 11, 1)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => db.Get<AdjustmentService>().ProposeAsync(People.ManagerWang, 1, AdjustmentType.Other, new Money(100), "x"));
    }

    private static long ToSum(IEnumerable<SettlementEntry> entries) => entries.Sum(e => e.AmountFen);
}
