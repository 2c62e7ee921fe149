using BackOffice.Domain;
using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Tests.Infrastructure;

/// <summary>
/// A real SQLite file in a temp folder, migrated with the app's own migrations, with the domain
/// services wired as in the app and a fake clock. Dispose deletes it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestDatabase(string folder, IConfiguration configuration, ServiceProvider services, FakeTimeProvider clock)
    {
        Folder = folder;
        Configuration = configuration;
        _services = services;
        Clock = clock;
    }

    public string Folder { get; }

    /// <summary>The configuration the services were built from; give it to another container to reach the same file.</summary>
    public IConfiguration Configuration { get; }
    public FakeTimeProvider Clock { get; }
    public IServiceProvider Services => _services;
    public IDbContextFactory<BackOfficeDbContext> Factory => _services.GetRequiredService<IDbContextFactory<BackOfficeDbContext>>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public BackOfficeDbContext NewContext() => Factory.CreateDbContext();

    /// <summary>Creates and migrates a fresh database; the clock starts at <paramref name="utcNow"/> (default 2026-11-28 10:00 China time).</summary>
    public static async Task<TestDatabase> CreateAsync(DateTimeOffset? utcNow = null, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "backoffice-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var values = new Dictionary<string, string?> { ["DataFolder"] = folder };
        if (settings is not null) foreach (var (key, value) in settings) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var clock = new FakeTimeProvider(utcNow ?? new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(clock);
        services.AddBackOfficeDomain(configuration, folder, isProduction: false);
        BackOffice.Hosting.FeatureRegistration.AddBackOfficeFeatures(services);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        return new TestDatabase(folder, configuration, provider, clock);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* a test left a reader open; the temp folder is cleaned by the OS */ }
    }
}
