using System.Globalization;
using System.Data;
using System.Text;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace BackOffice.Domain.Persistence;

/// <summary>
/// Appends rows to one table inside the caller's transaction, values set by column position: an import's
/// staging tables, the segment runs. A million rows a feed, so the per-row cost is what counts: on SQLite a
/// statement prepared once and bound by position on the connection's own handle (Microsoft.Data.Sqlite
/// looks each named parameter up on every execution); on SQL Server <see cref="SqlServerRowWriter"/>'s bulk copy.
/// </summary>
internal abstract class RowWriter : IDisposable
{
    /// <summary><paramref name="table"/> as the dialect names it (<see cref="SqlDialect.Temp"/> for a temp table).</summary>
    public static RowWriter Create(RawSql sql, string table, IReadOnlyList<string> columns) =>
        sql.Connection is SqliteConnection sqlite
            ? new SqliteRowWriter(sqlite, table, columns)
            : new SqlServerRowWriter(sql, table, columns);

    public abstract void Set(int column, long value);

    public abstract void Set(int column, string? value);

    public abstract void Set(int column, byte[] value);

    /// <summary>A UTC instant, stored as EF Core stores it on the provider.</summary>
    public abstract void Set(int column, DateTime? value);

    public abstract void Set(int column, DateOnly value);

    /// <summary>Ends the row whose columns were all set.</summary>
    public abstract ValueTask EndRowAsync(CancellationToken ct);

    /// <summary>Writes what is still buffered.</summary>
    public abstract Task FlushAsync(CancellationToken ct);

    public abstract void Dispose();
}

/// <summary>Values in EF Core's SQLite text formats, so the rows compare and copy as EF wrote the others.</summary>
internal sealed class SqliteRowWriter : RowWriter
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _insert;
    private byte[] _text = new byte[256];

    public SqliteRowWriter(SqliteConnection connection, string table, IReadOnlyList<string> columns)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var positions = string.Join(", ", columns.Select((_, i) => "?" + (i + 1).ToString(CultureInfo.InvariantCulture)));
        Check(raw.sqlite3_prepare_v2(_db, $"INSERT INTO {table}({string.Join(", ", columns)}) VALUES ({positions})", out _insert));
    }

    public override void Set(int column, long value) => raw.sqlite3_bind_int64(_insert, column + 1, value);

    public override void Set(int column, string? value)
    {
        if (value is null)
        {
            raw.sqlite3_bind_null(_insert, column + 1);
            return;
        }
        // Encoded into one reused buffer (SQLite copies it): the string overload allocates an array a value.
        if (Encoding.UTF8.GetMaxByteCount(value.Length) > _text.Length) _text = new byte[Encoding.UTF8.GetMaxByteCount(value.Length)];
        var length = Encoding.UTF8.GetBytes(value, _text);
        raw.sqlite3_bind_text(_insert, column + 1, _text.AsSpan(0, length));
    }

    public override void Set(int column, byte[] value) => raw.sqlite3_bind_blob(_insert, column + 1, value);

    public override void Set(int column, DateTime? value)
    {
        if (value is not { } instant) { raw.sqlite3_bind_null(_insert, column + 1); return; }
        raw.sqlite3_bind_text(_insert, column + 1, _text.AsSpan(0, SqliteTextFormats.Write(instant, _text)));
    }

    public override void Set(int column, DateOnly value)
    {
        value.TryFormat(_text, out var length, SqliteTextFormats.Date, CultureInfo.InvariantCulture);
        raw.sqlite3_bind_text(_insert, column + 1, _text.AsSpan(0, length));
    }

    public override ValueTask EndRowAsync(CancellationToken ct)
    {
        var rc = raw.sqlite3_step(_insert);
        raw.sqlite3_reset(_insert);
        if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
        return ValueTask.CompletedTask;
    }

    public override Task FlushAsync(CancellationToken ct) => Task.CompletedTask;

    public override void Dispose() => _insert.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }
}

/// <summary>EF Core's SQLite text formats (Microsoft.Data.Sqlite's own for DateTime; ISO dates), for every writer that bypasses EF.</summary>
internal static class SqliteTextFormats
{
    public const string DateTime = "yyyy-MM-dd HH:mm:ss.FFFFFFF";
    public const string Date = "yyyy-MM-dd";

    /// <summary>
    /// <paramref name="value"/> in <see cref="DateTime"/>'s format, as UTF-8, digit by digit: the general formatter reads
    /// the pattern on every call, and an import writes three instants a line. Returns the length written (at most 27).
    /// </summary>
    public static int Write(System.DateTime value, Span<byte> to)
    {
        Digits(to[..4], value.Year);
        to[4] = (byte)'-';
        Digits(to.Slice(5, 2), value.Month);
        to[7] = (byte)'-';
        Digits(to.Slice(8, 2), value.Day);
        to[10] = (byte)' ';
        Digits(to.Slice(11, 2), value.Hour);
        to[13] = (byte)':';
        Digits(to.Slice(14, 2), value.Minute);
        to[16] = (byte)':';
        Digits(to.Slice(17, 2), value.Second);
        var fraction = (int)(value.Ticks % TimeSpan.TicksPerSecond);
        if (fraction == 0) return 19;
        // F: the fraction's digits without trailing zeros; none (and no point) when it is zero.
        var digits = 7;
        while (fraction % 10 == 0)
        {
            fraction /= 10;
            digits--;
        }
        to[19] = (byte)'.';
        Digits(to.Slice(20, digits), fraction);
        return 20 + digits;
    }

    private static void Digits(Span<byte> to, int value)
    {
        for (var i = to.Length - 1; i >= 0; i--)
        {
            to[i] = (byte)('0' + value % 10);
            value /= 10;
        }
    }
}

/// <summary>
/// SqlBulkCopy, ten thousand rows at a time, inside the caller's transaction; memory holds one batch, never the feed.
/// </summary>
internal sealed class SqlServerRowWriter : RowWriter
{
    private const int BatchRows = 10_000;
    private readonly SqlBulkCopy _copy;
    private readonly DataTable _rows;
    private readonly object?[] _values;

    public SqlServerRowWriter(RawSql sql, string table, IReadOnlyList<string> columns)
    {
        // CheckConstraints: a bulk copy that skips them leaves the table's foreign keys untrusted by the optimizer.
        _copy = new SqlBulkCopy((SqlConnection)sql.Connection, SqlBulkCopyOptions.CheckConstraints, (SqlTransaction?)sql.Transaction)
        {
            DestinationTableName = table,
            BatchSize = BatchRows,
            BulkCopyTimeout = 0,
        };
        _rows = new DataTable { Locale = CultureInfo.InvariantCulture };
        foreach (var column in columns)
        {
            _rows.Columns.Add(column, typeof(object));
            _copy.ColumnMappings.Add(column, column);
        }
        _values = new object?[columns.Count];
    }

    public override void Set(int column, long value) => _values[column] = value;

    public override void Set(int column, string? value) => _values[column] = (object?)value ?? DBNull.Value;

    public override void Set(int column, byte[] value) => _values[column] = value;

    public override void Set(int column, DateTime? value) => _values[column] = value is { } instant ? instant : DBNull.Value;

    public override void Set(int column, DateOnly value) => _values[column] = value.ToDateTime(TimeOnly.MinValue);

    public override async ValueTask EndRowAsync(CancellationToken ct)
    {
        _rows.Rows.Add(_values);
        if (_rows.Rows.Count >= BatchRows) await FlushAsync(ct);
    }

    public override async Task FlushAsync(CancellationToken ct)
    {
        if (_rows.Rows.Count == 0) return;
        await _copy.WriteToServerAsync(_rows, ct);
        _rows.Clear();
    }

    public override void Dispose()
    {
        ((IDisposable)_copy).Dispose();
        _rows.Dispose();
    }
}
