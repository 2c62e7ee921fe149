using Microsoft.EntityFrameworkCore;

namespace BackOffice.Tests.Infrastructure;

public sealed class TestDatabaseTests
{
    [Fact]
    public async Task CreateAsync_Default_AppliesEveryMigrationToASqliteFileInItsFolder()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await database.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.True(File.Exists(Path.Combine(database.Folder, "backoffice.db")));
    }

    [Fact]
    public async Task CreateAsync_WithStartTime_RegistersAFakeClockAsTheTimeProvider()
    {
        var start = new DateTimeOffset(2026, 11, 3, 2, 0, 0, TimeSpan.Zero);

        await using var database = await TestDatabase.CreateAsync(start);

        Assert.Same(database.Clock, database.Services.GetRequiredService<TimeProvider>());
        Assert.Equal(start, database.Services.GetRequiredService<TimeProvider>().GetUtcNow());
    }

    [Fact]
    public async Task DisposeAsync_AfterUse_DeletesTheFolder()
    {
        var database = await TestDatabase.CreateAsync();
        await using (var db = await database.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            Assert.Equal(0, await db.LocalUsers.CountAsync(TestContext.Current.CancellationToken));
        }

        await database.DisposeAsync();

        Assert.False(Directory.Exists(database.Folder));
    }
}
