using BackOffice.Domain.Reporting.Benchmarks;
using BackOffice.Domain.Settlement;

namespace BackOffice.Cli;

/// <summary><c>bench &lt;suite&gt;</c>: prints figures; never asserts timings.</summary>
public static class BenchCommand
{
    private static readonly Dictionary<string, Func<CommandContext, Task>> Suites = new()
    {
        ["exports"] = _ => ReportingBenchmarks.RunAsync(Console.Out, CancellationToken.None),
        ["calendar"] = WithServices(Domain.Sales.CalendarBenchmarks.RunAsync),
        // "bench import empty": into a database with the demo master data and no order lines (seeded so when the folder is new).
        ["import"] = context => WithServices((services, output, ct) =>
            Domain.Imports.ImportBenchmarks.RunAsync(services, output, context.Positional.Contains("empty"), ct))(context),
        // "bench dashboards quick": fewer filters and no straight-from-lines references, for iterating;
        // "nolines": all filters, no references; "slowest": also print each query's three slowest filters.
        ["dashboards"] = context => WithServices((services, output, ct) =>
            Domain.Metrics.DashboardBenchmarks.RunAsync(services, output, new Domain.Metrics.BenchOptions(
                context.Positional.Contains("quick") ? 8 : 20,
                !context.Positional.Contains("quick") && !context.Positional.Contains("nolines"),
                context.Positional.Contains("slowest")), ct))(context),
        ["settlement"] = WithServices(SettlementBenchmarks.RunAsync),
    };

    /// <summary>A suite that runs over the configured database, built like the web app's.</summary>
    private static Func<CommandContext, Task> WithServices(Func<IServiceProvider, TextWriter, CancellationToken, Task> suite) =>
        async context =>
        {
            await using var services = context.BuildServices();
            await suite(services, Console.Out, CancellationToken.None);
        };

    public static async Task<int> RunAsync(CommandContext context)
    {
        if (context.Positional.Count == 0 || !Suites.TryGetValue(context.Positional[0], out var suite))
            throw new CommandLineException($"usage: bench <{string.Join('|', Suites.Keys)}>");
        await suite(context);
        return 0;
    }
}
