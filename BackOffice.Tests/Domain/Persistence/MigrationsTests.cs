using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Tests.Domain.Persistence;

public class MigrationsTests
{
    [Fact]
    public async Task NewSqliteDatabase_HasLargePagesAndWal()
    {
        await using var database = await BackOffice.Tests.Infrastructure.TestDatabase.CreateAsync();
        await using var db = database.NewContext();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA page_size";
        Assert.Equal(16384L, (long)(await command.ExecuteScalarAsync())!);
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public void SqliteMigrations_MatchTheModel()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The SQLite model has changes without a migration: run dotnet ef migrations add for SqliteBackOfficeDbContext.");
    }

    [Fact]
    public void SqlServerMigrations_MatchTheModel()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The SQL Server model has changes without a migration: run dotnet ef migrations add for SqlServerBackOfficeDbContext.");
    }

    [Fact]
    public void SqlServerMigrations_ProduceACreateScript()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("CREATE TABLE [OrderLines]", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_AuditEntries_Sequence]", script);
        Assert.Contains("[Revision] bigint NOT NULL", script);
        Assert.Contains("nvarchar(max)", script);
        Assert.Contains("CREATE NONCLUSTERED COLUMNSTORE INDEX [IX_OrderLines_Columnstore]", script);
    }

    [Fact]
    public void EachProvider_HasItsOwnMigrationsSet()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var sqliteIds = sqlite.Database.GetMigrations().ToList();
        Assert.NotEmpty(sqliteIds);
        Assert.NotEmpty(sqlServer.Database.GetMigrations());
        Assert.All(sqlite.GetService<IMigrationsAssembly>().Migrations.Values, t => Assert.Contains(".Sqlite", t.Namespace, StringComparison.Ordinal));
        Assert.All(sqlServer.GetService<IMigrationsAssembly>().Migrations.Values, t => Assert.Contains(".SqlServer", t.Namespace, StringComparison.Ordinal));
    }
}
