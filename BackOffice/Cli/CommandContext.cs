using BackOffice.Domain;

namespace BackOffice.Cli;

/// <summary>A command's own options (<c>--scale 5</c>), positional words, and the shared configuration.</summary>
public sealed class CommandContext
{
    private static readonly HashSet<string> CommandOptions = ["scale", "seed", "today", "file", "through", "month", "supplier", "format", "out", "size"];

    private CommandContext(Dictionary<string, string> options, List<string> positional, string[] configurationArgs)
    {
        Options = options;
        Positional = positional;
        ConfigurationArgs = configurationArgs;
    }

    public IReadOnlyDictionary<string, string> Options { get; }
    public IReadOnlyList<string> Positional { get; }
    public string[] ConfigurationArgs { get; }

    public static CommandContext Create(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var positional = new List<string>();
        var configuration = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) { positional.Add(args[i]); continue; }
            var key = args[i][2..];
            var value = key.Contains('=', StringComparison.Ordinal) ? key[(key.IndexOf('=', StringComparison.Ordinal) + 1)..] : i + 1 < args.Length ? args[++i] : throw new CommandLineException($"option --{key} needs a value");
            key = key.Split('=')[0];
            if (CommandOptions.Contains(key)) options[key] = value;
            else configuration.AddRange([$"--{key}", value]);
        }
        return new CommandContext(options, positional, [.. configuration]);
    }

    public string? Option(string name) => Options.TryGetValue(name, out var value) ? value : null;

    /// <summary>The same configuration sources and domain services as the web host.</summary>
    public ServiceProvider BuildServices()
    {
        var builder = WebApplication.CreateBuilder(ConfigurationArgs);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(builder.Configuration);
        services.AddLogging(l => l.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddBackOfficeDomain(builder.Configuration, builder.Environment.ContentRootPath, builder.Environment.IsProduction());
        Hosting.FeatureRegistration.AddBackOfficeFeatures(services);
        return services.BuildServiceProvider();
    }
}
