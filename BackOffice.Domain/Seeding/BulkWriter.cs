using System.Data;
using System.Data.Common;
using System.Globalization;
using BackOffice.Domain.Persistence;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Seeding;

/// <summary>A column of a bulk write; values are given in the model's CLR types (DateTime in UTC, DateOnly).</summary>
internal sealed record BulkColumn(string Name, Type Type, bool Nullable = false);

/// <summary>
/// Writes many rows to one table outside EF's change tracker, in batches of one transaction each,
/// never holding more than a batch. Chosen by provider: <see cref="For"/>.
/// </summary>
internal interface IBulkWriter
{
    Task<long> WriteAsync<T>(string table, IReadOnlyList<BulkColumn> columns, IEnumerable<T> rows, Action<T, object?[]> fill,
        Action<long>? batchWritten, CancellationToken ct);
}

internal static class BulkWriter
{
    public const int BatchSize = 50_000;

    public static IBulkWriter For(BackOfficeDbContext db) =>
        db.Database.IsSqlServer() ? new SqlServerBulkWriter(db) : new SqliteBulkWriter(db);
}

/// <summary>One prepared, parameterised INSERT reused for every row; one transaction per batch.</summary>
internal sealed class SqliteBulkWriter(BackOfficeDbContext db) : IBulkWriter
{
    public async Task<long> WriteAsync<T>(string table, IReadOnlyList<BulkColumn> columns, IEnumerable<T> rows, Action<T, object?[]> fill,
        Action<long>? batchWritten, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) " +
                              $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
        var parameters = new DbParameter[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            parameters[i] = command.CreateParameter();
            parameters[i].ParameterName = "$p" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(parameters[i]);
        }
        var values = new object?[columns.Count];
        long written = 0;
        DbTransaction? transaction = null;
        try
        {
            foreach (var row in rows)
            {
                if (transaction is null)
                {
                    ct.ThrowIfCancellationRequested();
                    transaction = await connection.BeginTransactionAsync(ct);
                    command.Transaction = transaction;
                    command.Prepare();
                }
                fill(row, values);
                for (var i = 0; i < values.Length; i++) parameters[i].Value = ToSqlite(values[i]);
                command.ExecuteNonQuery();
                if (++written % BulkWriter.BatchSize == 0)
                {
                    await transaction.CommitAsync(ct);
                    await transaction.DisposeAsync();
                    transaction = null;
                    batchWritten?.Invoke(written);
                }
            }
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
                batchWritten?.Invoke(written);
            }
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync();
        }
        return written;
    }

    private static object ToSqlite(object? value) => value switch
    {
        null => DBNull.Value,
        DateTime dateTime => dateTime.ToString(SqliteTextFormats.DateTime, CultureInfo.InvariantCulture),
        DateOnly date => date.ToString(SqliteTextFormats.Date, CultureInfo.InvariantCulture),
        _ => value,
    };
}

/// <summary>SqlBulkCopy of one DataTable per batch, each in its own transaction; explicit ids are kept.</summary>
internal sealed class SqlServerBulkWriter(BackOfficeDbContext db) : IBulkWriter
{
    public async Task<long> WriteAsync<T>(string table, IReadOnlyList<BulkColumn> columns, IEnumerable<T> rows, Action<T, object?[]> fill,
        Action<long>? batchWritten, CancellationToken ct)
    {
        var connection = (SqlConnection)db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        using var data = new DataTable(table) { Locale = CultureInfo.InvariantCulture };
        foreach (var column in columns)
        {
            var type = Nullable.GetUnderlyingType(column.Type) ?? column.Type;
            data.Columns.Add(column.Name, type == typeof(DateOnly) ? typeof(DateTime) : type).AllowDBNull = column.Nullable;
        }
        var values = new object?[columns.Count];
        long written = 0;
        foreach (var row in rows)
        {
            fill(row, values);
            var dataRow = data.NewRow();
            for (var i = 0; i < values.Length; i++)
            {
                dataRow[i] = values[i] switch { null => DBNull.Value, DateOnly date => date.ToDateTime(TimeOnly.MinValue), var v => v };
            }
            data.Rows.Add(dataRow);
            if (++written % BulkWriter.BatchSize == 0)
            {
                await CopyAsync(connection, data, ct);
                batchWritten?.Invoke(written);
            }
        }
        if (data.Rows.Count > 0)
        {
            await CopyAsync(connection, data, ct);
            batchWritten?.Invoke(written);
        }
        return written;
    }

    private static async Task CopyAsync(SqlConnection connection, DataTable data, CancellationToken ct)
    {
        await using var transaction = (SqlTransaction)await connection.BeginTransactionAsync(ct);
        using (var copy = new SqlBulkCopy(connection, SqlBulkCopyOptions.KeepIdentity | SqlBulkCopyOptions.CheckConstraints, transaction))
        {
            copy.DestinationTableName = $"[{data.TableName}]";
            copy.BulkCopyTimeout = 0;
            foreach (DataColumn column in data.Columns) copy.ColumnMappings.Add(column.ColumnName, column.ColumnName);
            await copy.WriteToServerAsync(data, ct);
        }
        await transaction.CommitAsync(ct);
        data.Clear();
    }
}
