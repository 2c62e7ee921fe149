using System.Collections.Concurrent;
using System.Text.Json;
using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Metrics;

/// <summary>
/// Dashboard figures shared by everyone who asks for the same query and filter until the data changes.
/// Many people open the same dashboards with the same default filter; on 10 million lines a figure costs
/// hundreds of milliseconds of CPU, so computing it once per change instead of once per request is what
/// keeps the console responsive under load. The data version is read on every call (three primary-key
/// maxima: audit entries — every import and business action writes one —, order lines and shopkeepers),
/// so a figure is never older than the last committed change. Concurrent callers of one key share one
/// computation. <c>Dashboards:CacheEntries</c> bounds the entries (0 turns caching off, as the benchmark does).
/// </summary>
public sealed class DashboardCache(IDbContextFactory<BackOfficeDbContext> factory, int capacity)
{
    public const int DefaultCapacity = 500;

    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _entries = new(StringComparer.Ordinal);
    private readonly Lock _versionLock = new();
    private string _version = "";

    public static DashboardCache Off(IDbContextFactory<BackOfficeDbContext> factory) => new(factory, 0);

    public async Task<T> GetAsync<T>(string query, object parameters, Func<CancellationToken, Task<T>> compute, CancellationToken ct = default)
        where T : class
    {
        if (capacity <= 0) return await compute(ct);
        var version = await DataVersionAsync(ct);
        lock (_versionLock)
        {
            if (version != _version || _entries.Count >= capacity)
            {
                _entries.Clear();
                _version = version;
            }
        }
        var key = $"{version}|{query}|{JsonSerializer.Serialize(parameters)}";
        // The computation belongs to no caller: one leaving (its page closed) must not cancel it for the others.
        var entry = _entries.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await compute(CancellationToken.None)));
        try
        {
            return (T)await entry.Value.WaitAsync(ct);
        }
        catch when (entry.Value.IsFaulted || entry.Value.IsCanceled)
        {
            _entries.TryRemove(new KeyValuePair<string, Lazy<Task<object>>>(key, entry));
            throw;
        }
    }

    private async Task<string> DataVersionAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var v = await db.Database.SqlQueryRaw<DataVersion>(
            "SELECT (SELECT MAX(Id) FROM AuditEntries) AS Audit, (SELECT MAX(Id) FROM OrderLines) AS Lines, (SELECT MAX(Id) FROM Shopkeepers) AS Shopkeepers")
            .SingleAsync(ct);
        return $"{v.Audit}.{v.Lines}.{v.Shopkeepers}";
    }

    private sealed record DataVersion(long? Audit, long? Lines, long? Shopkeepers);
}
