using BackOffice.Domain.Audit;
using BackOffice.Domain.Common;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Persistence;
using BackOffice.Domain.Shopkeepers;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Metrics;

public sealed record OverviewFigures(SalesFigures Current, SalesFigures Previous, IReadOnlyList<DailyFigures> Daily, DateOnly PreviousFrom, DateOnly PreviousTo);

/// <summary><see cref="Segment"/> is the shopkeeper's segment the day after the period, i.e. by the 30 days ending on its last day.</summary>
public sealed record LeaderboardRow(int Rank, int ShopkeeperId, string Code, string NameMasked, string Province, long GmvFen, long NetGmvFen, long Orders, long CommissionFen,
    ShopkeeperSegment? Segment = null);

public sealed record ProvinceFigures(string Province, long GmvFen, long NetGmvFen, long Orders, long ActiveShopkeepers, long Shopkeepers);

public sealed record ShopkeeperMonth(DateOnly Month, long GmvFen, long NetGmvFen, long Orders);

public sealed record ShopkeeperShare(string Key, long GmvFen, long Orders);

public sealed record RecentLine(string ExternalId, string OrderId, int BrandId, string Category, int Quantity, long PaidFen, long RefundFen, DateTime OrderedAt);

public sealed record ShopkeeperDetail(int Id, string Code, string PhoneMasked, string NameMasked, string Province, string City, DateOnly JoinedOn,
    IReadOnlyList<ShopkeeperMonth> History, IReadOnlyList<ShopkeeperShare> TopBrands, IReadOnlyList<ShopkeeperShare> TopCategories, IReadOnlyList<RecentLine> Recent);

public sealed record UnmaskedPersonalData(string Phone, string RealName);

/// <summary>The shopkeeper performance dashboards; every figure comes from the aggregates (see <see cref="MetricsService"/>).</summary>
public sealed class DashboardService(IDbContextFactory<BackOfficeDbContext> factory, PersonalDataProtector protector, AuditTrail audit, DashboardCache cache)
{
    public Task<OverviewFigures> OverviewAsync(MetricsFilter filter, CancellationToken ct = default) =>
        cache.GetAsync("overview", filter, c => ComputeOverviewAsync(filter, c), ct);

    /// <summary>Shopkeepers ranked by GMV, orders or commission over the period; search by id or masked name.</summary>
    public Task<PagedResult<LeaderboardRow>> LeaderboardAsync(MetricsFilter filter, PageRequest page, string? search, CancellationToken ct = default) =>
        cache.GetAsync("leaderboard", new { filter, page, search }, c => ComputeLeaderboardAsync(filter, page, search, c), ct);

    /// <summary>GMV and shopkeepers by province.</summary>
    public Task<IReadOnlyList<ProvinceFigures>> GeographyAsync(MetricsFilter filter, CancellationToken ct = default) =>
        cache.GetAsync("geography", filter, c => ComputeGeographyAsync(filter, c), ct);

    private async Task<OverviewFigures> ComputeOverviewAsync(MetricsFilter filter, CancellationToken ct)
    {
        var days = filter.To.DayNumber - filter.From.DayNumber + 1;
        var previous = filter with { From = filter.From.AddDays(-days), To = filter.From.AddDays(-1) };
        await using var db = await factory.CreateDbContextAsync(ct);
        var current = await MetricsService.ComputeAsync(db, filter, ct);
        var before = await MetricsService.ComputeAsync(db, previous, ct);
        var rows = await MetricsService.Daily(db, filter).GroupBy(d => d.Day)
            .Select(g => new DailyFigures(g.Key, g.Sum(d => d.GmvFen), g.Sum(d => d.GmvFen - d.RefundFen), g.Sum(d => d.Items)))
            .ToListAsync(ct);
        return new OverviewFigures(current, before, LineMetrics.FillDays(filter, rows), previous.From, previous.To);
    }

    private async Task<PagedResult<LeaderboardRow>> ComputeLeaderboardAsync(MetricsFilter filter, PageRequest page, string? search, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        Func<LeaderboardTotal, long> key = page.SortBy?.ToLowerInvariant() switch
        {
            "orders" => t => t.Orders,
            "commission" => t => t.Commission,
            _ => t => t.Gmv,
        };
        var descending = page.SortBy is null || page.Descending;
        HashSet<int>? matching = null;
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            matching = (await db.Shopkeepers.AsNoTracking().Where(s => s.Code.Contains(term) || s.RealNameMasked.Contains(term) || s.City.Contains(term))
                .Select(s => s.Id).ToListAsync(ct)).ToHashSet();
        }
        var all = (await LeaderboardTotalsAsync(db, filter, ct)).Where(t => matching is null || matching.Contains(t.ShopkeeperId)).ToList();
        all.Sort((x, y) =>
        {
            var c = descending ? key(y).CompareTo(key(x)) : key(x).CompareTo(key(y));
            return c != 0 ? c : x.ShopkeeperId.CompareTo(y.ShopkeeperId);
        });
        var pageRows = all.Skip(page.Skip).Take(page.Size).ToList();
        var ids = pageRows.Select(r => r.ShopkeeperId).ToList();
        var people = await db.Shopkeepers.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.Code, s.RealNameMasked, s.Province }).ToDictionaryAsync(s => s.Id, ct);
        var segments = await AnalyticsService.SegmentsOfAsync(db, ids, filter.To.AddDays(1), ct);
        return new PagedResult<LeaderboardRow>(
            pageRows.Select((r, i) =>
            {
                var s = people[r.ShopkeeperId];
                return new LeaderboardRow(page.Skip + i + 1, r.ShopkeeperId, s.Code, s.RealNameMasked, s.Province, r.Gmv, r.Net, r.Orders, r.Commission,
                    segments.TryGetValue(r.ShopkeeperId, out var segment) ? segment : null);
            }).ToList(), all.Count);
    }

    /// <summary>Each shopkeeper's totals over the period: from the packs, or for a brand slice grouped from its daily rows.</summary>
    private static async Task<IEnumerable<LeaderboardTotal>> LeaderboardTotalsAsync(BackOfficeDbContext db, MetricsFilter filter, CancellationToken ct)
    {
        if (MetricsService.BrandSliced(filter))
        {
            return await MetricsService.ShopkeeperDays(db, filter).GroupBy(d => d.ShopkeeperId).Select(g => new LeaderboardTotal
            {
                ShopkeeperId = g.Key,
                Gmv = g.Sum(d => d.GmvFen),
                Net = g.Sum(d => d.GmvFen - d.RefundFen),
                Orders = g.Sum(d => d.Orders),
                Commission = g.Sum(d => d.CommissionFen),
            }).ToListAsync(ct);
        }
        var totals = await ShopkeeperTotals.ReadAsync(db, filter, ct);
        return totals.Active.Select(id => new LeaderboardTotal
        {
            ShopkeeperId = id,
            Gmv = totals.GmvFen[id],
            Net = totals.GmvFen[id] - totals.RefundFen[id],
            Orders = totals.Orders[id],
            Commission = totals.CommissionFen[id],
        });
    }

    private sealed class LeaderboardTotal
    {
        public int ShopkeeperId { get; init; }
        public long Gmv { get; init; }
        public long Net { get; init; }
        public long Orders { get; init; }
        public long Commission { get; init; }
    }

    private async Task<IReadOnlyList<ProvinceFigures>> ComputeGeographyAsync(MetricsFilter filter, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var provinces = MetricsService.BrandSliced(filter) ? await GeographyOfBrandsAsync(db, filter, ct) : await GeographyFromPacksAsync(db, filter, ct);
        return provinces.OrderByDescending(p => p.GmvFen).ThenBy(p => p.Province, StringComparer.Ordinal).ToList();
    }

    /// <summary>One pass over the shopkeepers, adding each one's totals to its province.</summary>
    private static async Task<IEnumerable<ProvinceFigures>> GeographyFromPacksAsync(BackOfficeDbContext db, MetricsFilter filter, CancellationToken ct)
    {
        var totals = await ShopkeeperTotals.ReadAsync(db, filter, ct);
        var byProvince = new Dictionary<string, (long Gmv, long Net, long Orders, long Active, long All)>(StringComparer.Ordinal);
        var shopkeepers = db.Shopkeepers.AsNoTracking();
        if (filter.Province is { } province) shopkeepers = shopkeepers.Where(s => s.Province == province);
        await foreach (var s in shopkeepers.Select(s => new { s.Id, s.Province }).AsAsyncEnumerable().WithCancellation(ct))
        {
            var p = byProvince.GetValueOrDefault(s.Province);
            p.All++;
            if (s.Id < totals.Lines.Length && totals.Lines[s.Id] > 0)
            {
                p.Gmv += totals.GmvFen[s.Id];
                p.Net += totals.GmvFen[s.Id] - totals.RefundFen[s.Id];
                p.Orders += totals.Orders[s.Id];
                p.Active++;
            }
            byProvince[s.Province] = p;
        }
        return byProvince.Select(p => new ProvinceFigures(p.Key, p.Value.Gmv, p.Value.Net, p.Value.Orders, p.Value.Active, p.Value.All));
    }

    private static async Task<IEnumerable<ProvinceFigures>> GeographyOfBrandsAsync(BackOfficeDbContext db, MetricsFilter filter, CancellationToken ct)
    {
        var sales = await MetricsService.Daily(db, filter).GroupBy(d => d.Province)
            .Select(g => new { Province = g.Key, Gmv = g.Sum(d => d.GmvFen), Net = g.Sum(d => d.GmvFen - d.RefundFen), Orders = g.Sum(d => d.Orders) })
            .ToListAsync(ct);
        // Distinct shopkeepers first (covering indexes only), then their province: reading the rows' own
        // province column would leave the indexes for the table on every row.
        var active = await MetricsService.ShopkeeperDays(db, filter).Select(d => d.ShopkeeperId).Distinct()
            .Join(db.Shopkeepers, id => id, s => s.Id, (_, s) => s.Province).GroupBy(p => p).Select(g => new { Province = g.Key, Count = g.LongCount() })
            .ToDictionaryAsync(x => x.Province, x => x.Count, ct);
        var shopkeepers = db.Shopkeepers.AsNoTracking();
        if (filter.Province is { } province) shopkeepers = shopkeepers.Where(s => s.Province == province);
        var all = await shopkeepers.GroupBy(s => s.Province).Select(g => new { Province = g.Key, Count = g.LongCount() }).ToDictionaryAsync(x => x.Province, x => x.Count, ct);
        return all.Keys.Union(sales.Select(s => s.Province)).Select(p =>
        {
            var s = sales.FirstOrDefault(x => x.Province == p);
            return new ProvinceFigures(p, s?.Gmv ?? 0, s?.Net ?? 0, s?.Orders ?? 0, active.GetValueOrDefault(p), all.GetValueOrDefault(p));
        });
    }

    public async Task<ShopkeeperDetail?> ShopkeeperAsync(int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var s = await db.Shopkeepers.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, ct);
        if (s is null) return null;
        var days = db.ShopkeeperDailySales.AsNoTracking().Where(d => d.ShopkeeperId == id);
        var daily = await days.GroupBy(d => d.Day).Select(g => new { Day = g.Key, Gmv = g.Sum(d => d.GmvFen), Net = g.Sum(d => d.GmvFen - d.RefundFen), Orders = g.Sum(d => d.Orders) }).ToListAsync(ct);
        var history = daily.GroupBy(d => new DateOnly(d.Day.Year, d.Day.Month, 1)).OrderBy(g => g.Key)
            .Select(g => new ShopkeeperMonth(g.Key, g.Sum(d => d.Gmv), g.Sum(d => d.Net), g.Sum(d => d.Orders))).ToList();
        var brands = await days.GroupBy(d => d.BrandId).Select(g => new { g.Key, Gmv = g.Sum(d => d.GmvFen), Orders = g.Sum(d => d.Orders) })
            .OrderByDescending(x => x.Gmv).Take(10).ToListAsync(ct);
        var brandIds = brands.Select(b => b.Key).ToList();
        var names = await db.Brands.AsNoTracking().Where(b => brandIds.Contains(b.Id)).Select(b => new { b.Id, b.NameZh, b.NameLatin }).ToDictionaryAsync(b => b.Id, b => b.NameLatin.Length > 0 ? b.NameZh + " " + b.NameLatin : b.NameZh, ct);
        // Ordered on an anonymous projection: EF cannot translate an OrderBy over a record's constructor.
        var categories = (await days.GroupBy(d => d.Category).Select(g => new { g.Key, Gmv = g.Sum(d => d.GmvFen), Orders = g.Sum(d => d.Orders) })
            .OrderByDescending(x => x.Gmv).ToListAsync(ct)).Select(x => new ShopkeeperShare(x.Key, x.Gmv, x.Orders)).ToList();
        var recent = await db.OrderLines.AsNoTracking().Where(l => l.ShopkeeperId == id).OrderByDescending(l => l.OrderedOn).ThenByDescending(l => l.Id).Take(20)
            .Select(l => new RecentLine(l.ExternalId, l.OrderId, l.BrandId, l.Category, l.Quantity, l.PaidFen, l.RefundFen, l.OrderedAt)).ToListAsync(ct);
        return new ShopkeeperDetail(s.Id, s.Code, s.PhoneMasked, s.RealNameMasked, s.Province, s.City, s.JoinedOn, history,
            brands.Select(b => new ShopkeeperShare(names.GetValueOrDefault(b.Key, b.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)), b.Gmv, b.Orders)).ToList(),
            categories, recent);
    }

    /// <summary>An Admin sees a shopkeeper's phone and name in clear; each view is audited (PIPL).</summary>
    public async Task<UnmaskedPersonalData> UnmaskAsync(Actor admin, int shopkeeperId, CancellationToken ct = default)
    {
        admin.Require(Roles.Admin, "unmask personal data");
        await using var db = await factory.CreateDbContextAsync(ct);
        var s = await db.Shopkeepers.AsNoTracking().FirstOrDefaultAsync(k => k.Id == shopkeeperId, ct)
            ?? throw new DomainException($"找不到店主 {shopkeeperId} · No shopkeeper {shopkeeperId}");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await audit.RecordAsync(db, admin, "shopkeeper.unmasked", "Shopkeeper", s.Code, reason: "查看个人信息 · viewed personal data", ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new UnmaskedPersonalData(protector.Unprotect(s.PhoneEncrypted), protector.Unprotect(s.RealNameEncrypted));
    }
}

public sealed record BrandOption(int Id, string Name);

/// <summary>Choices for the dashboard filters.</summary>
public sealed class DashboardFilterOptions(IDbContextFactory<BackOfficeDbContext> factory)
{
    public async Task<IReadOnlyList<BrandOption>> SearchBrandsAsync(string? term, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var brands = db.Brands.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(term)) brands = brands.Where(b => b.NameZh.Contains(term.Trim()) || b.NameLatin.Contains(term.Trim()));
        return await brands.OrderBy(b => b.NameLatin).Take(30).Select(b => new BrandOption(b.Id, b.NameLatin.Length > 0 ? b.NameZh + " " + b.NameLatin : b.NameZh)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<string>> ProvincesAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Shopkeepers.AsNoTracking().Select(s => s.Province).Distinct().OrderBy(p => p).ToListAsync(ct);
    }
}
