using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Metrics;

/// <summary>
/// Every shopkeeper's figures over a filter's period, indexed by shopkeeper id: summed in memory from the
/// <see cref="ShopkeeperSalesPack"/>s (the whole months' packs and the edge days' packs, of all
/// categories or the filter's one, masked to the filter's province), or for a brand slice grouped from
/// its <see cref="ShopkeeperDailySales"/> rows, which are few. The KPI cards, leaderboard, geography and
/// deciles all start here.
/// </summary>
internal sealed class ShopkeeperTotals
{
    private ShopkeeperTotals(int size)
    {
        GmvFen = new long[size];
        RefundFen = new long[size];
        Items = new long[size];
        Orders = new long[size];
        CommissionFen = new long[size];
        Lines = new long[size];
    }

    public long[] GmvFen { get; private set; }
    public long[] RefundFen { get; private set; }
    public long[] Items { get; private set; }
    public long[] Orders { get; private set; }
    public long[] CommissionFen { get; private set; }
    public long[] Lines { get; private set; }

    /// <summary>The shopkeepers with a line in the period (and in the province, if one is given), in id order.</summary>
    public List<int> Active { get; } = [];

    public static async Task<ShopkeeperTotals> ReadAsync(BackOfficeDbContext db, MetricsFilter filter, CancellationToken ct)
    {
        if (filter.SaleId is not null) throw new ArgumentException("A single sale's figures come from its lines (LineMetrics).", nameof(filter));
        var totals = new ShopkeeperTotals((await db.Shopkeepers.MaxAsync(s => (int?)s.Id, ct) ?? 0) + 1);
        if (MetricsService.BrandSliced(filter))
        {
            var rows = MetricsService.ShopkeeperDays(db, filter).GroupBy(d => d.ShopkeeperId).Select(g => new
            {
                Id = g.Key, Gmv = g.Sum(d => d.GmvFen), Refund = g.Sum(d => d.RefundFen), Items = g.Sum(d => d.Items), Orders = g.Sum(d => d.Orders),
                Commission = g.Sum(d => d.CommissionFen), Lines = g.Sum(d => d.Lines),
            });
            await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct)) totals.Add(new PackEntry(r.Id, r.Gmv, r.Refund, r.Items, r.Orders, r.Commission, r.Lines));
            totals.CollectActive(null);
            return totals;
        }
        var packs = db.ShopkeeperSalesPacks.AsNoTracking().Where(p => p.Category == (filter.Category ?? ""));
        var (firstMonth, lastMonthEnd) = MetricsService.WholeMonths(filter.From, filter.To);
        if (firstMonth > lastMonthEnd)
        {
            await totals.AddAsync(packs.Where(p => p.Span == PackSpan.Day && p.Start >= filter.From && p.Start <= filter.To), ct);
        }
        else
        {
            await totals.AddAsync(packs.Where(p => p.Span == PackSpan.Month && p.Start >= firstMonth && p.Start <= lastMonthEnd), ct);
            await totals.AddAsync(packs.Where(p => p.Span == PackSpan.Day
                && ((p.Start >= filter.From && p.Start < firstMonth) || (p.Start > lastMonthEnd && p.Start <= filter.To))), ct);
        }
        totals.CollectActive(await InProvinceAsync(db, filter.Province, ct));
        return totals;
    }

    /// <summary>The ids of the shopkeepers now in the province; null (no mask) when none is given.</summary>
    public static async Task<HashSet<int>?> InProvinceAsync(BackOfficeDbContext db, string? province, CancellationToken ct) =>
        province is null ? null : (await IdsInProvinceAsync(db, province, ct)).ToHashSet();

    /// <summary>The ids of the shopkeepers now in the province, from its index (thousands: read without EF's per-row materialisation, 5× faster).</summary>
    public static async Task<List<int>> IdsInProvinceAsync(BackOfficeDbContext db, string province, CancellationToken ct)
    {
        await using var command = (await RawSql.OpenAsync(db, ct)).Command("SELECT Id FROM Shopkeepers WHERE Province = @p");
        RawSql.Parameter(command, "@p", province);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var ids = new List<int>();
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetInt32(0));
        return ids;
    }

    /// <summary>Visits every entry of the month packs <paramref name="firstMonth"/> … <paramref name="lastMonth"/> of all categories or one.</summary>
    public static async Task ForEachMonthEntryAsync(BackOfficeDbContext db, string? category, DateOnly firstMonth, DateOnly lastMonth, Action<DateOnly, PackEntry> visit,
        CancellationToken ct)
    {
        var packs = db.ShopkeeperSalesPacks.AsNoTracking()
            .Where(p => p.Span == PackSpan.Month && p.Category == (category ?? "") && p.Start >= firstMonth && p.Start <= lastMonth)
            .Select(p => new { p.Start, p.Data });
        await foreach (var pack in packs.AsAsyncEnumerable().WithCancellation(ct)) Visit(pack.Start, pack.Data, visit);

        static void Visit(DateOnly month, byte[] data, Action<DateOnly, PackEntry> visit)
        {
            var reader = SalesPackFormat.Read(data);
            while (reader.Next(out var e)) visit(month, e);
        }
    }

    /// <summary>Totals over the active shopkeepers: the KPI sums.</summary>
    public (long Gmv, long Refund, long Items, long Orders, long Commission) Sum()
    {
        long gmv = 0, refund = 0, items = 0, orders = 0, commission = 0;
        foreach (var id in Active)
        {
            gmv += GmvFen[id];
            refund += RefundFen[id];
            items += Items[id];
            orders += Orders[id];
            commission += CommissionFen[id];
        }
        return (gmv, refund, items, orders, commission);
    }

    private void CollectActive(HashSet<int>? inProvince)
    {
        for (var id = 0; id < Lines.Length; id++)
        {
            if (Lines[id] > 0 && (inProvince is null || inProvince.Contains(id))) Active.Add(id);
        }
    }

    private async Task AddAsync(IQueryable<ShopkeeperSalesPack> packs, CancellationToken ct)
    {
        await foreach (var data in packs.Select(p => p.Data).AsAsyncEnumerable().WithCancellation(ct)) AddPack(data);
    }

    private void AddPack(byte[] data)
    {
        var reader = SalesPackFormat.Read(data);
        while (reader.Next(out var e)) Add(e);
    }

    private void Add(PackEntry e)
    {
        // A shopkeeper imported after the size was read.
        if (e.ShopkeeperId >= Lines.Length) Grow(e.ShopkeeperId + 1);
        GmvFen[e.ShopkeeperId] += e.GmvFen;
        RefundFen[e.ShopkeeperId] += e.RefundFen;
        Items[e.ShopkeeperId] += e.Items;
        Orders[e.ShopkeeperId] += e.Orders;
        CommissionFen[e.ShopkeeperId] += e.CommissionFen;
        Lines[e.ShopkeeperId] += e.Lines;
    }

    private void Grow(int size)
    {
        GmvFen = Resized(GmvFen);
        RefundFen = Resized(RefundFen);
        Items = Resized(Items);
        Orders = Resized(Orders);
        CommissionFen = Resized(CommissionFen);
        Lines = Resized(Lines);

        long[] Resized(long[] values)
        {
            var larger = new long[size];
            values.CopyTo(larger, 0);
            return larger;
        }
    }
}
