using System.Collections.Immutable;
using BackOffice.Domain.Common;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Settlement;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static BackOffice.Tests.Domain.Settlement.SettlementWorld;

namespace BackOffice.Tests.Domain.Settlement;

/// <summary>Two finance people acting on the same adjustment or statement at once: the first wins, the second is told.</summary>
public sealed class SettlementConcurrencyTests
{
    private static readonly Actor FinanceWu = new("finance.wu", "吴敏", ImmutableHashSet.Create(Roles.Finance));

    [Fact]
    public async Task Adjustment_ApprovedAndRejectedFromTheSameRevision_SecondIsToldAndNothingDoubles()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await CreateAsync(db);
        var adjustments = db.Get<AdjustmentService>();
        var id = await adjustments.ProposeAsync(People.FinanceChen, world.SupplierId, AdjustmentType.MarketingFee, new Money(-5_000), "十月营销费用");
        const long loaded = 0; // both pages showed revision 0

        await adjustments.ApproveAsync(People.FinanceZhao, id, loaded);
        // The second person is told what happened: already decided (checked first), or changed by someone else.
        var rejected = await Assert.ThrowsAnyAsync<DomainException>(() => adjustments.RejectAsync(FinanceWu, id, loaded, "金额不对"));
        Assert.Contains("Approved", rejected.Message, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<DomainException>(() => adjustments.ApproveAsync(FinanceWu, id, loaded));

        await using var context = db.NewContext();
        Assert.Equal(AdjustmentStatus.Approved, (await context.Adjustments.SingleAsync()).Status);
        Assert.Single(await world.EntriesAsync());
        Assert.Single(await context.AuditEntries.Where(a => a.Action == "adjustment.approved" || a.Action == "adjustment.rejected").ToListAsync());
    }

    [Fact]
    public async Task Statement_DraftChangedByARunAfterItWasOpened_IssueIsAConflictAndTheNewFiguresStay()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await CreateAsync(db);
        await world.AddLineAsync(10_000, China(2026, 10, 5));
        await world.RunAsync(2026, 10, 31);
        var opened = October(await world.StatementsAsync());

        // Meanwhile a late line arrives and another finance user re-runs October: the draft's figures change.
        var late = await world.AddLineAsync(20_000, China(2026, 10, 20));
        await world.RunAsync(2026, 10, 31);
        var changed = October(await world.StatementsAsync());
        Assert.NotEqual(opened.PayableFen, changed.PayableFen);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => db.Get<StatementService>().IssueAsync(People.FinanceChen, opened.Id, opened.Revision));
        Assert.Equal(StatementStatus.Draft, October(await world.StatementsAsync()).Status);

        await db.Get<StatementService>().IssueAsync(People.FinanceChen, changed.Id, changed.Revision);
        var issued = October(await world.StatementsAsync());
        Assert.Equal((StatementStatus.Issued, changed.PayableFen), (issued.Status, issued.PayableFen));
        Assert.NotEmpty(await world.EntriesAsync(late));
    }

    private static Statement October(IEnumerable<Statement> statements) => Assert.Single(statements, s => s.Month == 202610);
}
