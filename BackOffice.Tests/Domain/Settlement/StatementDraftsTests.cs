using BackOffice.Domain.Settlement;
using BackOffice.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static BackOffice.Tests.Domain.Settlement.SettlementWorld;

namespace BackOffice.Tests.Domain.Settlement;

public sealed class StatementDraftsTests
{
    /// <summary>October issued; November's refund leaves a negative draft that carries into the next month.</summary>
    private static async Task<(TestDatabase Db, SettlementWorld World)> IssuedThenCarryingAsync()
    {
        var db = await TestDatabase.CreateAsync();
        var world = await CreateAsync(db);
        var line = await world.AddLineAsync(10_000, China(2026, 10, 1));
        await world.AddLineAsync(2_000, China(2026, 10, 2));
        await world.RunAsync(2026, 10, 31);
        await world.IssueAsync(202610);
        await world.RefundAsync(line, 10_000, China(2026, 11, 5));
        await world.RunAsync(2026, 11, 30);
        return (db, world);
    }

    [Fact]
    public async Task Rebuild_AfterAnIssuedMonth_ReadsOnlyTheDraftsAndChangesNothing()
    {
        var (db, world) = await IssuedThenCarryingAsync();
        await using var _ = db;
        var before = await world.StatementsAsync();
        Assert.Equal([StatementStatus.Issued, StatementStatus.Draft], before.Select(s => s.Status));
        Assert.True(before[1].CarryOutFen < 0);

        await using (var ctx = db.NewContext())
        {
            Assert.Equal(1, await db.Get<StatementDrafts>().RebuildAsync(ctx, db.Clock.GetUtcNow().UtcDateTime, null, TestContext.Current.CancellationToken));
            Assert.All(ctx.ChangeTracker.Entries<Statement>(), e => Assert.Equal(StatementStatus.Draft, e.Entity.Status));
        }

        Assert.Equal(before.Select(s => (s.Number, s.PayableFen, s.CarryInFen, s.CarryOutFen, s.EntryCount, s.Revision)),
            (await world.StatementsAsync()).Select(s => (s.Number, s.PayableFen, s.CarryInFen, s.CarryOutFen, s.EntryCount, s.Revision)));
    }

    [Fact]
    public async Task Apply_BookingAfterACarry_NewDraftCarriesInAndOnlyDraftsAreRead()
    {
        var (db, world) = await IssuedThenCarryingAsync();
        await using var _ = db;
        var november = (await world.StatementsAsync()).Single(s => s.Month == 202611);
        var booked = new LedgerBookings();
        booked.Add(world.SupplierId, 202612, EntryKind.Adjustment, 100_000);

        await using (var ctx = db.NewContext())
        {
            Assert.Equal(2, await db.Get<StatementDrafts>().ApplyAsync(ctx, db.Clock.GetUtcNow().UtcDateTime, booked, TestContext.Current.CancellationToken));
            Assert.All(ctx.ChangeTracker.Entries<Statement>(), e => Assert.Equal(StatementStatus.Draft, e.Entity.Status));
        }

        var december = (await world.StatementsAsync()).Single(s => s.Month == 202612);
        Assert.Equal(("ST-SUP-000123-202612-v1", november.CarryOutFen, 100_000 + november.CarryOutFen, 1),
            (december.Number, december.CarryInFen, december.PayableFen, december.EntryCount));
    }
}
