using System.Globalization;
using BackOffice.Domain.Common;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Imports;
using BackOffice.Domain.Metrics;

namespace BackOffice.Cli;

/// <summary>
/// <c>import shopkeepers|order-lines --file F.csv</c>: the same rules as the page, upload checks included; a rejected file
/// prints its problems (first 1,000 and the total) and exits 2. <c>aggregates rebuild</c> recomputes
/// the metric aggregates from the order lines.
/// </summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        var kind = (context.Positional.Count > 0 ? context.Positional[0] : null) switch
        {
            "shopkeepers" => ImportKind.Shopkeepers,
            "order-lines" => ImportKind.OrderLines,
            _ => throw new CommandLineException("usage: import shopkeepers|order-lines --file F.csv"),
        };
        var file = context.Option("file") ?? throw new CommandLineException("import needs --file F.csv");
        if (!File.Exists(file)) throw new CommandLineException($"no such file: {file}");
        await using var services = context.BuildServices();
        await services.GetRequiredService<Domain.Persistence.DatabaseMigrator>().MigrateAsync();
        var actor = new Actor("cli", $"命令行 Command line ({Environment.UserName})", new HashSet<string> { Roles.Admin });
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var result = await services.GetRequiredService<ImportService>().ImportCsvFileAsync(actor, kind, Path.GetFileName(file), stream, new ReadProgress(stream.Length));
        var c = CultureInfo.InvariantCulture;
        if (!result.Applied)
        {
            Console.Error.WriteLine(string.Create(c, $"rejected: {result.ProblemCount:N0} problem(s) in {result.Rows:N0} rows; nothing was written"));
            foreach (var p in result.Problems) Console.Error.WriteLine(string.Create(c, $"  row {p.Row}{(p.Field is null ? "" : " " + p.Field)}: {p.Message}"));
            if (result.ProblemCount > result.Problems.Count) Console.Error.WriteLine(string.Create(c, $"  … and {result.ProblemCount - result.Problems.Count:N0} more"));
            return 2;
        }
        Console.WriteLine(string.Create(c,
            $"imported {result.Rows:N0} rows: {result.Inserted:N0} new, {result.Updated:N0} updated, {result.Unchanged:N0} unchanged in {result.Elapsed.TotalSeconds:N1} s ({result.RowsPerSecond:N0} rows/s); sha256 {result.Sha256}"));
        return 0;
    }

    /// <summary>Prints "read N%" on stderr at every tenth of the file, as it is staged; validation and the commit follow "read 100%".</summary>
    private sealed class ReadProgress(long size) : IProgress<long>
    {
        private int _printed;

        public void Report(long value)
        {
            var tenths = size == 0 ? 10 : (int)Math.Min(10, value * 10 / size);
            if (tenths <= _printed) return;
            _printed = tenths;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read {tenths * 10}% ({value:N0} of {size:N0} bytes)"));
        }
    }

    public static async Task<int> AggregatesAsync(CommandContext context)
    {
        if ((context.Positional.Count > 0 ? context.Positional[0] : null) != "rebuild") throw new CommandLineException("usage: aggregates rebuild");
        await using var services = context.BuildServices();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await services.GetRequiredService<AggregateBuilder>().RebuildAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"aggregates rebuilt from the order lines in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:N1} s"));
        return 0;
    }
}
