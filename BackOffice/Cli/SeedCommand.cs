using System.Globalization;
using BackOffice.Domain.Persistence;
using BackOffice.Domain.Seeding;

namespace BackOffice.Cli;

/// <summary><c>seed [--scale N|large] [--seed N] [--today yyyy-MM-dd]</c>: migrate, then generate demo data into an empty database.</summary>
public static class SeedCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        var options = Parse(context);
        await using var services = context.BuildServices();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        var report = await services.GetRequiredService<DemoDataGenerator>().SeedAsync(options, new Progress<string>(Console.WriteLine));
        Console.WriteLine(report);
        return 0;
    }

    public static SeedOptions Parse(CommandContext context)
    {
        var options = new SeedOptions();
        if (context.Option("scale") is { } scale)
        {
            options = options with
            {
                Scale = scale.Equals("large", StringComparison.OrdinalIgnoreCase) ? SeedSize.LargeScale
                    : double.TryParse(scale, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
                    : throw new CommandLineException($"--scale must be a positive number or 'large', not '{scale}'"),
            };
        }
        if (context.Option("seed") is { } seed)
        {
            options = options with { Seed = int.TryParse(seed, CultureInfo.InvariantCulture, out var n) ? n : throw new CommandLineException($"--seed must be a whole number, not '{seed}'") };
        }
        if (context.Option("today") is { } today)
        {
            options = options with
            {
                Today = DateOnly.TryParseExact(today, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
                    : throw new CommandLineException($"--today must be yyyy-MM-dd, not '{today}'"),
            };
        }
        return options;
    }
}
