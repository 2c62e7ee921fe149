namespace BackOffice.Domain.Persistence;

public enum DatabaseProvider { Sqlite, SqlServer }

/// <summary>
/// Configuration shared by the web app and the command line: <c>Database:Provider</c>,
/// <c>ConnectionStrings:BackOffice</c> and <c>DataFolder</c>.
/// </summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;
    public string? ConnectionString { get; init; }
    public string DataFolder { get; init; } = "data";

    public string SqliteConnectionString =>
        string.IsNullOrWhiteSpace(ConnectionString)
            ? $"Data Source={Path.Combine(Path.GetFullPath(DataFolder), "backoffice.db")};Cache=Shared;Pooling=True"
            : ConnectionString;

    public void Validate()
    {
        if (Provider == DatabaseProvider.SqlServer && string.IsNullOrWhiteSpace(ConnectionString))
            throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:BackOffice is empty. Give a SQL Server connection string.");
    }
}
