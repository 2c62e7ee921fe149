using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using BackOffice.Domain.Audit;
using BackOffice.Domain.Common;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Metrics;
using BackOffice.Domain.Persistence;
using BackOffice.Domain.Shopkeepers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BackOffice.Domain.Imports;

/// <summary>
/// The shopkeeper and order-line feeds of DESIGN.md "Data in", whatever the channel (page, command
/// line, HTTP). Rows are checked one by one while they stream into a staging table, then with
/// set-based SQL against it; a feed with any bad row is rejected whole; a good one is applied, with
/// the metric aggregates and one audit entry, in one transaction.
/// </summary>
public sealed partial class ImportService(IDbContextFactory<BackOfficeDbContext> factory, AuditTrail audit, PersonalDataProtector protector, TimeProvider clock)
{
    public const int MaxProblems = 1000;

    /// <summary>
    /// SQLite page cache for an import's connection, in KiB: the database's (a million lines go into the
    /// order lines' indexes and the aggregates', at random places; on the 10M-line set the
    /// lines' insert took 22 s of CPU with 128 MB, 18 s with 512 MB, 13 s with 1 GB) and the staging tables'.
    /// A constant, so memory stays flat in the feed's size.
    /// </summary>
    private const int ImportCacheKib = 512 * 1024;
    private const int StagingCacheKib = 128 * 1024;

    /// <summary>
    /// How many aggregate groups, and orders, an order-line import sums in memory before it groups in SQL instead
    /// (<see cref="ImportDelta"/>). On SQLite only: the sums compare codes ordinally, as SQLite does, where SQL
    /// Server groups by its collation (usually ignoring case), so there the import keeps grouping in SQL.
    /// </summary>
    internal int DeltaCapacity { get; set; } = ImportDelta.DefaultCapacity;

    /// <summary>The role an API key acts with: it may import, nothing else.</summary>
    public const string ApiClientRole = "ApiClient";

    public static readonly IReadOnlyList<string> ShopkeeperColumns = ["shopkeeper_id", "phone", "real_name", "province", "city", "joined_at"];

    public static readonly IReadOnlyList<string> OrderLineColumns =
    [
        "external_id", "order_id", "sale_code", "sku_code", "shopkeeper_id", "quantity", "paid_fen",
        "shopkeeper_commission_fen", "ordered_at", "shipped_at", "refund_fen", "refunded_at",
    ];

    public static IReadOnlyList<string> Columns(ImportKind kind) => kind == ImportKind.Shopkeepers ? ShopkeeperColumns : OrderLineColumns;

    /// <summary>Imports a CSV file; <paramref name="bytesRead"/> reports progress through the file.</summary>
    public async Task<ImportResult> ImportCsvAsync(Actor actor, ImportKind kind, Stream csv, IProgress<long>? bytesRead = null, CancellationToken ct = default)
    {
        RequireImporter(actor);
        var started = Stopwatch.GetTimestamp();
        var source = new CsvRowSource(csv, bytesRead);
        if (source.ReadHeader(Columns(kind)) is { } headerProblem)
            return new ImportResult(kind, false, 0, 0, 0, 0, 1, [new ImportProblem(0, null, headerProblem)], source.Sha256(), Stopwatch.GetElapsedTime(started));
        return await RunAsync(actor, kind, source, started, ct);
    }

    /// <summary>
    /// Imports a CSV file, uploaded on the page or named on the command line, once it passes the upload rules
    /// (<see cref="UploadRules.FeedCsv"/>: allow-listed extension, size, UTF-8 text content), which throw a
    /// <see cref="DomainException"/> naming the file. <paramref name="file"/> must be seekable (a temp or local file).
    /// </summary>
    public Task<ImportResult> ImportCsvFileAsync(Actor actor, ImportKind kind, string fileName, Stream file, IProgress<long>? bytesRead = null,
        CancellationToken ct = default)
    {
        RequireImporter(actor);
        UploadValidator.Validate(UploadRules.FeedCsv, fileName, file);
        return ImportCsvAsync(actor, kind, file, bytesRead, ct);
    }

    /// <summary>Imports a batch (the HTTP API); the rows hold the feed's fields in column order.</summary>
    public Task<ImportResult> ImportBatchAsync(Actor actor, ImportKind kind, IReadOnlyList<string[]> rows, string sha256, CancellationToken ct = default)
    {
        RequireImporter(actor);
        return RunAsync(actor, kind, new BatchRowSource(rows, sha256), Stopwatch.GetTimestamp(), ct);
    }

    /// <summary>
    /// Imports a JSON batch (the HTTP API): an array of objects whose property names are the feed's
    /// CSV headers. It streams like a CSV file and goes through the same rules; the SHA-256 is of the
    /// request body. A body that is not a JSON array of objects throws <see cref="InvalidBatchException"/>.
    /// </summary>
    public async Task<ImportResult> ImportJsonAsync(Actor actor, ImportKind kind, Stream json, CancellationToken ct = default)
    {
        RequireImporter(actor);
        var started = Stopwatch.GetTimestamp();
        await using var source = new JsonRowSource(json, Columns(kind), ct);
        return await RunAsync(actor, kind, source, started, ct);
    }

    private static void RequireImporter(Actor actor)
    {
        if (!actor.IsIn(Roles.Finance) && !actor.IsIn(Roles.Admin) && !actor.IsIn(ApiClientRole))
            throw new AccessDeniedException("导入需要财务或管理员角色 · Importing needs the Finance or Admin role");
    }

    private async Task<ImportResult> RunAsync(Actor actor, ImportKind kind, RowSource source, long started, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        if (!db.Database.IsSqlite()) return await RunInTransactionAsync(db, connection, actor, kind, source, started, ct);
        // Staging lives in a temp file (memory stays flat in the feed's size) behind a fixed, larger page
        // cache: index maintenance on a million-line import otherwise thrashes the disk. Foreign keys are
        // off for the import: every sale, SKU and shopkeeper a line names has been looked up while staging,
        // and checking them again costs four lookups a line. Both reset once the transaction has ended
        // (SQLite ignores foreign_keys inside one), as the connection goes back to the pool.
        await new RawSql(connection, null).ExecAsync($"PRAGMA foreign_keys=OFF; PRAGMA temp_store=FILE; PRAGMA main.cache_size=-{ImportCacheKib}; PRAGMA temp.cache_size=-{StagingCacheKib}", ct);
        try
        {
            return await RunInTransactionAsync(db, connection, actor, kind, source, started, ct);
        }
        finally
        {
            await ResetConnectionAsync(connection);
        }
    }

    private async Task<ImportResult> RunInTransactionAsync(BackOfficeDbContext db, DbConnection connection, Actor actor, ImportKind kind, RowSource source, long started,
        CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var sql = new RawSql(connection, tx.GetDbTransaction());
        var problems = new ImportProblems(sql);
        var batch = kind == ImportKind.Shopkeepers
            ? (FeedBatch)new ShopkeeperBatch(sql, problems, protector, ChinaTime.Today(clock))
            : new OrderLineBatch(sql, problems, sql.Dialect.IsSqlServer ? 0 : DeltaCapacity);
        try
        {
            await batch.CreateStagingAsync(ct);
            var rows = await StageAsync(source, batch, problems, Columns(kind).Count, ct);
            var sha256 = await source.Sha256Async(ct);
            await batch.ValidateAsync(ct);
            var problemCount = await problems.CountAsync(ct);
            if (problemCount > 0)
            {
                var first = await problems.FirstAsync(ct);
                await tx.RollbackAsync(ct);
                return new ImportResult(kind, false, rows, 0, 0, 0, problemCount, first, sha256, Stopwatch.GetElapsedTime(started));
            }
            var (inserted, updated) = await batch.ApplyAsync(ct);
            var unchanged = rows - inserted - updated;
            await audit.RecordAsync(db, actor, kind == ImportKind.Shopkeepers ? "import.shopkeepers" : "import.order-lines", "Import", sha256[..16],
                after: new { Kind = kind.ToString(), Rows = rows, Inserted = inserted, Updated = updated, Unchanged = unchanged, Sha256 = sha256 }, ct: ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new ImportResult(kind, true, rows, inserted, updated, unchanged, 0, [], sha256, Stopwatch.GetElapsedTime(started));
        }
        finally
        {
            await batch.DropStagingAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Reads and checks rows on one thread while this one writes them to the staging table (SQLite has one
    /// writer; parsing, checking and encrypting are the rest of the work). The queue between them is
    /// bounded, so memory holds a few chunks of rows, never the feed.
    /// </summary>
    private static async Task<long> StageAsync(RowSource source, FeedBatch batch, ImportProblems problems, int columns, CancellationToken ct)
    {
        var queue = Channel.CreateBounded<ParsedRow[]>(new BoundedChannelOptions(QueuedChunks) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = Task.Run(() => ReadAsync(source, batch, columns, queue.Writer, stop.Token), CancellationToken.None);
        var rows = 0L;
        try
        {
            await foreach (var chunk in queue.Reader.ReadAllAsync(ct))
            {
                foreach (var row in chunk)
                {
                    rows++;
                    // A row's problems, from parsing or from staging's look-ups, are recorded here once.
                    if (row is not RejectedRow) await batch.StageAsync(row, ct);
                    await problems.AddAsync(row.Row, row.Problems);
                }
            }
            await batch.EndStagingAsync(ct);
            return rows;
        }
        finally
        {
            // The reader never throws (its failure completes the queue); stop it before the source goes away.
            await stop.CancelAsync();
            await reading;
        }
    }

    private const int ChunkRows = 512;
    private const int QueuedChunks = 16;

    private static async Task ReadAsync(RowSource source, FeedBatch batch, int columns, ChannelWriter<ParsedRow[]> queue, CancellationToken ct)
    {
        try
        {
            var fields = new List<string>(16);
            var chunk = new List<ParsedRow>(ChunkRows);
            while (await source.ReadAsync(fields, ct) is (true, var error))
            {
                ct.ThrowIfCancellationRequested();
                chunk.Add(error is not null ? new RejectedRow(source.Row, error)
                    : fields.Count != columns ? new RejectedRow(source.Row, $"应有 {columns} 列，实有 {fields.Count} 列 · expected {columns} fields, found {fields.Count}")
                    : batch.Parse(source.Row, fields));
                if (chunk.Count == ChunkRows)
                {
                    await queue.WriteAsync([.. chunk], ct);
                    chunk.Clear();
                }
            }
            if (chunk.Count > 0) await queue.WriteAsync([.. chunk], ct);
            queue.Complete();
        }
        catch (Exception e)
        {
            queue.Complete(e);
        }
    }

    private static async Task ResetConnectionAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_keys=ON; PRAGMA main.cache_size=-2000; PRAGMA temp.cache_size=-2000";
        try { await command.ExecuteNonQueryAsync(CancellationToken.None); }
        catch (DbException) { /* the connection is closing anyway */ }
    }

    // ---- parsing helpers shared by both feeds ----

    internal static bool TryInstant(string text, out DateTime utc)
    {
        utc = default;
        text = text.Trim();
        if (TryCommonInstant(text, out utc)) return true;
        if (!IsoInstant().IsMatch(text)) return false;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)) return false;
        utc = value.UtcDateTime;
        return true;
    }

    /// <summary>
    /// The shape nearly every feed sends, <c>yyyy-MM-ddTHH:mm:ss±hh:mm</c>, read digit by digit (no
    /// regex, no culture-aware parse: a million-line import reads three instants a line). Anything else,
    /// and any value out of range, goes the general way, which decides.
    /// </summary>
    private static bool TryCommonInstant(string t, out DateTime utc)
    {
        utc = default;
        if (t.Length != 25 || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' || t[16] != ':' || (t[19] != '+' && t[19] != '-') || t[22] != ':')
            return false;
        if (!Digits(t, 0, 4, out var year) || !Digits(t, 5, 2, out var month) || !Digits(t, 8, 2, out var day) || !Digits(t, 11, 2, out var hour)
            || !Digits(t, 14, 2, out var minute) || !Digits(t, 17, 2, out var second) || !Digits(t, 20, 2, out var offsetHours) || !Digits(t, 23, 2, out var offsetMinutes))
            return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59
            || offsetMinutes > 59 || offsetHours * 60 + offsetMinutes > 14 * 60)
            return false;
        var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        var ticks = local.Ticks - (t[19] == '+' ? offset.Ticks : -offset.Ticks);
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks) return false;
        utc = new DateTime(ticks, DateTimeKind.Utc);
        return true;
    }

    private static bool Digits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = text[i] - '0';
            if ((uint)d > 9) return false;
            value = value * 10 + d;
        }
        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoInstant();

    /// <summary>The rows' problems, staged in a temp table beside the rows (memory stays flat however many there are).</summary>
    internal sealed class ImportProblems(RawSql sql)
    {
        private DbCommand? _insert;

        public static IReadOnlyList<string> Statements(SqlDialect d) =>
        [
            d.DropTemp("import_problems"),
            d.CreateTemp("import_problems", $"id {d.Identity}, row_no {d.Int} NOT NULL, field {d.Text(64)}, message {d.LongText} NOT NULL"),
            $"INSERT INTO {d.Temp("import_problems")}(row_no, field, message) VALUES (@r, @f, @m)",
            $"SELECT COUNT(*) FROM {d.Temp("import_problems")}",
            d.SelectFirst(MaxProblems, "row_no, field, message", $"FROM {d.Temp("import_problems")} ORDER BY row_no, id"),
        ];

        private readonly IReadOnlyList<string> _statements = Statements(sql.Dialect);

        /// <summary>
        /// Whether any key comes twice in the staged file (<c>Any</c>: one pass over the key's index, where
        /// <c>Problems</c> probes it once a row); a key that came earlier is a problem on each later row
        /// (<c>Problems</c>); then only the first row of each key stays staged (<c>Drop</c>; the staged rows'
        /// only problems on that field are these).
        /// </summary>
        public static (string Any, string Problems, string Drop) DuplicateKeys(SqlDialect d, string stage, string column, string field, string zh, string en)
        {
            var problems = d.Temp("import_problems");
            return (d.SelectFirst(1, "1", $"FROM {stage} GROUP BY {column} HAVING COUNT(*) > 1"), $"""
                INSERT INTO {problems}(row_no, field, message)
                SELECT s.row_no, '{field}', {d.Concat(d.Literal(zh), $"s.{column}", d.Literal(en), $"s.{column}")}
                FROM {stage} s WHERE EXISTS (SELECT 1 FROM {stage} t WHERE t.{column} = s.{column} AND t.row_no < s.row_no)
                """, $"DELETE FROM {stage} WHERE row_no IN (SELECT row_no FROM {problems} WHERE field = '{field}')");
        }

        public Task CreateAsync(CancellationToken ct) => sql.ExecAllAsync(_statements.Take(2), ct);

        public async Task AddAsync(long row, IReadOnlyList<(string? Field, string Message)>? list)
        {
            if (list is null) return;
            _insert ??= RawSql.Prepare(sql.Command(_statements[2]), "@r", "@f", "@m");
            foreach (var (field, message) in list)
            {
                _insert.Parameters[0].Value = row;
                _insert.Parameters[1].Value = (object?)field ?? DBNull.Value;
                _insert.Parameters[2].Value = message;
                await _insert.ExecuteNonQueryAsync();
            }
        }

        public Task<long> CountAsync(CancellationToken ct) => sql.ScalarAsync(_statements[3], ct);

        /// <summary>The first <see cref="MaxProblems"/>, by row.</summary>
        public async Task<IReadOnlyList<ImportProblem>> FirstAsync(CancellationToken ct)
        {
            await using var command = sql.Command(_statements[4]);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var list = new List<ImportProblem>();
            while (await reader.ReadAsync(ct))
                list.Add(new ImportProblem(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2)));
            return list;
        }

        /// <summary>Drops the staging tables, outside the (ended) transaction.</summary>
        public async Task DropAsync(params string[] tables)
        {
            _insert?.Dispose();
            _insert = null;
            foreach (var table in tables)
            {
                await using var command = sql.Connection.CreateCommand();
                command.CommandText = sql.Dialect.DropTemp(table);
                try { await command.ExecuteNonQueryAsync(); }
                catch (Exception e) when (e is DbException or InvalidOperationException)
                {
                    // Still inside a failed transaction, or the connection is going back to the pool: a leftover
                    // temp table is dropped on next use (SQL Server drops it when the pooled connection is reset).
                }
            }
        }
    }

    /// <summary>A row as read and checked without the database: what to stage, or its problems.</summary>
    internal class ParsedRow(long row)
    {
        public long Row => row;

        public List<(string? Field, string Message)>? Problems { get; private set; }

        public bool Bad => Problems is not null;

        public void Problem(string? field, string message) => (Problems ??= []).Add((field, message));
    }

    /// <summary>A row that could not be read as the feed's fields.</summary>
    internal sealed class RejectedRow : ParsedRow
    {
        public RejectedRow(long row, string message) : base(row) => Problem(null, message);
    }

    internal abstract class FeedBatch
    {
        public abstract Task CreateStagingAsync(CancellationToken ct);

        /// <summary>Reads and checks one row without the database; runs beside <see cref="StageAsync"/>, on another thread.</summary>
        public abstract ParsedRow Parse(long row, List<string> fields);

        /// <summary>Checks what needs the database and stages the row, or records its problems.</summary>
        public abstract ValueTask StageAsync(ParsedRow row, CancellationToken ct);

        public abstract Task EndStagingAsync(CancellationToken ct);
        public abstract Task ValidateAsync(CancellationToken ct);
        public abstract Task<(long Inserted, long Updated)> ApplyAsync(CancellationToken ct);
        public abstract Task DropStagingAsync(CancellationToken ct);
    }
}
