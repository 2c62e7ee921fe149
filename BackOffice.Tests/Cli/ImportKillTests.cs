using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BackOffice.Domain.Audit;
using BackOffice.Domain.Imports;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Tests.Cli;

/// <summary>
/// The real command line (<c>dotnet BackOffice.dll import order-lines --file F.csv</c>) killed with its whole
/// process tree while it imports a 1,000,000-line file, at two points: halfway through reading (staging) and
/// just after the last byte was read (validating, applying, committing). Each time every table of the
/// database is exactly as before, row for row, and the audit chain verifies; then the same import run
/// again to the end succeeds with the expected counts.
/// </summary>
public sealed class ImportKillTests
{
    private const int Lines = 1_000_000;
    private const int ExistingLines = 5_000;
    private const int Shopkeepers = 2_000;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task ImportOrderLines_ProcessKilledMidImport_DatabaseAsBeforeAndRerunSucceeds()
    {
        var total = Stopwatch.StartNew();
        await using var db = await TestDatabase.CreateAsync();
        await TradingData.SeedAsync(db, brands: 4);
        var importer = db.Get<ImportService>();
        Assert.True((await importer.ImportCsvAsync(People.Admin, ImportKind.Shopkeepers,
            TradingData.Csv(TradingData.ShopkeeperHeader, Enumerable.Range(1, Shopkeepers).Select(n => TradingData.ShopkeeperRow(n))))).Applied);
        var existing = new MemoryStream();
        WriteLines(existing, 0, ExistingLines);
        existing.Position = 0;
        Assert.True((await importer.ImportCsvAsync(People.Admin, ImportKind.OrderLines, existing)).Applied);
        var databaseFile = Path.Combine(db.Folder, "backoffice.db");
        var before = await SnapshotAsync(databaseFile);
        var auditBefore = await db.Get<AuditVerifier>().VerifyAsync();
        Assert.True(auditBefore.IsIntact, auditBefore.Message);

        var csv = Path.Combine(db.Folder, "order-lines-1m.csv");
        await using (var file = new FileStream(csv, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20)) WriteLines(file, ExistingLines, Lines);
        var size = new FileInfo(csv).Length;
        var generated = total.Elapsed;

        var halfway = await RunAndKillAsync(db.Folder, csv, "read 50%");
        Assert.Equal(before, await SnapshotAsync(databaseFile));
        var killedWhileApplying = await RunAndKillAsync(db.Folder, csv, "read 100%");
        Assert.Equal(before, await SnapshotAsync(databaseFile));
        var audit = await db.Get<AuditVerifier>().VerifyAsync();
        Assert.True(audit.IsIntact, audit.Message);
        Assert.Equal(auditBefore.EntriesChecked, audit.EntriesChecked);

        var rerun = Stopwatch.StartNew();
        var (exitCode, output) = await RunToEndAsync(db.Folder, csv);
        Assert.True(exitCode == 0, output);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"imported {Lines:N0} rows: {Lines:N0} new, 0 updated, 0 unchanged"), output, StringComparison.Ordinal);
        await using (var context = db.NewContext())
        {
            Assert.Equal(ExistingLines + Lines, await context.OrderLines.CountAsync());
            Assert.Equal(Paid(0, ExistingLines + Lines), await context.OrderLines.SumAsync(l => l.PaidFen));
            Assert.Equal(Refund(0, ExistingLines + Lines), await context.OrderLines.SumAsync(l => l.RefundFen));
            Assert.Equal(Paid(0, ExistingLines + Lines), await context.DailySales.SumAsync(d => d.GmvFen));
        }
        var afterRerun = await db.Get<AuditVerifier>().VerifyAsync();
        Assert.True(afterRerun.IsIntact, afterRerun.Message);
        Assert.Equal(auditBefore.EntriesChecked + 1, afterRerun.EntriesChecked);

        TestContext.Current.SendDiagnosticMessage(string.Create(CultureInfo.InvariantCulture,
            $"kill test: {Lines:N0} lines ({size / 1024 / 1024} MB) generated in {generated.TotalSeconds:N1} s; killed at 50% read after {halfway.TotalSeconds:N1} s and at 100% read (validating/applying) after {killedWhileApplying.TotalSeconds:N1} s; re-run {rerun.Elapsed.TotalSeconds:N1} s; test {total.Elapsed.TotalSeconds:N1} s"));
    }

    private static long Paid(int from, int to) => Sum(from, to, n => 1_000 + n % 50_000);

    private static long Refund(int from, int to) => Sum(from, to, n => n % 10 == 0 ? (1_000 + n % 50_000) / 4 : 0);

    private static long Sum(int from, int to, Func<int, long> value)
    {
        long sum = 0;
        for (var n = from; n < to; n++) sum += value(n);
        return sum;
    }

    /// <summary>Lines <paramref name="from"/>..<paramref name="from"/>+<paramref name="count"/>-1: one line an order over 4 sales and 2,000 shopkeepers, a third shipped, a tenth refunded after shipment.</summary>
    private static void WriteLines(Stream target, int from, int count)
    {
        using var writer = new StreamWriter(target, new UTF8Encoding(false), 1 << 20, leaveOpen: true);
        writer.Write(TradingData.OrderLineHeader);
        writer.Write('\n');
        var start = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var c = CultureInfo.InvariantCulture;
        for (var n = from; n < from + count; n++)
        {
            var ordered = start.AddSeconds(n % (50 * 86_400));
            var paid = Paid(n, n + 1);
            var refund = Refund(n, n + 1);
            var shipped = n % 3 == 0 || refund > 0 ? ordered.AddDays(1).ToString("yyyy-MM-ddTHH:mm:sszzz", c) : "";
            var refunded = refund > 0 ? ordered.AddDays(5).ToString("yyyy-MM-ddTHH:mm:sszzz", c) : "";
            writer.Write(TradingData.LineRow($"K{n:D7}", $"KO{n:D7}", brand: n % 4 + 1, sku: n % 3 + 1, shopkeeper: n % Shopkeepers + 1, quantity: n % 3 + 1,
                paid: paid, commission: paid / 20, orderedAt: ordered.ToString("yyyy-MM-ddTHH:mm:sszzz", c), shippedAt: shipped, refund: refund, refundedAt: refunded));
            writer.Write('\n');
        }
    }

    private static Process Start(string dataFolder, string csv)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "BackOffice.dll"), "import", "order-lines", "--file", csv }) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DataFolder"] = dataFolder;
        return Process.Start(start)!;
    }

    /// <summary>Starts the import and kills it, with its process tree, as soon as it prints <paramref name="progressLine"/> (the CLI's "read N%" on stderr).</summary>
    private static async Task<TimeSpan> RunAndKillAsync(string dataFolder, string csv, string progressLine)
    {
        using var process = Start(dataFolder, csv);
        var output = new StringBuilder();
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Seen(string? line)
        {
            lock (output) output.AppendLine(line);
            if (line?.StartsWith(progressLine, StringComparison.Ordinal) == true)
            {
                // Killed from the reader's thread, the moment the line arrives.
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                reached.TrySetResult();
            }
        }
        process.OutputDataReceived += (_, e) => Seen(e.Data);
        process.ErrorDataReceived += (_, e) => Seen(e.Data);
        var watch = Stopwatch.StartNew();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        await Task.WhenAny(reached.Task, exited).WaitAsync(RunTimeout);
        if (!reached.Task.IsCompleted) Assert.Fail($"the import ended (exit {process.ExitCode}) before printing '{progressLine}':\n{output}");
        await exited.WaitAsync(RunTimeout);
        Assert.NotEqual(0, process.ExitCode);
        lock (output) Assert.DoesNotContain("imported ", output.ToString(), StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
        return watch.Elapsed;
    }

    private static async Task<(int ExitCode, string Output)> RunToEndAsync(string dataFolder, string csv)
    {
        using var process = Start(dataFolder, csv);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(RunTimeout);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Every table of the database, row for row: its name, row count and a SHA-256 of its rows in a fixed order.</summary>
    private static async Task<string> SnapshotAsync(string databaseFile)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var snapshot = new StringBuilder();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var order = string.Join(',', Enumerable.Range(1, reader.FieldCount));
            await reader.CloseAsync();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {order}";
            await using var rows = await command.ExecuteReaderAsync();
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var count = 0;
            var values = new object[rows.FieldCount];
            while (await rows.ReadAsync())
            {
                count++;
                rows.GetValues(values);
                foreach (var value in values) hash.AppendData(Encoding.UTF8.GetBytes((value is byte[] b ? Convert.ToBase64String(b) : Convert.ToString(value, CultureInfo.InvariantCulture)) + "\u001f"));
                hash.AppendData("\u001e"u8);
            }
            snapshot.Append(CultureInfo.InvariantCulture, $"{table}: {count} rows {Convert.ToHexStringLower(hash.GetHashAndReset())[..16]}\n");
        }
        return snapshot.ToString();
    }
}
