using BackOffice.Domain.Audit;
using BackOffice.Domain.Common;
using BackOffice.Domain.Persistence;
using BackOffice.Domain.Sales;
using BackOffice.Domain.Shopkeepers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BackOffice.Domain.Seeding;

/// <summary>
/// Fills an empty database with realistic, deterministic demo data: suppliers, brands and their
/// reviews, products, agreements, sales, shopkeepers and order lines. Small tables go through the
/// entities and EF; shopkeepers and order lines are streamed by a bulk writer for the provider.
/// </summary>
public sealed class DemoDataGenerator(
    IDbContextFactory<BackOfficeDbContext> factory, PersonalDataProtector protector, AuditTrail audit, SettlementDefaults defaults,
    Metrics.AggregateBuilder aggregates)
{
    /// <summary>True when there is anything a seed would collide with (suppliers, sales, shopkeepers or order lines).</summary>
    public async Task<bool> HasDataAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await HasDataAsync(db, ct);
    }

    /// <summary>
    /// Seeds an empty, migrated database. Refuses (a <see cref="DomainException"/>) when it already has
    /// data. Writes one audit entry, action "seed", with the counts.
    /// </summary>
    public async Task<SeedReport> SeedAsync(SeedOptions options, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var run = new SeedRun(options, protector, defaults);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await HasDataAsync(db, ct))
            throw new DomainException("数据库已有数据，演示数据只能写入空数据库 · The database already has data: demo data is only generated into an empty database");
        var report = await run.RunAsync(db, audit, progress, ct);
        // Order lines are bulk-written, bypassing the importer that keeps the dashboard aggregates.
        progress?.Report("aggregates");
        await aggregates.RebuildAsync(ct);
        return report;
    }

    private static async Task<bool> HasDataAsync(BackOfficeDbContext db, CancellationToken ct) =>
        await db.Suppliers.AnyAsync(ct) || await db.Sales.AnyAsync(ct) || await db.Shopkeepers.AnyAsync(ct) || await db.OrderLines.AnyAsync(ct);
}

public static class SeedingServices
{
    /// <summary>Registers <see cref="DemoDataGenerator"/>; call after <c>AddBackOfficeDomain</c>.</summary>
    public static IServiceCollection AddDemoDataGenerator(this IServiceCollection services)
    {
        services.TryAddSingleton<DemoDataGenerator>();
        return services;
    }
}
