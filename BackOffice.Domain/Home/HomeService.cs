using BackOffice.Domain.Brands;
using BackOffice.Domain.Common;
using BackOffice.Domain.Metrics;
using BackOffice.Domain.Persistence;
using BackOffice.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Home;

public sealed record HomeFigures(int BrandsAwaitingReview, int SalesLiveNow, int SalesStartingNext7Days, SalesFigures Last7Days, DateOnly From, DateOnly To);

/// <summary>The home page's real figures and the signed-in person's "waiting for me" list.</summary>
public sealed class HomeService(IDbContextFactory<BackOfficeDbContext> factory, MetricsService metrics, DashboardCache cache, TimeProvider clock, IEnumerable<IWaitingForMeSource> sources)
{
    public async Task<HomeFigures> FiguresAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.Today(clock);
        await using var db = await factory.CreateDbContextAsync(ct);
        var awaiting = await db.Brands.CountAsync(b => b.Status == BrandStatus.Submitted || b.Status == BrandStatus.UnderReview, ct);
        var live = await db.Sales.CountAsync(s => s.StoredStatus == SaleStatus.Scheduled && s.StartsAt <= now && s.EndsAt > now, ct);
        var nextWeek = now.AddDays(7);
        var upcoming = await db.Sales.CountAsync(s => s.StoredStatus == SaleStatus.Scheduled && s.StartsAt > now && s.StartsAt <= nextWeek, ct);
        var from = today.AddDays(-6);
        var filter = new MetricsFilter(from, today);
        var figures = await cache.GetAsync("home", filter, c => metrics.ComputeAsync(filter, c), ct);
        return new HomeFigures(awaiting, live, upcoming, figures, from, today);
    }

    public async Task<IReadOnlyList<WaitingItem>> WaitingForAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var items = new List<WaitingItem>();
        foreach (var source in sources) items.AddRange(await source.GetAsync(db, actor, ct));
        return items.OrderBy(i => i.Since).ToList();
    }
}
