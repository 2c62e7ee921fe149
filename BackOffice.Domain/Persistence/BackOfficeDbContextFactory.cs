using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BackOffice.Domain.Persistence;

/// <summary>
/// Creates a context of the configured provider's type, one per operation (Blazor Server shares a
/// scope across a whole circuit, so a scoped context would be shared by every component).
/// </summary>
public sealed class BackOfficeDbContextFactory : IDbContextFactory<BackOfficeDbContext>
{
    private readonly Func<BackOfficeDbContext> _create;

    public BackOfficeDbContextFactory(DatabaseOptions options)
    {
        options.Validate();
        Options = options;
        switch (options.Provider)
        {
            case DatabaseProvider.SqlServer:
                var sqlServer = new DbContextOptionsBuilder<SqlServerBackOfficeDbContext>()
                    .UseSqlServer(options.ConnectionString, sql => sql.CommandTimeout(600))
                    .Options;
                _create = () => new SqlServerBackOfficeDbContext(sqlServer);
                break;
            default:
                Directory.CreateDirectory(Path.GetFullPath(options.DataFolder));
                var sqlite = new DbContextOptionsBuilder<SqliteBackOfficeDbContext>()
                    .UseSqlite(options.SqliteConnectionString, sql => sql.CommandTimeout(600))
                    .AddInterceptors(SqlitePragmas.Instance)
                    .Options;
                _create = () => new SqliteBackOfficeDbContext(sqlite);
                break;
        }
    }

    public DatabaseOptions Options { get; }

    public BackOfficeDbContext CreateDbContext() => _create();
}

/// <summary>Used by dotnet-ef for the SQLite migrations set.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBackOfficeDbContext>
{
    public SqliteBackOfficeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteBackOfficeDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Used by dotnet-ef for the SQL Server migrations set; no server is contacted.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerBackOfficeDbContext>
{
    public SqlServerBackOfficeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerBackOfficeDbContext>().UseSqlServer("Server=.;Database=BackOffice;Trusted_Connection=True;TrustServerCertificate=True").Options);
}
