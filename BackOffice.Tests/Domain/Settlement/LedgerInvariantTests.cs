using BackOffice.Domain.Settlement;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static BackOffice.Tests.Domain.Settlement.SettlementWorld;

namespace BackOffice.Tests.Domain.Settlement;

/// <summary>DESIGN.md's invariant: over a supplier's history, Σ paid + final carry = Σ entries, to the fen.</summary>
public sealed class LedgerInvariantTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task History_RandomShipmentsRefundsAndAdjustments_PaidPlusCarryEqualsEntries(int seed)
    {
        var random = new Random(seed);
        await using var db = await TestDatabase.CreateAsync(new DateTimeOffset(2026, 7, 1, 2, 0, 0, TimeSpan.Zero));
        var world = await CreateAsync(db);
        var open = new List<(long Id, long Paid, long Refund, DateTime? Shipped)>();
        for (var month = 7; month <= 12; month++)
        {
            var days = DateTime.DaysInMonth(2026, month);
            for (var i = 0; i < 12; i++)
            {
                var paid = (long)random.Next(1, 50_000);
                var orderedDay = random.Next(1, days + 1);
                var refundFirst = random.Next(5) == 0;
                var shipped = China(2026, month, orderedDay, random.Next(0, 24), random.Next(0, 60));
                var id = refundFirst
                    ? await world.AddLineAsync(paid, shipped, random.NextInt64(1, paid + 1), shipped.AddHours(-random.Next(1, 48)), agreement: random.Next(2) == 0)
                    : await world.AddLineAsync(paid, random.Next(6) == 0 ? null : shipped, agreement: random.Next(2) == 0);
                open.Add((id, paid, 0, shipped));
            }
            foreach (var (id, paid, _, shipped) in open.Where(_ => random.Next(4) == 0).ToList())
            {
                await using var ctx = db.NewContext();
                var line = await ctx.OrderLines.FirstAsync(l => l.Id == id);
                if (line.RefundFen >= paid) continue;
                line.Ship(line.ShippedAt ?? shipped!.Value);
                line.Refund(random.NextInt64(line.RefundFen + 1, paid + 1), China(2026, month, random.Next(1, days + 1)));
                await ctx.SaveChangesAsync();
            }
            db.Clock.SetUtcNow(new DateTimeOffset(ChinaTime(2026, month, days), TimeSpan.Zero));
            if (random.Next(3) == 0)
            {
                var adjustment = await db.Get<AdjustmentService>().ProposeAsync(People.FinanceChen, world.SupplierId, AdjustmentType.LateShipmentPenalty,
                    new BackOffice.Domain.Common.Money(-random.Next(1, 200_000)), "罚款");
                await db.Get<AdjustmentService>().ApproveAsync(People.FinanceZhao, adjustment, 0);
            }
            await world.RunAsync(2026, month, days);
            await IssueAndPayThroughAsync(db, world, (2026 * 100) + month);
        }

        var statements = await world.StatementsAsync();
        var current = statements.Where(s => s.Status != StatementStatus.Superseded).OrderBy(s => s.Month).ToList();
        var entries = await world.EntriesAsync();
        var finalCarry = current.Count == 0 ? 0 : current[^1].CarryOutFen;
        Assert.Equal(entries.Sum(e => e.AmountFen), current.Sum(s => s.PayableFen) + finalCarry);
        Assert.Equal(current.Sum(s => s.PayableFen), current.Where(s => s.Status == StatementStatus.Paid).Sum(s => s.PayableFen)
            + current.Where(s => s.Status == StatementStatus.Draft).Sum(s => s.PayableFen));
        for (var i = 1; i < current.Count; i++)
        {
            if (current[i].Month == BackOffice.Domain.Settlement.SettlementMonth.Next(current[i - 1].Month))
                Assert.Equal(current[i - 1].CarryOutFen, current[i].CarryInFen);
        }

        // The runs update the drafts from what they booked; a rebuild from the whole ledger must find nothing to change.
        static object Figures(Statement s) => (s.Number, s.Status, s.AdvancesFen, s.BalancesFen, s.ClawbacksFen, s.AdjustmentsFen, s.CarryInFen, s.PayableFen, s.CarryOutFen, s.EntryCount);
        await using (var ctx = db.NewContext())
        {
            await db.Get<StatementDrafts>().RebuildAsync(ctx, db.Clock.GetUtcNow().UtcDateTime, null, TestContext.Current.CancellationToken);
        }
        Assert.Equal(statements.Select(Figures), (await world.StatementsAsync()).Select(Figures));
    }

    private static DateTime ChinaTime(int year, int month, int day) => China(year, month, day, 12);

    private static async Task IssueAndPayThroughAsync(TestDatabase db, SettlementWorld world, int month)
    {
        foreach (var draft in (await world.StatementsAsync()).Where(s => s.Status == StatementStatus.Draft && s.Month <= month).Select(s => s.Month).Distinct().Order())
        {
            await world.IssueAsync(draft);
        }
        var issued = (await world.StatementsAsync()).Where(s => s.Status == StatementStatus.Issued).Select(s => s.Id).ToList();
        if (issued.Count > 0) await db.Get<PaymentService>().MarkPaidAsync(People.FinanceChen, issued, $"PAY-{month}", new DateOnly(2026, 12, 31));
    }
}
