using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Data.Sqlite;

namespace BackOffice.Domain.Persistence;

/// <summary>
/// Plain ADO.NET over one open connection and its transaction, for the set-based work EF Core does not
/// express (imports, aggregate upkeep): commands without a timeout, enlisted in the transaction.
/// </summary>
internal sealed class RawSql(DbConnection connection, DbTransaction? transaction)
{
    public DbConnection Connection => connection;

    public DbTransaction? Transaction => transaction;

    public SqlDialect Dialect { get; } = SqlDialect.Of(connection);

    public DbCommand Command(string text)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        command.CommandTimeout = 0;
        return command;
    }

    public async Task<int> ExecAsync(string text, CancellationToken ct)
    {
        await using var command = Command(text);
        return await command.ExecuteNonQueryAsync(ct);
    }

    public async Task ExecAllAsync(IEnumerable<string> statements, CancellationToken ct)
    {
        foreach (var statement in statements) await ExecAsync(statement, ct);
    }

    public async Task<long> ScalarAsync(string text, CancellationToken ct)
    {
        await using var command = Command(text);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Adds the named parameters (values set before each execution) and, on SQLite, prepares the command.
    /// SQL Server's Prepare wants every parameter's type and size up front; sp_executesql caches the plan anyway.
    /// </summary>
    public static DbCommand Prepare(DbCommand command, params string[] names)
    {
        foreach (var name in names) Parameter(command, name);
        if (command.Connection is SqliteConnection) command.Prepare();
        return command;
    }

    /// <summary>Over a context's own connection (opened if closed), outside any transaction: for reads EF Core cannot express.</summary>
    public static async Task<RawSql> OpenAsync(BackOfficeDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        return new RawSql(db.Database.GetDbConnection(), null);
    }

    /// <summary>
    /// An integer column whatever its width: SQL Server types sums, counts, literals and columns as int or bigint
    /// (and its reader converts neither to the other); SQLite has one integer type.
    /// </summary>
    public static long Integer(DbDataReader reader, int ordinal) =>
        reader.GetFieldType(ordinal) == typeof(int) ? reader.GetInt32(ordinal) : reader.GetInt64(ordinal);

    public static DbParameter Parameter(DbCommand command, string name, object value)
    {
        var p = Parameter(command, name);
        p.Value = value;
        return p;
    }

    public static DbParameter Parameter(DbCommand command, string name)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        command.Parameters.Add(p);
        return p;
    }
}
