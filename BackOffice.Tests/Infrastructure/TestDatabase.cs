using BackOffice.Domain;
using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Tests.Infrastructure;

/// <summary>
/// A real SQLite file in its own temp folder, migrated by the app's own <see cref="DatabaseMigrator"/>,
/// with the domain services wired as the app wires them. Deletes the folder on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestDatabase(string folder, IConfiguration configuration, ServiceProvider services, FakeTimeProvider? clock)
    {
        Folder = folder;
        Configuration = configuration;
        _services = services;
        Clock = clock;
    }

    public string Folder { get; }

    /// <summary>The configuration the services were built from; give it to another container to reach the same file.</summary>
    public IConfiguration Configuration { get; }

    public IServiceProvider Services => _services;

    public IDbContextFactory<BackOfficeDbContext> Factory => _services.GetRequiredService<IDbContextFactory<BackOfficeDbContext>>();

    /// <summary>The clock registered as <see cref="TimeProvider"/>, when one was asked for.</summary>
    public FakeTimeProvider? Clock { get; }

    public static async Task<TestDatabase> CreateAsync(FakeTimeProvider? clock = null, Action<IServiceCollection>? configure = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "backoffice-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DataFolder"] = folder })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        // AddBackOfficeDomain only TryAdds the system clock, so a fake registered first wins.
        if (clock is not null) services.AddSingleton<TimeProvider>(clock);
        services.AddBackOfficeDomain(configuration, folder, isProduction: false);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var database = new TestDatabase(folder, configuration, provider, clock);
        try
        {
            await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        // Pooled SQLite connections keep the file open; release them before deleting the folder.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test over.
        }
    }
}
