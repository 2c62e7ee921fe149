using BackOffice.Domain.Agreements;
using BackOffice.Domain.Audit;
using BackOffice.Domain.Brands;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Persistence;
using BackOffice.Domain.Suppliers;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Domain.Agreements;
using BackOffice.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BackOffice.Tests.Domain.Audit;

/// <summary>
/// A business action and its audit entry are one transaction: a fault between them (before the audit row is
/// written, or after both are written but before commit) leaves neither, and the chain stays intact.
/// </summary>
public sealed class AuditAtomicityTests
{
    public enum Fault
    {
        /// <summary>SaveChanges throws when an audit entry is about to be inserted (the entity may already be written).</summary>
        WhileInsertingAudit,
        /// <summary>SaveChanges wrote everything, then throws before the service commits.</summary>
        AfterSave,
    }

    [Theory]
    [InlineData(Fault.WhileInsertingAudit)]
    [InlineData(Fault.AfterSave)]
    public async Task RegisterSupplier_Fault_NeitherSupplierNorAudit(Fault fault)
    {
        var injector = new FaultInjector();
        await using var db = await CreateAsync(injector);
        var before = await CountsAsync(db);

        injector.Arm(fault);
        await Assert.ThrowsAsync<InjectedFaultException>(() => db.Get<SupplierService>().RegisterAsync(People.SelectionLi, SelectionData.Supplier()));

        Assert.Equal(before, await CountsAsync(db));
        await AssertChainStillWorksAsync(db, injector);
    }

    [Theory]
    [InlineData(Fault.WhileInsertingAudit)]
    [InlineData(Fault.AfterSave)]
    public async Task ApproveBrand_Fault_StillUnderReviewNoAudit(Fault fault)
    {
        var injector = new FaultInjector();
        await using var db = await CreateAsync(injector);
        var id = await SelectionData.UnderReviewBrandAsync(db);
        var before = await CountsAsync(db);

        injector.Arm(fault);
        await Assert.ThrowsAsync<InjectedFaultException>(() => db.Get<BrandService>().ApproveAsync(People.SelectionZhang, id, 2, SelectionData.Recommended, "五大好达标", null));

        Assert.Equal(before, await CountsAsync(db));
        await using var context = db.NewContext();
        Assert.Equal(BrandStatus.UnderReview, (await context.Brands.SingleAsync(b => b.Id == id)).Status);
        await AssertChainStillWorksAsync(db, injector);
    }

    [Theory]
    [InlineData(Fault.WhileInsertingAudit)]
    [InlineData(Fault.AfterSave)]
    public async Task SignAgreement_Fault_StillPendingNoAudit(Fault fault)
    {
        var injector = new FaultInjector();
        await using var db = await CreateAsync(injector);
        var data = await AgreementData.SeedAsync(db);
        var service = db.Get<AgreementService>();
        var id = await service.CreateDraftAsync(People.ManagerWang, data.Draft(new(2026, 1, 1), new(2026, 12, 31)));
        await service.SubmitAsync(People.ManagerWang, id, 0);
        var before = await CountsAsync(db);

        injector.Arm(fault);
        await Assert.ThrowsAsync<InjectedFaultException>(() => service.SignAsync(People.ManagerLiu, id, 1, new AgreementSigning(new DateOnly(2026, 11, 28), "HT-2026-017")));

        Assert.Equal(before, await CountsAsync(db));
        Assert.Equal(AgreementStatus.PendingApproval, (await service.GetAsync(id))!.Status);
        await AssertChainStillWorksAsync(db, injector);
    }

    [Theory]
    [InlineData(Fault.WhileInsertingAudit)]
    [InlineData(Fault.AfterSave)]
    public async Task UpdateLocalUser_Fault_RolesUnchangedNoAudit(Fault fault)
    {
        var injector = new FaultInjector();
        await using var db = await CreateAsync(injector);
        var users = db.Get<LocalUserService>();
        await users.CreateAsync(People.Admin, "temp.user", "临时用户", [Roles.Analyst]);
        var before = await CountsAsync(db);

        injector.Arm(fault);
        await Assert.ThrowsAsync<InjectedFaultException>(() => users.UpdateAsync(People.Admin, "temp.user", 0, "改名", [Roles.Admin, Roles.Finance], isActive: true));

        Assert.Equal(before, await CountsAsync(db));
        var user = (await users.ListAsync()).Single(u => u.Id == "temp.user");
        Assert.Equal("临时用户", user.DisplayName);
        Assert.Equal([Roles.Analyst], user.Roles);
        await AssertChainStillWorksAsync(db, injector);
    }

    private static async Task<TestDatabase> CreateAsync(FaultInjector injector) =>
        await TestDatabase.CreateAsync(configure: services =>
            services.AddSingleton<IDbContextFactory<BackOfficeDbContext>>(sp => new FaultyFactory(sp.GetRequiredService<DatabaseOptions>(), injector)));

    private static async Task<(int Suppliers, int Brands, int Agreements, int Users, int Audit)> CountsAsync(TestDatabase db)
    {
        await using var context = db.NewContext();
        return (await context.Suppliers.CountAsync(), await context.Brands.CountAsync(), await context.Agreements.CountAsync(),
            await context.LocalUsers.CountAsync(), await context.AuditEntries.CountAsync());
    }

    /// <summary>The next action after a fault appends to an intact chain.</summary>
    private static async Task AssertChainStillWorksAsync(TestDatabase db, FaultInjector injector)
    {
        injector.Disarm();
        await db.Get<SupplierService>().RegisterAsync(People.SelectionLi, SelectionData.Supplier());
        var verification = await db.Get<AuditVerifier>().VerifyAsync();
        Assert.True(verification.IsIntact, verification.Message);
    }

    public sealed class InjectedFaultException() : Exception("injected fault");

    public sealed class FaultInjector : SaveChangesInterceptor
    {
        private Fault? _armed;

        public void Arm(Fault fault) => _armed = fault;

        public void Disarm() => _armed = null;

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (_armed == Fault.WhileInsertingAudit && eventData.Context!.ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added))
                throw new InjectedFaultException();
            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (_armed == Fault.AfterSave && eventData.Context!.ChangeTracker.Entries<AuditEntry>().Any())
                throw new InjectedFaultException();
            return base.SavedChangesAsync(eventData, result, cancellationToken);
        }
    }

    private sealed class FaultyFactory(DatabaseOptions options, FaultInjector injector) : IDbContextFactory<BackOfficeDbContext>
    {
        private readonly DbContextOptions<SqliteBackOfficeDbContext> _options = new DbContextOptionsBuilder<SqliteBackOfficeDbContext>()
            .UseSqlite(options.SqliteConnectionString)
            .AddInterceptors(SqlitePragmas.Instance, injector)
            .Options;

        public BackOfficeDbContext CreateDbContext() => new SqliteBackOfficeDbContext(_options);
    }
}
