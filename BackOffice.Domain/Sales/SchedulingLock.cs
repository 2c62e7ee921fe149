using System.Data;
using System.Data.Common;
using BackOffice.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BackOffice.Domain.Sales;

/// <summary>
/// The transaction a scheduling decision runs in. The conflict rules read other rows (the brand's sales,
/// the category's starts that day) and then write, so two people taking the last slot at once could both
/// read "11 taken" and both win under plain read-committed. The lock is therefore taken BEFORE the read:
/// <list type="bullet">
/// <item>SQLite: <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's non-deferred transaction) takes the
/// database's write lock at once; a second scheduler waits (busy_timeout) and then reads the committed
/// state, so it sees the slot gone. SQLite has one writer anyway, so this costs nothing extra.</item>
/// <item>SQL Server: read committed plus <c>sp_getapplock</c> in exclusive mode, owned by the transaction,
/// on the brand (overlap, cooldown) and then the category (daily slots): always in that order, so two
/// schedulers cannot deadlock. A waiting scheduler proceeds when the holder commits and reads what it wrote.
/// SERIALIZABLE alone would also be correct but resolves the race by killing a deadlock victim, which
/// the loser would see as a database error rather than the conflict explained.</item>
/// </list>
/// </summary>
internal sealed class SchedulingLock : IAsyncDisposable
{
    private readonly IDbContextTransaction _transaction;
    private readonly DbTransaction? _owned;

    private SchedulingLock(IDbContextTransaction transaction, DbTransaction? owned) => (_transaction, _owned) = (transaction, owned);

    public static async Task<SchedulingLock> AcquireAsync(BackOfficeDbContext db, int brandId, string category, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var immediate = connection.BeginTransaction(deferred: false);
            var used = await db.Database.UseTransactionAsync(immediate, ct) ?? throw new InvalidOperationException("The SQLite transaction was not taken up.");
            return new SchedulingLock(used, immediate);
        }
        var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        foreach (var resource in new[] { $"BackOffice/sale-scheduling/brand/{brandId}", $"BackOffice/sale-scheduling/category/{category}" })
        {
            await db.Database.ExecuteSqlRawAsync(
                """
                DECLARE @result int;
                EXEC @result = sp_getapplock @Resource = {0}, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 30000;
                IF @result < 0 THROW 51000, 'The scheduling lock was not granted in 30 s.', 1;
                """, [resource], ct);
        }
        return new SchedulingLock(transaction, null);
    }

    public Task CommitAsync(CancellationToken ct) => _transaction.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        if (_owned is not null) await _owned.DisposeAsync();
    }
}
