using BackOffice.Domain.Reporting.Benchmarks;
using BackOffice.Domain.Settlement;

namespace BackOffice.Cli;

/// <summary><c>bench &lt;suite&gt;</c>: prints figures; never asserts timings.</summary>
public static class BenchCommand
{
    private static readonly Dictionary<string, Func<CommandContext, Task>> Suites = new()
    {
        ["exports"] = _ => ReportingBenchmarks.RunAsync(Console.Out, CancellationToken.None),
        ["settlement"] = RunSettlementAsync,
    };

    private static async Task RunSettlementAsync(CommandContext context)
    {
        await using var services = context.BuildServices();
        await SettlementBenchmarks.RunAsync(services, Console.Out, CancellationToken.None);
    }

    public static async Task<int> RunAsync(CommandContext context)
    {
        if (context.Positional.Count == 0 || !Suites.TryGetValue(context.Positional[0], out var suite))
            throw new CommandLineException($"usage: bench <{string.Join('|', Suites.Keys)}>");
        await suite(context);
        return 0;
    }
}
