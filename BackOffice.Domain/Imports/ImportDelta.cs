using System.Runtime.InteropServices;
using BackOffice.Domain.Metrics;

namespace BackOffice.Domain.Imports;

/// <summary>
/// An order-line import's aggregate delta (the rows of <see cref="AggregateBuilder.CreateDelta"/>: one per
/// shopkeeper, China date and brand), summed in memory rather than by grouping the staged rows in SQL afterwards
/// (on SQLite that grouping cost 1.8 s a million lines). The lines are summed as they are parsed, on the reading
/// thread, by the codes they name (<see cref="AddParsedLine"/>); once staging has looked every code up, the sums are
/// carried over to ids (<see cref="Resolve"/>). Every line is counted as new, and every order the first time it
/// appears; what the database turns out to hold already is then taken back (<see cref="Add"/> with negative figures).
/// Memory is bounded: past <paramref name="capacity"/> groups or orders the sums are dropped
/// (<see cref="Overflowed"/>) and the import groups in SQL instead.
/// </summary>
internal sealed class ImportDelta(int capacity)
{
    /// <summary>
    /// While summing, about 90 bytes a group and 100–200 an order (its id is kept, up to 64 characters): at most
    /// some 300 MB, whatever the feed's size (a million-line feed of two-line orders holds half a million of
    /// each). Once resolved, the sums hold at most twice their groups (<see cref="Add"/> merges as it goes).
    /// </summary>
    public const int DefaultCapacity = 1_000_000;

    /// <summary>A group while parsing: shopkeeper and sale by their codes' numbers in <see cref="_codes"/>.</summary>
    private readonly record struct CodeKey(int Shopkeeper, int Day, int Sale);

    public readonly record struct Key(int ShopkeeperId, int Day, int BrandId) : IComparable<Key>
    {
        public int CompareTo(Key other) => ShopkeeperId != other.ShopkeeperId ? ShopkeeperId.CompareTo(other.ShopkeeperId)
            : Day != other.Day ? Day.CompareTo(other.Day) : BrandId.CompareTo(other.BrandId);
    }

    /// <summary>One group's figures; its category and province are the greatest seen, as SQL's MAX gives.</summary>
    public struct Sum(Key key, string category, string province, PackEntry figures) : IComparable<Sum>
    {
        public readonly Key Key = key;
        public string Category = category;
        public string Province = province;
        public PackEntry Figures = figures;

        public readonly int CompareTo(Sum other) => Key.CompareTo(other.Key);

        public void Add(in Sum other)
        {
            Figures = Figures.Plus(other.Figures);
            if (string.CompareOrdinal(other.Category, Category) > 0) Category = other.Category;
            if (string.CompareOrdinal(other.Province, Province) > 0) Province = other.Province;
        }
    }

    private readonly record struct OrderPlace(int Sale, int Shopkeeper, int Day);

    // Codes are numbered (a few thousand sales and shopkeepers a feed), so the sums hold no strings but the orders'.
    private readonly List<string> _codes = [];
    private readonly Dictionary<string, int> _codeNumbers = new(StringComparer.Ordinal);
    private Dictionary<CodeKey, PackEntry>? _byCode = capacity > 0 ? [] : null;
    private Dictionary<string, OrderPlace>? _orders = capacity > 0 ? new(StringComparer.Ordinal) : null;
    private List<Sum>? _sums;
    private int _resolved;

    /// <summary>Too many groups or orders to hold: the import groups in SQL.</summary>
    public bool Overflowed => _byCode is null && _sums is null;

    /// <summary>Two lines of one order name different sales, shopkeepers or dates (the import will be refused).</summary>
    public bool OrdersDisagree { get; private set; }

    // An order's lines usually come together: a line of the same order as the one before is added to a running
    // sum, and the dictionaries are visited once an order.
    private string? _lastOrder;
    private OrderPlace _lastPlace;
    private PackEntry _running;

    /// <summary>A line read without problems (a feed with any problem is refused whole, so its sums never count).</summary>
    public void AddParsedLine(string orderId, string saleCode, string shopkeeperCode, DateOnly day, long quantity, long paid, long commission, long refund)
    {
        if (_byCode is null || _orders is null) return;
        var line = new PackEntry(0, paid, refund, quantity, 0, commission, 1);
        if (orderId == _lastOrder && _codes[_lastPlace.Sale] == saleCode && _codes[_lastPlace.Shopkeeper] == shopkeeperCode && day.DayNumber == _lastPlace.Day)
        {
            _running = _running.Plus(line);
            return;
        }
        FlushRunning();
        var place = new OrderPlace(Number(saleCode), Number(shopkeeperCode), day.DayNumber);
        ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(_orders, orderId, out var seen);
        if (!seen) first = place;
        else if (first != place) OrdersDisagree = true;
        (_lastOrder, _lastPlace, _running) = (orderId, place, line with { Orders = seen ? 0 : 1 });
        if (_byCode.Count > capacity || _orders.Count > capacity) (_byCode, _orders) = (null, null);
    }

    private int Number(string code)
    {
        ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(_codeNumbers, code, out var known);
        if (!known)
        {
            number = _codes.Count;
            _codes.Add(code);
        }
        return number;
    }

    private void FlushRunning()
    {
        if (_lastOrder is null || _byCode is null) return;
        ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(_byCode, new CodeKey(_lastPlace.Shopkeeper, _lastPlace.Day, _lastPlace.Sale), out _);
        sum = sum.Plus(_running);
        _lastOrder = null;
    }

    /// <summary>Carries the sums over from codes to ids (every code was looked up while staging).</summary>
    public void Resolve(Func<string, (int BrandId, string Category)> sale, Func<string, (int Id, string Province)> shopkeeper)
    {
        FlushRunning();
        if (_byCode is null) return;
        _sums = new List<Sum>(_byCode.Count);
        foreach (var (code, sum) in _byCode)
        {
            var (brandId, category) = sale(_codes[code.Sale]);
            var (shopkeeperId, province) = shopkeeper(_codes[code.Shopkeeper]);
            _sums.Add(new Sum(new Key(shopkeeperId, code.Day, brandId), category, province, sum with { ShopkeeperId = shopkeeperId }));
        }
        (_byCode, _orders, _resolved) = (null, null, _sums.Count);
    }

    /// <summary>Adds figures (negative ones take back) to a group, once resolved; merges the sums whenever they have doubled.</summary>
    public void Add(int shopkeeperId, DateOnly day, int brandId, string category, string province, PackEntry figures)
    {
        if (_sums is null) throw new InvalidOperationException("The sums are added to by id once resolved.");
        _sums.Add(new Sum(new Key(shopkeeperId, day.DayNumber, brandId), category, province, figures));
        if (_sums.Count >= 2 * Math.Max(_resolved, 1024)) _resolved = Merge(_sums);
    }

    /// <summary>Sorts the sums and merges those of one key, in place; returns how many are left.</summary>
    private static int Merge(List<Sum> list)
    {
        var sums = CollectionsMarshal.AsSpan(list);
        sums.Sort();
        var count = 0;
        for (var i = 0; i < sums.Length; i++)
        {
            if (count > 0 && sums[count - 1].Key == sums[i].Key) sums[count - 1].Add(sums[i]);
            else sums[count++] = sums[i];
        }
        list.RemoveRange(count, list.Count - count);
        return count;
    }

    /// <summary>The delta's rows: per shopkeeper, date and brand; per date, brand and province; and the sales packs' entries.</summary>
    public sealed record Rows(
        List<Sum> Groups,
        List<(DateOnly Day, int BrandId, string Province, string Category, PackEntry Figures)> Daily,
        SortedDictionary<DateOnly, List<(string Category, PackEntry Entry)>> PackDays);

    /// <summary>The rows from the sums, once resolved and taken back from; reads nothing else, so it may run beside the import's SQL.</summary>
    public Rows ToRows()
    {
        var groups = Groups();
        return new Rows(groups, DailyGroups(groups), PackDays(groups));
    }

    /// <summary>The groups with any figure, one a key, by shopkeeper, date and brand (the daily aggregates' key): the sums, merged in place.</summary>
    private List<Sum> Groups()
    {
        if (_sums is null) return [];
        Merge(_sums);
        _sums.RemoveAll(sum => sum.Figures.IsZero);
        return _sums;
    }

    /// <summary>A pack entry's place: date, category (by its rank in ordinal order) and shopkeeper.</summary>
    private readonly record struct PackKey(int Day, int Category, int ShopkeeperId) : IComparable<PackKey>
    {
        public int CompareTo(PackKey other) => Day != other.Day ? Day.CompareTo(other.Day)
            : Category != other.Category ? Category.CompareTo(other.Category) : ShopkeeperId.CompareTo(other.ShopkeeperId);
    }

    /// <summary>
    /// The sales packs' delta from <see cref="Groups"/>: per date, category and shopkeeper (brands summed), in that
    /// order, what <see cref="SalesPacks"/> otherwise reads from the delta table day by day.
    /// </summary>
    private static SortedDictionary<DateOnly, List<(string Category, PackEntry Entry)>> PackDays(List<Sum> groups)
    {
        var categories = groups.Select(g => g.Category).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var rank = categories.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var keys = new PackKey[groups.Count];
        var entries = new PackEntry[groups.Count];
        for (var i = 0; i < groups.Count; i++)
        {
            keys[i] = new PackKey(groups[i].Key.Day, rank[groups[i].Category], groups[i].Key.ShopkeeperId);
            entries[i] = groups[i].Figures;
        }
        Array.Sort(keys, entries);
        var byDay = new SortedDictionary<DateOnly, List<(string Category, PackEntry Entry)>>();
        List<(string Category, PackEntry Entry)>? day = null;
        for (var i = 0; i < keys.Length; i++)
        {
            if (i == 0 || keys[i].Day != keys[i - 1].Day) byDay[DateOnly.FromDayNumber(keys[i].Day)] = day = [];
            if (i > 0 && keys[i] == keys[i - 1]) day![^1] = (day[^1].Category, day[^1].Entry.Plus(entries[i]));
            else day!.Add((categories[keys[i].Category], entries[i]));
        }
        return byDay;
    }

    /// <summary>
    /// <see cref="DailySales"/>' delta from <see cref="Groups"/>: per date, brand and province, the greatest category
    /// (what grouping the delta table by those gives).
    /// </summary>
    private static List<(DateOnly Day, int BrandId, string Province, string Category, PackEntry Figures)> DailyGroups(List<Sum> groups)
    {
        var provinces = new Dictionary<string, int>(StringComparer.Ordinal);
        var daily = new Dictionary<(int Day, int BrandId, int Province), Sum>();
        foreach (var group in groups)
        {
            ref var province = ref CollectionsMarshal.GetValueRefOrAddDefault(provinces, group.Province, out var known);
            if (!known) province = provinces.Count - 1;
            ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(daily, (group.Key.Day, group.Key.BrandId, province), out var exists);
            if (exists) sum.Add(group);
            else sum = group;
        }
        return daily.Values.Select(d => (DateOnly.FromDayNumber(d.Key.Day), d.Key.BrandId, d.Province, d.Category, d.Figures with { ShopkeeperId = 0 })).ToList();
    }
}
