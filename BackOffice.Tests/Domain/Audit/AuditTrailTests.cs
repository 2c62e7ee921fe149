using BackOffice.Domain.Audit;
using BackOffice.Domain.Identity;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Tests.Domain.Audit;

public class AuditTrailTests
{
    private static async Task<TestDatabase> WithThreeActionsAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var users = database.Get<LocalUserService>();
        await users.CreateAsync(People.Admin, "u1", "用户一", [Roles.Analyst]);
        await users.CreateAsync(People.Admin, "u2", "用户二", [Roles.Finance]);
        await users.CreateAsync(People.Admin, "u3", "用户三", [Roles.Selection]);
        return database;
    }

    [Fact]
    public async Task Verify_UntouchedChain_Intact()
    {
        await using var database = await WithThreeActionsAsync();
        var result = await database.Get<AuditVerifier>().VerifyAsync();
        Assert.True(result.IsIntact, result.Message);
        Assert.Equal(3, result.EntriesChecked);
    }

    [Fact]
    public async Task Record_EachEntry_LinksToThePrevious()
    {
        await using var database = await WithThreeActionsAsync();
        await using var db = database.NewContext();
        var entries = await db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(AuditEntry.GenesisHash, entries[0].PreviousHash);
        Assert.Equal(entries[0].Hash, entries[1].PreviousHash);
        Assert.Equal(entries[1].Hash, entries[2].PreviousHash);
        Assert.Equal("admin.zhou", entries[1].ActorId);
        Assert.Contains("u2", entries[1].After);
    }

    [Fact]
    public async Task Verify_TamperedRow_NamesThatEntry()
    {
        await using var database = await WithThreeActionsAsync();
        await using (var db = database.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET After = replace(After, 'Finance', 'Admin') WHERE Sequence = 2");
        }
        var result = await database.Get<AuditVerifier>().VerifyAsync();
        Assert.False(result.IsIntact);
        Assert.Equal(2, result.FirstBrokenSequence);
        Assert.Contains("#2", result.Message);
    }

    [Fact]
    public async Task Verify_DeletedRow_NamesTheMissingEntry()
    {
        await using var database = await WithThreeActionsAsync();
        await using (var db = database.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEntries WHERE Sequence = 2");
        }
        var result = await database.Get<AuditVerifier>().VerifyAsync();
        Assert.False(result.IsIntact);
        Assert.Equal(2, result.FirstBrokenSequence);
        Assert.Contains("missing", result.Message);
    }

    [Fact]
    public async Task Verify_RowRewrittenWithFreshHash_BreaksTheNextLink()
    {
        await using var database = await WithThreeActionsAsync();
        await using (var db = database.NewContext())
        {
            // An attacker who recomputes the row's own hash still breaks the next entry's link.
            await db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET Hash = 'ffff' || substr(Hash, 5) WHERE Sequence = 1");
        }
        var result = await database.Get<AuditVerifier>().VerifyAsync();
        Assert.False(result.IsIntact);
        Assert.Equal(1, result.FirstBrokenSequence);
    }

    [Fact]
    public async Task Update_FailingBusinessRule_WritesNeitherChangeNorAuditEntry()
    {
        await using var database = await WithThreeActionsAsync();
        var users = database.Get<LocalUserService>();
        var before = (await users.ListAsync()).Single(u => u.Id == "u1");
        await Assert.ThrowsAsync<BackOffice.Domain.Common.DomainException>(() =>
            users.UpdateAsync(People.Admin, "u1", before.Revision, "改名", ["NoSuchRole"], true));
        await using var db = database.NewContext();
        Assert.Equal(3, await db.AuditEntries.CountAsync());
        Assert.Equal("用户一", (await db.LocalUsers.SingleAsync(u => u.Id == "u1")).DisplayName);
    }
}
