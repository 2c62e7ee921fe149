using System.Data.Common;
using System.Globalization;
using System.Text;
using BackOffice.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace BackOffice.Domain.Settlement;

/// <summary>
/// Writes a run's ledger rows inside its transaction, without the change tracker. Millions of rows a run, so
/// the per-row cost is what a run costs: SQLite gets statements prepared once and bound by position on the
/// connection's own handle; other providers get multi-row INSERTs of up to 2,000 parameters.
/// </summary>
internal abstract class LedgerWriter : IDisposable
{
    public static LedgerWriter Create(BackOfficeDbContext db, DbTransaction transaction, DateTime now, bool portable = false) =>
        !portable && db.Database.GetDbConnection() is SqliteConnection sqlite
            ? new SqliteLedgerWriter(sqlite, Tables.Of(db), now)
            : new BatchedLedgerWriter(db.Database.GetDbConnection(), transaction, Tables.Of(db), now);

    public abstract void AddEntry(int supplierId, EntryKind kind, long orderLineId, int saleId, long amountFen, long basisFen, DateOnly dueDate, int month);

    public abstract void AddLine(long orderLineId, int supplierId, long shippedFen, long refundBookedFen);

    public abstract void UpdateLine(long orderLineId, long refundBookedFen);

    /// <summary>Writes what is still buffered; call before anything reads the ledger back.</summary>
    public abstract void Flush();

    public abstract void Dispose();

    protected sealed record Tables(string Entries, string Lines)
    {
        public static Tables Of(BackOfficeDbContext db) => new(
            db.Model.FindEntityType(typeof(SettlementEntry))!.GetTableName()!, db.Model.FindEntityType(typeof(LineSettlement))!.GetTableName()!);

        public string EntryInsert(int rows, Func<int, int, string> parameter)
        {
            var sql = new StringBuilder($"INSERT INTO \"{Entries}\" (\"SupplierId\", \"Kind\", \"OrderLineId\", \"AdjustmentId\", \"SaleId\", \"AmountFen\", \"BasisFen\", \"DueDate\", \"BookedMonth\", \"BookedAt\", \"StatementId\") VALUES ");
            for (var r = 0; r < rows; r++)
            {
                if (r > 0) sql.Append(", ");
                sql.Append(CultureInfo.InvariantCulture, $"({parameter(r, 0)}, {parameter(r, 1)}, {parameter(r, 2)}, NULL, {parameter(r, 3)}, {parameter(r, 4)}, {parameter(r, 5)}, {parameter(r, 6)}, {parameter(r, 7)}, {parameter(-1, 0)}, NULL)");
            }
            return sql.ToString();
        }

        public string LineInsert(int rows, Func<int, int, string> parameter)
        {
            var sql = new StringBuilder($"INSERT INTO \"{Lines}\" (\"OrderLineId\", \"SupplierId\", \"ShippedFen\", \"RefundBookedFen\") VALUES ");
            for (var r = 0; r < rows; r++)
            {
                if (r > 0) sql.Append(", ");
                sql.Append(CultureInfo.InvariantCulture, $"({parameter(r, 0)}, {parameter(r, 1)}, {parameter(r, 2)}, {parameter(r, 3)})");
            }
            return sql.ToString();
        }

        public string LineUpdate(Func<int, int, string> parameter) =>
            $"UPDATE \"{Lines}\" SET \"RefundBookedFen\" = {parameter(0, 1)} WHERE \"OrderLineId\" = {parameter(0, 0)}";
    }

    /// <summary>
    /// Microsoft.Data.Sqlite looks every parameter up by name on every execution (a linear search in SQLite),
    /// which makes a row cost several microseconds; binding by position on a statement prepared once does not.
    /// Values are stored exactly as EF Core's SQLite mapping stores them (enum name, yyyy-MM-dd, UTC text).
    /// </summary>
    private sealed class SqliteLedgerWriter : LedgerWriter
    {
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _entry;
        private readonly sqlite3_stmt _line;
        private readonly sqlite3_stmt _update;
        private readonly Dictionary<DateOnly, byte[]> _dates = [];
        private readonly Dictionary<EntryKind, byte[]> _kinds = Enum.GetValues<EntryKind>().ToDictionary(k => k, k => Encoding.UTF8.GetBytes(k.ToString()));

        public SqliteLedgerWriter(SqliteConnection connection, Tables tables, DateTime now)
        {
            _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
            static string Position(int row, int column) => row < 0 ? "?9" : "?" + (column + 1).ToString(CultureInfo.InvariantCulture);
            _entry = Prepare(tables.EntryInsert(1, Position));
            _line = Prepare(tables.LineInsert(1, Position));
            _update = Prepare(tables.LineUpdate(Position));
            Check(raw.sqlite3_bind_text(_entry, 9, now.ToString(SqliteTextFormats.DateTime, CultureInfo.InvariantCulture)));
        }

        public override void AddEntry(int supplierId, EntryKind kind, long orderLineId, int saleId, long amountFen, long basisFen, DateOnly dueDate, int month)
        {
            if (!_dates.TryGetValue(dueDate, out var due)) _dates[dueDate] = due = Encoding.UTF8.GetBytes(dueDate.ToString(SqliteTextFormats.Date, CultureInfo.InvariantCulture));
            raw.sqlite3_bind_int64(_entry, 1, supplierId);
            raw.sqlite3_bind_text(_entry, 2, _kinds[kind]);
            raw.sqlite3_bind_int64(_entry, 3, orderLineId);
            raw.sqlite3_bind_int64(_entry, 4, saleId);
            raw.sqlite3_bind_int64(_entry, 5, amountFen);
            raw.sqlite3_bind_int64(_entry, 6, basisFen);
            raw.sqlite3_bind_text(_entry, 7, due);
            raw.sqlite3_bind_int64(_entry, 8, month);
            Step(_entry);
        }

        public override void AddLine(long orderLineId, int supplierId, long shippedFen, long refundBookedFen)
        {
            raw.sqlite3_bind_int64(_line, 1, orderLineId);
            raw.sqlite3_bind_int64(_line, 2, supplierId);
            raw.sqlite3_bind_int64(_line, 3, shippedFen);
            raw.sqlite3_bind_int64(_line, 4, refundBookedFen);
            Step(_line);
        }

        public override void UpdateLine(long orderLineId, long refundBookedFen)
        {
            raw.sqlite3_bind_int64(_update, 1, orderLineId);
            raw.sqlite3_bind_int64(_update, 2, refundBookedFen);
            Step(_update);
        }

        public override void Flush() { }

        public override void Dispose()
        {
            _entry.Dispose();
            _line.Dispose();
            _update.Dispose();
        }

        private sqlite3_stmt Prepare(string sql)
        {
            Check(raw.sqlite3_prepare_v2(_db, sql, out var statement));
            return statement;
        }

        private void Step(sqlite3_stmt statement)
        {
            var rc = raw.sqlite3_step(statement);
            raw.sqlite3_reset(statement);
            if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
        }

        private void Check(int rc)
        {
            if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    /// <summary>Multi-row INSERTs prepared once per batch size (SQL Server allows 2,100 parameters a command).</summary>
    private sealed class BatchedLedgerWriter : LedgerWriter
    {
        private const int MaxParameters = 2_000;
        private readonly DbConnection _connection;
        private readonly DbTransaction _transaction;
        private readonly Tables _tables;
        private readonly DateTime _now;
        private readonly Batch _entries;
        private readonly Batch _lines;
        private readonly DbCommand _update;

        public BatchedLedgerWriter(DbConnection connection, DbTransaction transaction, Tables tables, DateTime now)
        {
            (_connection, _transaction, _tables, _now) = (connection, transaction, tables, now);
            _entries = new Batch(this, 8, (rows, p) => _tables.EntryInsert(rows, p), withNow: true);
            _lines = new Batch(this, 4, (rows, p) => _tables.LineInsert(rows, p), withNow: false);
            _update = Command(_tables.LineUpdate(Name), 2, withNow: false);
        }

        public override void AddEntry(int supplierId, EntryKind kind, long orderLineId, int saleId, long amountFen, long basisFen, DateOnly dueDate, int month) =>
            _entries.Add(supplierId, kind.ToString(), orderLineId, saleId, amountFen, basisFen, dueDate, month);

        public override void AddLine(long orderLineId, int supplierId, long shippedFen, long refundBookedFen) =>
            _lines.Add(orderLineId, supplierId, shippedFen, refundBookedFen);

        public override void UpdateLine(long orderLineId, long refundBookedFen)
        {
            _update.Parameters[0].Value = orderLineId;
            _update.Parameters[1].Value = refundBookedFen;
            _update.ExecuteNonQuery();
        }

        public override void Flush()
        {
            _entries.Flush();
            _lines.Flush();
        }

        public override void Dispose()
        {
            _entries.Dispose();
            _lines.Dispose();
            _update.Dispose();
        }

        private static string Name(int row, int column) => row < 0 ? "@now" : string.Create(CultureInfo.InvariantCulture, $"@p{row}_{column}");

        private DbCommand Command(string sql, int parameters, bool withNow, int rows = 1)
        {
            var command = _connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = sql;
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < parameters; c++)
                {
                    var p = command.CreateParameter();
                    p.ParameterName = Name(r, c);
                    command.Parameters.Add(p);
                }
            }
            if (withNow)
            {
                var now = command.CreateParameter();
                now.ParameterName = "@now";
                // Typed: SQL Server reads an untyped DateTime as datetime, which rounds to steps of 3.33 ms; BookedAt is datetime2.
                now.DbType = System.Data.DbType.DateTime2;
                now.Value = _now;
                command.Parameters.Add(now);
            }
            return command;
        }

        private sealed class Batch(BatchedLedgerWriter writer, int columns, Func<int, Func<int, int, string>, string> sql, bool withNow) : IDisposable
        {
            private readonly int _rows = Math.Min(1_000, (MaxParameters - 1) / columns);
            private readonly List<object[]> _pending = [];
            private DbCommand? _full;

            public void Add(params object[] row)
            {
                _pending.Add(row);
                if (_pending.Count == _rows) Flush();
            }

            public void Flush()
            {
                if (_pending.Count == 0) return;
                var full = _pending.Count == _rows;
                var command = full ? _full ??= writer.Command(sql(_rows, Name), columns, withNow, _rows) : writer.Command(sql(_pending.Count, Name), columns, withNow, _pending.Count);
                try
                {
                    for (var r = 0; r < _pending.Count; r++)
                    {
                        for (var c = 0; c < columns; c++) command.Parameters[(r * columns) + c].Value = _pending[r][c];
                    }
                    command.ExecuteNonQuery();
                }
                finally
                {
                    if (!full) command.Dispose();
                }
                _pending.Clear();
            }

            public void Dispose() => _full?.Dispose();
        }
    }
}
