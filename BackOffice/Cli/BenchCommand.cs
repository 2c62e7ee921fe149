using BackOffice.Domain.Reporting.Benchmarks;

namespace BackOffice.Cli;

/// <summary><c>bench &lt;suite&gt;</c>: prints figures; never asserts timings.</summary>
public static class BenchCommand
{
    private static readonly Dictionary<string, Func<CommandContext, Task>> Suites = new()
    {
        ["exports"] = _ => ReportingBenchmarks.RunAsync(Console.Out, CancellationToken.None),
        ["calendar"] = async context =>
        {
            await using var services = context.BuildServices();
            await Domain.Sales.CalendarBenchmarks.RunAsync(services, Console.Out, CancellationToken.None);
        },
        ["import"] = async context =>
        {
            await using var services = context.BuildServices();
            await Domain.Imports.ImportBenchmarks.RunAsync(services, Console.Out, CancellationToken.None);
        },
        ["dashboards"] = async context =>
        {
            await using var services = context.BuildServices();
            // "bench dashboards quick": fewer filters and no straight-from-lines references, for iterating.
            await Domain.Metrics.DashboardBenchmarks.RunAsync(services, Console.Out, context.Positional.Contains("quick"), CancellationToken.None);
        },
    };

    public static async Task<int> RunAsync(CommandContext context)
    {
        if (context.Positional.Count == 0 || !Suites.TryGetValue(context.Positional[0], out var suite))
            throw new CommandLineException($"usage: bench <{string.Join('|', Suites.Keys)}>");
        await suite(context);
        return 0;
    }
}
