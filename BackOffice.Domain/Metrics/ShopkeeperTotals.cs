using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Metrics;

/// <summary>
/// Every shopkeeper's figures over a filter's period, summed in memory from the
/// <see cref="ShopkeeperSalesPack"/>s: the whole months' packs and the edge days' packs, of all
/// categories or the filter's one, masked to the filter's province. Arrays are indexed by shopkeeper id.
/// Not for a brand slice (<see cref="MetricsService.BrandSliced"/>): packs are not by brand.
/// </summary>
internal sealed class ShopkeeperTotals
{
    private ShopkeeperTotals(int size)
    {
        GmvFen = new long[size];
        RefundFen = new long[size];
        Orders = new long[size];
        CommissionFen = new long[size];
        Lines = new long[size];
    }

    public long[] GmvFen { get; private set; }
    public long[] RefundFen { get; private set; }
    public long[] Orders { get; private set; }
    public long[] CommissionFen { get; private set; }
    public long[] Lines { get; private set; }

    /// <summary>The shopkeepers with a line in the period (and in the province, if one is given), in id order.</summary>
    public List<int> Active { get; } = [];

    public static async Task<ShopkeeperTotals> ReadAsync(BackOfficeDbContext db, MetricsFilter filter, CancellationToken ct)
    {
        if (MetricsService.BrandSliced(filter)) throw new ArgumentException("Packs are not by brand; read the daily rows for a brand slice.", nameof(filter));
        var size = (await db.Shopkeepers.MaxAsync(s => (int?)s.Id, ct) ?? 0) + 1;
        var totals = new ShopkeeperTotals(size);
        var category = filter.Category ?? "";
        var packs = db.ShopkeeperSalesPacks.AsNoTracking().Where(p => p.Category == category);
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
        var inProvince = await InProvinceAsync(db, filter.Province, ct);
        for (var id = 0; id < totals.Lines.Length; id++)
        {
            if (totals.Lines[id] > 0 && (inProvince is null || inProvince.Contains(id))) totals.Active.Add(id);
        }
        return totals;
    }

    /// <summary>The ids of the shopkeepers now in the province; null (no mask) when none is given.</summary>
    public static async Task<HashSet<int>?> InProvinceAsync(BackOfficeDbContext db, string? province, CancellationToken ct) =>
        province is null ? null : (await db.Shopkeepers.AsNoTracking().Where(s => s.Province == province).Select(s => s.Id).ToListAsync(ct)).ToHashSet();

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

    private async Task AddAsync(IQueryable<ShopkeeperSalesPack> packs, CancellationToken ct)
    {
        await foreach (var data in packs.Select(p => p.Data).AsAsyncEnumerable().WithCancellation(ct)) Add(data);
    }

    private void Grow(int size)
    {
        GmvFen = Resized(GmvFen);
        RefundFen = Resized(RefundFen);
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

    private void Add(byte[] data)
    {
        var reader = SalesPackFormat.Read(data);
        while (reader.Next(out var e))
        {
            // A shopkeeper imported after the size was read.
            if (e.ShopkeeperId >= Lines.Length) Grow(e.ShopkeeperId + 1);
            GmvFen[e.ShopkeeperId] += e.GmvFen;
            RefundFen[e.ShopkeeperId] += e.RefundFen;
            Orders[e.ShopkeeperId] += e.Orders;
            CommissionFen[e.ShopkeeperId] += e.CommissionFen;
            Lines[e.ShopkeeperId] += e.Lines;
        }
    }
}
