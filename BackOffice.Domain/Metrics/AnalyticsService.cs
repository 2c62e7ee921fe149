using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Metrics;

/// <summary>Segments on <see cref="Day"/> beside <see cref="CompareDay"/> (usually earlier); only the province slices shopkeepers.</summary>
public sealed record SegmentFilter(DateOnly Day, DateOnly CompareDay, string? Province = null);

/// <summary>Cohorts of shopkeepers who joined in <see cref="FromMonth"/> … <see cref="ToMonth"/> (first days of months), followed up to <see cref="Through"/>.</summary>
public sealed record CohortFilter(DateOnly FromMonth, DateOnly ToMonth, DateOnly Through, string? Province = null);

public sealed record SegmentCount(ShopkeeperSegment Segment, long Count, long CompareCount);

/// <summary>How many shopkeepers were in <see cref="From"/> on the compare day and are in <see cref="To"/> on the day; <see cref="From"/> null = not yet joined.</summary>
public sealed record SegmentMove(ShopkeeperSegment? From, ShopkeeperSegment To, long Count);

public sealed record SegmentFigures(SegmentFilter Filter, IReadOnlyList<SegmentCount> Counts, IReadOnlyList<SegmentMove> Moves)
{
    public long Count(ShopkeeperSegment? from, ShopkeeperSegment to) => Moves.Where(m => m.From == from && m.To == to).Sum(m => m.Count);
}

/// <summary>Decile 1 is the top tenth of the shopkeepers with a line in the period, by GMV.</summary>
public sealed record DecileShare(int Decile, long Shopkeepers, long GmvFen, double Share);

public sealed record MonthlyConcentration(DateOnly Month, long Shopkeepers, long GmvFen, double TopDecileShare);

public sealed record ConcentrationFigures(MetricsFilter Filter, long Shopkeepers, long GmvFen, IReadOnlyList<DecileShare> Deciles, IReadOnlyList<MonthlyConcentration> Trend);

/// <summary>A join month's shopkeepers and, for month offsets 0, 1, 2 … (0 = the join month), how many had a line in that month.</summary>
public sealed record CohortRow(DateOnly JoinMonth, long Joined, IReadOnlyList<long> Retained)
{
    public double Share(int offset) => Joined == 0 || offset >= Retained.Count ? 0 : (double)Retained[offset] / Joined;
}

public sealed record CohortFigures(CohortFilter Filter, IReadOnlyList<CohortRow> Rows, int Offsets);

/// <summary>
/// Segments, concentration and cohorts (DESIGN.md "Metrics"), read from the per-shopkeeper
/// aggregates: segment runs, monthly and daily sales. <see cref="LineAnalytics"/> is the same
/// straight from the order lines, for tests and the benchmark.
/// </summary>
public sealed class AnalyticsService(IDbContextFactory<BackOfficeDbContext> factory, DashboardCache cache)
{
    public const int TrendMonths = 12;

    public Task<SegmentFigures> SegmentsAsync(SegmentFilter filter, CancellationToken ct = default) =>
        cache.GetAsync("segments", filter, c => ComputeSegmentsAsync(filter, c), ct);

    public Task<ConcentrationFigures> ConcentrationAsync(MetricsFilter filter, CancellationToken ct = default) =>
        cache.GetAsync("concentration", filter, c => ComputeConcentrationAsync(filter, c), ct);

    public Task<CohortFigures> CohortsAsync(CohortFilter filter, CancellationToken ct = default) =>
        cache.GetAsync("cohorts", filter, c => ComputeCohortsAsync(filter, c), ct);

    private async Task<SegmentFigures> ComputeSegmentsAsync(SegmentFilter filter, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var province = filter.Province is null ? "" : " AND k.Province = @p";
        var sql = $"""
            SELECT f, t, COUNT(*) FROM (
                SELECT {SegmentAt("@a", "@a30", "@a90")} AS f, {SegmentAt("@b", "@b30", "@b90")} AS t
                FROM Shopkeepers k WHERE (k.JoinedOn <= @a OR k.JoinedOn <= @b){province}) x
            GROUP BY f, t
            """;
        var moves = new List<SegmentMove>();
        var compare = new Dictionary<ShopkeeperSegment, long>();
        await using var command = (await RawSql.OpenAsync(db, ct)).Command(sql);
        RawSql.Parameter(command, "@a", filter.CompareDay);
        RawSql.Parameter(command, "@a30", filter.CompareDay.AddDays(-Segments.ActiveDays));
        RawSql.Parameter(command, "@a90", filter.CompareDay.AddDays(-Segments.DormantDays));
        RawSql.Parameter(command, "@b", filter.Day);
        RawSql.Parameter(command, "@b30", filter.Day.AddDays(-Segments.ActiveDays));
        RawSql.Parameter(command, "@b90", filter.Day.AddDays(-Segments.DormantDays));
        if (filter.Province is { } p) RawSql.Parameter(command, "@p", p);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ShopkeeperSegment? from = reader.IsDBNull(0) ? null : Enum.Parse<ShopkeeperSegment>(reader.GetString(0));
            ShopkeeperSegment? to = reader.IsDBNull(1) ? null : Enum.Parse<ShopkeeperSegment>(reader.GetString(1));
            var count = reader.GetInt64(2);
            if (from is { } f) compare[f] = compare.GetValueOrDefault(f) + count;
            if (to is { } t) moves.Add(new SegmentMove(from, t, count));
        }
        var counts = Segments.All.Select(s => new SegmentCount(s, moves.Where(m => m.To == s).Sum(m => m.Count), compare.GetValueOrDefault(s))).ToList();
        return new SegmentFigures(filter, counts, moves.OrderBy(m => m.From ?? (ShopkeeperSegment)(-1)).ThenBy(m => m.To).ToList());
    }

    /// <summary>The segment on <paramref name="day"/> of each shopkeeper given (those not yet joined are left out).</summary>
    public async Task<IReadOnlyDictionary<int, ShopkeeperSegment>> SegmentsOfAsync(IReadOnlyCollection<int> shopkeeperIds, DateOnly day, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await SegmentsOfAsync(db, shopkeeperIds, day, ct);
    }

    internal static async Task<IReadOnlyDictionary<int, ShopkeeperSegment>> SegmentsOfAsync(BackOfficeDbContext db, IReadOnlyCollection<int> shopkeeperIds, DateOnly day, CancellationToken ct)
    {
        var result = new Dictionary<int, ShopkeeperSegment>();
        foreach (var chunk in shopkeeperIds.Chunk(1000))
        {
            var ids = string.Join(',', chunk.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            await using var command = (await RawSql.OpenAsync(db, ct)).Command($"SELECT k.Id, {SegmentAt("@a", "@a30", "@a90")} FROM Shopkeepers k WHERE k.Id IN ({ids})");
            RawSql.Parameter(command, "@a", day);
            RawSql.Parameter(command, "@a30", day.AddDays(-Segments.ActiveDays));
            RawSql.Parameter(command, "@a90", day.AddDays(-Segments.DormantDays));
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (!reader.IsDBNull(1)) result[reader.GetInt32(0)] = Enum.Parse<ShopkeeperSegment>(reader.GetString(1));
            }
        }
        return result;
    }

    /// <summary>SQL for the segment of shopkeeper <c>k</c> on a day: its run, else from the joined date; null before joining.</summary>
    private static string SegmentAt(string day, string day30, string day90) => $"""
        CASE WHEN k.JoinedOn > {day} THEN NULL ELSE COALESCE(
            (SELECT s.Segment FROM ShopkeeperSegmentSpells s WHERE s.ShopkeeperId = k.Id AND s.FromDay <= {day} AND s.ToDay >= {day}),
            CASE WHEN k.JoinedOn >= {day30} THEN 'New' WHEN k.JoinedOn >= {day90} THEN 'Unactivated' ELSE 'Churned' END) END
        """;

    private async Task<ConcentrationFigures> ComputeConcentrationAsync(MetricsFilter filter, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var values = await GmvByShopkeeperAsync(db, filter, ct);
        var deciles = Deciles(values);
        var lastMonth = FirstOfMonth(filter.To);
        var firstMonth = lastMonth.AddMonths(-(TrendMonths - 1));
        var byMonth = await GmvByShopkeeperMonthAsync(db, filter, firstMonth, lastMonth, ct);
        var trend = new List<MonthlyConcentration>();
        for (var month = firstMonth; month <= lastMonth; month = month.AddMonths(1))
        {
            var monthValues = byMonth.TryGetValue(month, out var list) ? list.ToArray() : [];
            var d = Deciles(monthValues);
            trend.Add(new MonthlyConcentration(month, monthValues.Length, monthValues.Sum(), d[0].Share));
        }
        return new ConcentrationFigures(filter, values.Length, values.Sum(), deciles, trend);
    }

    /// <summary>Ten deciles of the values, largest first: the value at rank r (0-based) of n falls in decile ⌊10r/n⌋ + 1.</summary>
    public static IReadOnlyList<DecileShare> Deciles(long[] values)
    {
        Array.Sort(values, (x, y) => y.CompareTo(x));
        var total = values.Sum();
        var counts = new long[10];
        var sums = new long[10];
        for (var r = 0; r < values.Length; r++)
        {
            var d = (int)(10L * r / values.Length);
            counts[d]++;
            sums[d] += values[r];
        }
        return Enumerable.Range(0, 10).Select(d => new DecileShare(d + 1, counts[d], sums[d], total == 0 ? 0 : (double)sums[d] / total)).ToList();
    }

    /// <summary>GMV per shopkeeper over the filter (from the packs, see <see cref="ShopkeeperTotals"/>).</summary>
    private static async Task<long[]> GmvByShopkeeperAsync(BackOfficeDbContext db, MetricsFilter filter, CancellationToken ct)
    {
        var totals = await ShopkeeperTotals.ReadAsync(db, filter, ct);
        return totals.Active.Select(id => totals.GmvFen[id]).ToArray();
    }

    /// <summary>Each month's GMV per shopkeeper: from the month packs, or for a brand slice grouped from its daily rows.</summary>
    private static async Task<Dictionary<DateOnly, List<long>>> GmvByShopkeeperMonthAsync(BackOfficeDbContext db, MetricsFilter filter, DateOnly firstMonth, DateOnly lastMonth, CancellationToken ct)
    {
        var result = new Dictionary<DateOnly, List<long>>();
        if (!MetricsService.BrandSliced(filter))
        {
            var inProvince = await ShopkeeperTotals.InProvinceAsync(db, filter.Province, ct);
            await ShopkeeperTotals.ForEachMonthEntryAsync(db, filter.Category, firstMonth, lastMonth, (month, e) =>
            {
                if (inProvince is not null && !inProvince.Contains(e.ShopkeeperId)) return;
                if (!result.TryGetValue(month, out var list)) result[month] = list = [];
                list.Add(e.GmvFen);
            }, ct);
            return result;
        }
        for (var month = firstMonth; month <= lastMonth; month = month.AddMonths(1))
        {
            var range = filter with { From = month, To = month.AddMonths(1).AddDays(-1) };
            result[month] = await MetricsService.ShopkeeperDays(db, range).GroupBy(d => d.ShopkeeperId).Select(g => g.Sum(d => d.GmvFen)).ToListAsync(ct);
        }
        return result;
    }

    private async Task<CohortFigures> ComputeCohortsAsync(CohortFilter filter, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var from = FirstOfMonth(filter.FromMonth);
        var to = FirstOfMonth(filter.ToMonth).AddMonths(1).AddDays(-1);
        var through = FirstOfMonth(filter.Through);
        var shopkeepers = db.Shopkeepers.AsNoTracking().Where(k => k.JoinedOn >= from && k.JoinedOn <= to);
        if (filter.Province is { } province) shopkeepers = shopkeepers.Where(k => k.Province == province);
        var joinMonth = new Dictionary<int, DateOnly>();
        await foreach (var k in shopkeepers.Select(k => new { k.Id, k.JoinedOn }).AsAsyncEnumerable().WithCancellation(ct)) joinMonth[k.Id] = FirstOfMonth(k.JoinedOn);
        var active = new Dictionary<(DateOnly JoinMonth, DateOnly Month), long>();
        await ShopkeeperTotals.ForEachMonthEntryAsync(db, null, from, through, (month, e) =>
        {
            if (joinMonth.TryGetValue(e.ShopkeeperId, out var joined)) active[(joined, month)] = active.GetValueOrDefault((joined, month)) + 1;
        }, ct);
        var joinedCounts = joinMonth.Values.GroupBy(m => m).Select(g => (g.Key, (long)g.Count()));
        return Cohorts(filter, joinedCounts, active.Select(a => (a.Key.JoinMonth, a.Key.Month, a.Value)));
    }

    internal static CohortFigures Cohorts(CohortFilter filter, IEnumerable<(DateOnly JoinedOn, long Count)> joined, IEnumerable<(DateOnly JoinedOn, DateOnly Month, long Count)> active)
    {
        var from = FirstOfMonth(filter.FromMonth);
        var last = FirstOfMonth(filter.ToMonth);
        var through = FirstOfMonth(filter.Through);
        var offsets = Math.Max(1, MonthsBetween(from, through) + 1);
        var rows = new SortedDictionary<DateOnly, (long Joined, long[] Retained)>();
        for (var m = from; m <= last; m = m.AddMonths(1)) rows[m] = (0, new long[Math.Max(0, MonthsBetween(m, through) + 1)]);
        foreach (var (day, count) in joined)
        {
            var m = FirstOfMonth(day);
            if (rows.TryGetValue(m, out var row)) rows[m] = (row.Joined + count, row.Retained);
        }
        foreach (var (day, month, count) in active)
        {
            var offset = MonthsBetween(FirstOfMonth(day), month);
            if (rows.TryGetValue(FirstOfMonth(day), out var row) && offset >= 0 && offset < row.Retained.Length) row.Retained[offset] += count;
        }
        return new CohortFigures(filter, rows.Select(r => new CohortRow(r.Key, r.Value.Joined, r.Value.Retained)).ToList(), offsets);
    }

    internal static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    private static int MonthsBetween(DateOnly from, DateOnly to) => (to.Year - from.Year) * 12 + to.Month - from.Month;
}
