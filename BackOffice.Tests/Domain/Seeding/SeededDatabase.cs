using BackOffice.Domain.Audit;
using BackOffice.Domain.Persistence;
using BackOffice.Domain.Sales;
using BackOffice.Domain.Seeding;
using BackOffice.Domain.Shopkeepers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Tests.Domain.Seeding;

/// <summary>A migrated SQLite file in a temp folder, with a generator over it.</summary>
public sealed class SeededDatabase : IAsyncDisposable
{
    public static readonly DateOnly Today = new(2026, 11, 28);
    public static readonly SeedSize Small = new(Suppliers: 30, Brands: 60, Shopkeepers: 2_000, Sales: 60, OrderLines: 20_000, Days: 120);
    public static readonly SeedSize Tiny = new(Suppliers: 10, Brands: 20, Shopkeepers: 300, Sales: 20, OrderLines: 3_000, Days: 60);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "backoffice-seed-" + Guid.NewGuid().ToString("N"));

    private SeededDatabase()
    {
        Factory = new BackOfficeDbContextFactory(new DatabaseOptions { DataFolder = _folder });
        Protector = new PersonalDataProtector(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        Generator = new DemoDataGenerator(Factory, Protector, new AuditTrail(TimeProvider.System), new SettlementDefaults(), new BackOffice.Domain.Metrics.AggregateBuilder(Factory));
    }

    public BackOfficeDbContextFactory Factory { get; }
    public PersonalDataProtector Protector { get; }
    public DemoDataGenerator Generator { get; }
    public SeedReport? Report { get; private set; }

    public static async Task<SeededDatabase> CreateAsync(SeedOptions? options = null)
    {
        var database = new SeededDatabase();
        await using (var db = database.Factory.CreateDbContext()) await db.Database.MigrateAsync();
        if (options is not null) database.Report = await database.Generator.SeedAsync(options, null, TestContext.Current.CancellationToken);
        return database;
    }

    public BackOfficeDbContext Db() => Factory.CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await Task.Yield();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>The small seed, made once for the tests that only read it.</summary>
public sealed class SmallSeedFixture : IAsyncLifetime
{
    public SeededDatabase Database { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Database = await SeededDatabase.CreateAsync(new SeedOptions { Today = SeededDatabase.Today, Size = SeededDatabase.Small });

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
