using System.Diagnostics;
using System.Globalization;
using BackOffice.Domain.Common;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Persistence;
using BackOffice.Domain.Settlement;

namespace BackOffice.Cli;

/// <summary>
/// <c>settlement run --through yyyy-MM-dd</c>, <c>statements issue --month yyyy-MM</c>,
/// <c>statements export --month yyyy-MM [--supplier SUP-000123] --format xlsx,pdf,json --out DIR</c>.
/// </summary>
public static class SettlementCommand
{
    /// <summary>The command line acts as a Finance operator; its audit entries name it.</summary>
    private static readonly Actor Operator = new("cli", "命令行 Command line", new HashSet<string> { Roles.Finance });

    public static async Task<int> RunAsync(CommandContext context)
    {
        if (context.Positional.Count == 0 || context.Positional[0] != "run") throw new CommandLineException("usage: settlement run --through yyyy-MM-dd");
        var text = context.Option("through") ?? throw new CommandLineException("settlement run needs --through yyyy-MM-dd");
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var through))
            throw new CommandLineException($"--through {text} is not a date (yyyy-MM-dd)");
        await using var services = context.BuildServices();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        var last = -1;
        var progress = new Progress<SettlementProgress>(p =>
        {
            if (p.Phase != "book" || p.Percent / 10 == last) return;
            last = p.Percent / 10;
            Console.Error.WriteLine($"  {p.Percent,3}% {p.Done:N0}/{p.Total:N0} lines");
        });
        var result = await services.GetRequiredService<SettlementRunService>().RunAsync(Operator, through, progress);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"settlement through {through:yyyy-MM-dd}: {result.LinesExamined:N0} lines examined, {result.EntriesBooked:N0} entries booked ({new Money(result.AmountBookedFen)}), {result.Drafts:N0} draft statements, {result.Elapsed.TotalSeconds:0.0} s"));
        return 0;
    }

    public static async Task<int> StatementsAsync(CommandContext context)
    {
        var verb = context.Positional.Count > 0 ? context.Positional[0] : "";
        var month = SettlementMonth.Parse(context.Option("month") ?? throw new CommandLineException($"statements {verb} needs --month yyyy-MM"));
        await using var services = context.BuildServices();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        switch (verb)
        {
            case "issue":
                var count = await services.GetRequiredService<StatementService>().IssueMonthAsync(Operator, month);
                Console.WriteLine($"issued {count:N0} statements for {SettlementMonth.Format(month)}");
                return 0;
            case "export":
                var formats = (context.Option("format") ?? "xlsx,pdf,json").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (formats.FirstOrDefault(f => !StatementFiles.Formats.Contains(f)) is { } bad) throw new CommandLineException($"--format {bad}: use xlsx, pdf, json");
                var folder = Path.GetFullPath(context.Option("out") ?? throw new CommandLineException("statements export needs --out DIR"));
                Directory.CreateDirectory(folder);
                var files = services.GetRequiredService<StatementFiles>();
                var ids = await files.IdsAsync(month, context.Option("supplier"), CancellationToken.None);
                if (ids.Count == 0) throw new CommandLineException($"no statements for {SettlementMonth.Format(month)}{(context.Option("supplier") is { } s ? " and " + s : "")}");
                var clock = Stopwatch.StartNew();
                foreach (var (id, number) in ids)
                {
                    foreach (var (format, bytes) in await files.GetAsync(Operator, id, formats))
                    {
                        await File.WriteAllBytesAsync(Path.Combine(folder, $"{number}.{format}"), bytes);
                    }
                }
                Console.WriteLine($"wrote {ids.Count * formats.Distinct().Count():N0} files for {ids.Count:N0} statements to {folder} in {clock.Elapsed.TotalSeconds:0.0} s");
                return 0;
            default:
                throw new CommandLineException("usage: statements issue --month yyyy-MM | statements export --month yyyy-MM [--supplier SUP-000123] --format xlsx,pdf,json --out DIR");
        }
    }
}
