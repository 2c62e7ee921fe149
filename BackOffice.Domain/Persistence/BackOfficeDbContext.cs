using BackOffice.Domain.Agreements;
using BackOffice.Domain.Audit;
using BackOffice.Domain.Brands;
using BackOffice.Domain.Common;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Orders;
using BackOffice.Domain.Sales;
using BackOffice.Domain.Shopkeepers;
using BackOffice.Domain.Suppliers;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BackOffice.Domain.Persistence;

/// <summary>
/// The model, shared by both providers. Each provider has a derived context type only so that it
/// owns its own migrations set (EF's recommended layout); services see this base type.
/// </summary>
public abstract class BackOfficeDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Supplier> Suppliers => Set<Supplier>();
    public DbSet<BankAccountChange> BankAccountChanges => Set<BankAccountChange>();
    public DbSet<Brand> Brands => Set<Brand>();
    public DbSet<BrandAssessment> BrandAssessments => Set<BrandAssessment>();
    public DbSet<BrandDocument> BrandDocuments => Set<BrandDocument>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Sale> Sales => Set<Sale>();
    public DbSet<FrameworkAgreement> Agreements => Set<FrameworkAgreement>();
    public DbSet<Shopkeeper> Shopkeepers => Set<Shopkeeper>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<LocalUser> LocalUsers => Set<LocalUser>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Metrics.DailySales> DailySales => Set<Metrics.DailySales>();
    public DbSet<Metrics.ShopkeeperDailySales> ShopkeeperDailySales => Set<Metrics.ShopkeeperDailySales>();
    public DbSet<Metrics.ShopkeeperSegmentSpell> ShopkeeperSegmentSpells => Set<Metrics.ShopkeeperSegmentSpell>();
    public DbSet<Metrics.ShopkeeperSalesPack> ShopkeeperSalesPacks => Set<Metrics.ShopkeeperSalesPack>();
    public DbSet<Imports.ApiKey> ApiKeys => Set<Imports.ApiKey>();
    public DbSet<Exports.ExportJob> ExportJobs => Set<Exports.ExportJob>();
    public DbSet<Settlement.SettlementEntry> SettlementEntries => Set<Settlement.SettlementEntry>();
    public DbSet<Settlement.LineSettlement> LineSettlements => Set<Settlement.LineSettlement>();
    public DbSet<Settlement.Adjustment> Adjustments => Set<Settlement.Adjustment>();
    public DbSet<Settlement.Statement> Statements => Set<Settlement.Statement>();
    public DbSet<Settlement.Dispute> Disputes => Set<Settlement.Dispute>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BackOfficeDbContext).Assembly);
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(t => typeof(IHasRevision).IsAssignableFrom(t.ClrType)))
        {
            modelBuilder.Entity(entity.ClrType).Property(nameof(IHasRevision.Revision)).IsConcurrencyToken();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<string>().HaveMaxLength(200);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RaiseRevisions();
        try { return base.SaveChanges(acceptAllChangesOnSuccess); }
        catch (DbUpdateConcurrencyException) { throw new ConcurrencyConflictException(); }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RaiseRevisions();
        try { return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken); }
        catch (DbUpdateConcurrencyException) { throw new ConcurrencyConflictException(); }
    }

    /// <summary>
    /// An aggregate counts as modified when it or anything it owns changed; the original revision
    /// stays the concurrency check, the new one is written.
    /// </summary>
    private void RaiseRevisions()
    {
        ChangeTracker.DetectChanges();
        foreach (var entry in ChangeTracker.Entries<IHasRevision>())
        {
            var changed = entry.State == EntityState.Modified
                || entry.References.Any(r => r.TargetEntry is { State: EntityState.Added or EntityState.Modified or EntityState.Deleted } t && t.Metadata.IsOwned())
                || entry.Collections.Any(c => c.CurrentValue is not null && c.CurrentValue.Cast<object>().Any(o => Entry(o).State is EntityState.Added or EntityState.Modified or EntityState.Deleted));
            if (entry.State == EntityState.Unchanged && changed) entry.State = EntityState.Modified;
            if (entry.State == EntityState.Modified)
            {
                var property = entry.Property(e => e.Revision);
                property.CurrentValue = (long)property.OriginalValue! + 1;
            }
        }
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

public sealed class SqliteBackOfficeDbContext(DbContextOptions<SqliteBackOfficeDbContext> options) : BackOfficeDbContext(options);

public sealed class SqlServerBackOfficeDbContext(DbContextOptions<SqlServerBackOfficeDbContext> options) : BackOfficeDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<OrderLine>().Property(l => l.OrderedOn).HasColumnType("date");
    }
}
