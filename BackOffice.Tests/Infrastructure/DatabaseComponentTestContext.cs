using BackOffice.Domain;
using BackOffice.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Tests.Infrastructure;

/// <summary>
/// A bUnit context over a real migrated <see cref="TestDatabase"/> with the app's domain and feature
/// services, for components that load and save through them. A test class signs in its own persona
/// (in its <see cref="InitializeAsync"/> override, after the base, or in each test).
/// </summary>
public abstract class DatabaseComponentTestContext : ComponentTestContext, IAsyncLifetime
{
    private TestDatabase? _database;

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    /// <summary>The test clock's start; null for <see cref="TestDatabase"/>'s default.</summary>
    protected virtual DateTimeOffset? StartsAt => null;

    public virtual async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(StartsAt);
        Services.AddSingleton<TimeProvider>(_database.Clock);
        Services.AddBackOfficeDomain(_database.Configuration, _database.Folder, isProduction: false);
        Services.AddBackOfficeFeatures();
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}
