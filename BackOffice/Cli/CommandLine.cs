using BackOffice.Domain;
using BackOffice.Domain.Audit;
using BackOffice.Domain.Persistence;

namespace BackOffice.Cli;

/// <summary>
/// The commands beside the web host. Every command reads the same configuration as the web app
/// (appsettings, environment, and <c>--Key value</c> pairs such as <c>--DataFolder</c>).
/// </summary>
public static class CommandLine
{
    private static readonly Dictionary<string, Func<CommandContext, Task<int>>> Commands = new()
    {
        ["help"] = _ => Task.FromResult(Help(Console.Out)),
        ["migrate"] = MigrateAsync,
        ["seed"] = SeedCommand.RunAsync,
        ["bench"] = BenchCommand.RunAsync,
        ["audit"] = AuditAsync,
        ["import"] = ImportCommand.RunAsync,
        ["aggregates"] = ImportCommand.AggregatesAsync,
        ["settlement"] = SettlementCommand.RunAsync,
        ["statements"] = SettlementCommand.StatementsAsync,
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && (Commands.ContainsKey(args[0]) || args[0] is "--help" or "-h");

    public static async Task<int> RunAsync(string[] args)
    {
        var name = args[0] is "--help" or "-h" ? "help" : args[0];
        try
        {
            var context = CommandContext.Create(args[1..]);
            return await Commands[name](context);
        }
        catch (Exception ex) when (ex is CommandLineException or InvalidOperationException or Domain.Common.DomainException or IOException)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
    }

    public static int Help(TextWriter output)
    {
        output.WriteLine("""
            BackOffice — console and command line

            Usage: BackOffice [command] [options] [--Key value ...]
              (no command)                      start the web console
              migrate                           create or upgrade the database
              seed [--scale N|large] [--seed N] [--today yyyy-MM-dd]
                                                generate demo data into an empty database
                                                (scale 1: 300k order lines; large: 200k shopkeepers, 10M lines)
              import shopkeepers|order-lines --file F.csv
                                                import a CSV feed (all rows valid, or nothing is written)
              aggregates rebuild                recompute the dashboard aggregates from the order lines
              audit verify                      verify the audit chain; names the first broken entry
              settlement run --through yyyy-MM-dd
                                                book the ledger up to a date and rebuild the draft statements
              statements issue --month yyyy-MM  issue the month's draft statements (months in order)
              statements export --month yyyy-MM [--supplier SUP-000123] --format xlsx,pdf,json --out DIR
                                                write the month's statements as files
              bench exports                     1M-row streaming Excel and 50-page PDF: time and memory
              bench import                      1M-line order-line CSV into the configured database: lines/s
              bench dashboards [quick|nolines|slowest]
                                                dashboard query p50/p95 beside the same figures from the order lines
                                                (builds the 10M-line data set first when the database is empty)
              bench settlement                  on a data set without a ledger: first run, the last month's run,
                                                rerun, and a 5,000-entry statement to Excel and PDF
              bench calendar                    sales calendar queries
              help                              this text

            Configuration (same as the web app): --DataFolder DIR, --Database:Provider Sqlite|SqlServer,
            --ConnectionStrings:BackOffice "...", or the environment (DataFolder, Database__Provider, ...).
            """);
        return 0;
    }

    private static async Task<int> MigrateAsync(CommandContext context)
    {
        await using var services = context.BuildServices();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        Console.WriteLine($"database is up to date ({services.GetRequiredService<DatabaseOptions>().Provider})");
        return 0;
    }

    private static async Task<int> AuditAsync(CommandContext context)
    {
        if (context.Positional.Count == 0 || context.Positional[0] != "verify") throw new CommandLineException("usage: audit verify");
        await using var services = context.BuildServices();
        var result = await services.GetRequiredService<AuditVerifier>().VerifyAsync();
        Console.WriteLine(result.Message);
        return result.IsIntact ? 0 : 2;
    }
}

public sealed class CommandLineException(string message) : Exception(message);
