using BackOffice.Domain.Persistence;
using BackOffice.Domain.Seeding;
using BackOffice.Domain.Shopkeepers;
using BackOffice.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Tests.Domain.Seeding;

/// <summary>A migrated SQLite file (the shared <see cref="TestDatabase"/>) with the demo-data generator over it.</summary>
public sealed class SeededDatabase : IAsyncDisposable
{
    public static readonly DateOnly Today = new(2026, 11, 28);
    public static readonly SeedSize Small = new(Suppliers: 30, Brands: 60, Shopkeepers: 2_000, Sales: 60, OrderLines: 20_000, Days: 120);
    public static readonly SeedSize Tiny = new(Suppliers: 10, Brands: 20, Shopkeepers: 300, Sales: 20, OrderLines: 3_000, Days: 60);

    private readonly TestDatabase _database;

    private SeededDatabase(TestDatabase database) => _database = database;

    public IDbContextFactory<BackOfficeDbContext> Factory => _database.Factory;
    public PersonalDataProtector Protector => _database.Get<PersonalDataProtector>();
    public DemoDataGenerator Generator => _database.Get<DemoDataGenerator>();
    public SeedReport? Report { get; private set; }

    public static async Task<SeededDatabase> CreateAsync(SeedOptions? options = null)
    {
        var database = new SeededDatabase(await TestDatabase.CreateAsync());
        if (options is not null) database.Report = await database.Generator.SeedAsync(options, null, TestContext.Current.CancellationToken);
        return database;
    }

    public BackOfficeDbContext Db() => _database.NewContext();

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}

/// <summary>The small seed, made once for the tests that only read it.</summary>
public sealed class SmallSeedFixture : IAsyncLifetime
{
    public SeededDatabase Database { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Database = await SeededDatabase.CreateAsync(new SeedOptions { Today = SeededDatabase.Today, Size = SeededDatabase.Small });

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
