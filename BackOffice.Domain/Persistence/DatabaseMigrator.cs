using BackOffice.Domain.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace BackOffice.Domain.Persistence;

/// <summary>Creates the database if missing and applies the provider's migrations.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<BackOfficeDbContext> factory, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0) logger.LogInformation("Applying {Count} migrations: {Migrations}", pending.Count, string.Join(", ", pending));
        await db.Database.MigrateAsync(ct);
        // The sales packs are computed from the per-shopkeeper aggregates, which a schema migration cannot do.
        if (pending.Any(m => m.EndsWith("_SalesPacks", StringComparison.Ordinal)) && await db.ShopkeeperDailySales.AnyAsync(ct))
        {
            logger.LogInformation("Building the shopkeeper sales packs from the existing aggregates");
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await SalesPacks.RebuildAsync(new RawSql(db.Database.GetDbConnection(), tx.GetDbTransaction()), ct);
            await tx.CommitAsync(ct);
        }
    }
}
