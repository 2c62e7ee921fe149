using BackOffice.Domain.Common;
using BackOffice.Domain.Orders;
using BackOffice.Domain.Shopkeepers;

namespace BackOffice.Domain.Seeding;

/// <summary>Shopkeepers and their order lines, generated lazily so the writer streams them.</summary>
internal sealed partial class SeedRun
{
    /// <summary>Zipf exponent of shopkeeper activity: a few % of shopkeepers make most of the GMV.</summary>
    private const double ActivityExponent = 1.0;

    private int[] _joinedDay = [];
    private double[] _activity = [];
    private int[] _veterans = [];
    private long[,] _netGmv = new long[0, 0];

    public static readonly IReadOnlyList<BulkColumn> ShopkeeperColumns =
    [
        new("Id", typeof(int)), new("Code", typeof(string)), new("PhoneEncrypted", typeof(byte[])), new("RealNameEncrypted", typeof(byte[])),
        new("PhoneMasked", typeof(string)), new("RealNameMasked", typeof(string)), new("Province", typeof(string)), new("City", typeof(string)),
        new("JoinedOn", typeof(DateOnly)),
    ];

    public static readonly IReadOnlyList<BulkColumn> OrderLineColumns =
    [
        new("ExternalId", typeof(string)), new("OrderId", typeof(string)), new("SaleId", typeof(int)), new("ProductId", typeof(int)),
        new("BrandId", typeof(int)), new("Category", typeof(string)), new("ShopkeeperId", typeof(int)), new("Quantity", typeof(int)),
        new("PaidFen", typeof(long)), new("ShopkeeperCommissionFen", typeof(long)), new("OrderedAt", typeof(DateTime)),
        new("OrderedOn", typeof(DateOnly)), new("ShippedAt", typeof(DateTime), Nullable: true), new("RefundFen", typeof(long)),
        new("RefundedAt", typeof(DateTime), Nullable: true),
    ];

    /// <summary>
    /// Ids 1..N (the table is empty). Provinces weighted by population; joins over the two years before
    /// Today, more of them recently; activity ranks shuffled so a star may have joined at any time.
    /// </summary>
    private IEnumerable<(int Id, Shopkeeper Shopkeeper)> Shopkeepers()
    {
        var random = SeedRandom.Stream(_options.Seed, 7);
        var count = _size.Shopkeepers;
        var provinces = SeedRandom.Cumulative(DemoVocabulary.Provinces.Select(p => p.Weight));
        var ranks = Enumerable.Range(1, count).ToArray();
        for (var i = count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (ranks[i], ranks[j]) = (ranks[j], ranks[i]);
        }
        _joinedDay = new int[count];
        _activity = new double[count];
        var veterans = new List<int>();
        var windowStart = _options.Today.AddDays(-_size.Days).DayNumber;
        for (var i = 0; i < count; i++)
        {
            var (province, _, cities) = DemoVocabulary.Provinces[random.PickCumulative(provinces)];
            var city = random.Chance(0.4) ? cities[0] : cities[random.Next(cities.Length)];
            var daysAgo = (int)(730 * (1 - Math.Sqrt(random.NextDouble())));
            var joined = _options.Today.AddDays(-1 - daysAgo);
            _joinedDay[i] = joined.DayNumber;
            _activity[i] = 1 / Math.Pow(ranks[i], ActivityExponent);
            if (joined.DayNumber < windowStart) veterans.Add(i);
            var shopkeeper = new Shopkeeper(Shopkeeper.FormatCode(i + 1), random.ChinesePhone(), random.ChineseName(), province, city, joined, _protector);
            yield return (i + 1, shopkeeper);
        }
        _veterans = veterans.Count > 0 ? [.. veterans] : [0];
    }

    public static void FillShopkeeper((int Id, Shopkeeper Shopkeeper) row, object?[] values)
    {
        var s = row.Shopkeeper;
        (values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7], values[8]) =
            (row.Id, s.Code, s.PhoneEncrypted, s.RealNameEncrypted, s.PhoneMasked, s.RealNameMasked, s.Province, s.City, s.JoinedOn);
    }

    public static void FillOrderLine(OrderLine l, object?[] values)
    {
        (values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7]) =
            (l.ExternalId, l.OrderId, l.SaleId, l.ProductId, l.BrandId, l.Category, l.ShopkeeperId, l.Quantity);
        (values[8], values[9], values[10], values[11], values[12], values[13], values[14]) =
            (l.PaidFen, l.ShopkeeperCommissionFen, l.OrderedAt, l.OrderedOn, l.ShippedAt, l.RefundFen, l.RefundedAt);
    }

    /// <summary>
    /// Sale by sale: orders of 1–3 lines, most soon after the start; shipped 2–72 hours later unless that
    /// is still ahead; about 7% of lines refunded, before or after shipment. Net GMV per brand and day is
    /// kept for the terms snapshots.
    /// </summary>
    private IEnumerable<OrderLine> OrderLines()
    {
        var random = SeedRandom.Stream(_options.Seed, 9);
        var shopkeepers = SeedRandom.Cumulative(_activity);
        var firstDay = _options.Today.AddDays(-_size.Days).DayNumber;
        _netGmv = new long[_brands.Count, _size.Days + 1];
        var brandIndex = _brands.ToDictionary(b => b.Brand.Id, b => b.Index);
        long lineNumber = 0, orderNumber = 0;
        foreach (var plan in _sales.Where(s => s.Lines > 0))
        {
            var sale = plan.Sale;
            var products = sale.Products.ToList();
            var popularity = SeedRandom.Cumulative(products.Select((_, i) => 1.0 / (i + 1)));
            var open = Min(plan.End, _cutoff) - plan.Start;
            var row = brandIndex[sale.BrandId];
            for (long made = 0; made < plan.Lines;)
            {
                var orderedAt = OrderInstant(random, plan, open);
                var orderedOn = ChinaTime.DateOf(orderedAt);
                var shopkeeper = PickShopkeeper(random, shopkeepers, orderedOn.DayNumber);
                var orderId = $"O{orderedOn:yyyyMMdd}{++orderNumber:00000000}";
                var delay = TimeSpan.FromMinutes(random.NextDouble() switch
                {
                    < 0.6 => 120 + random.Next(22 * 60),
                    < 0.9 => 24 * 60 + random.Next(24 * 60),
                    _ => 48 * 60 + random.Next(24 * 60),
                });
                DateTime? shippedAt = orderedAt + delay < _cutoff ? orderedAt + delay : null;
                var size = (int)Math.Min(plan.Lines - made, Math.Min(products.Count, random.NextDouble() switch { < 0.7 => 1, < 0.9 => 2, _ => 3 }));
                var chosen = new HashSet<int>();
                while (chosen.Count < size) chosen.Add(random.PickCumulative(popularity));
                foreach (var p in chosen.Order())
                {
                    var product = products[p];
                    var quantity = random.NextDouble() switch { < 0.75 => 1, < 0.93 => 2, _ => 3 };
                    var paid = checked(product.SalePriceFen * quantity);
                    var line = new OrderLine($"OL{++lineNumber:0000000000}", orderId, sale.Id, product.ProductId, sale.BrandId, sale.Category,
                        shopkeeper + 1, quantity, paid, Money.RoundDiv(checked(paid * plan.Brand.ShopkeeperCommissionBp), 10_000), orderedAt);
                    var lineShipped = shippedAt;
                    if (random.Chance(0.075)) Refund(random, line, quantity, ref lineShipped);
                    if (lineShipped is { } shipped) line.Ship(shipped);
                    _netGmv[row, orderedOn.DayNumber - firstDay] += line.PaidFen - line.RefundFen;
                    made++;
                    yield return line;
                }
            }
        }
    }

    private DateTime OrderInstant(Random random, SalePlan plan, TimeSpan open)
    {
        // Most orders come in the first hours of a sale.
        var tau = (plan.End - plan.Start).TotalSeconds / 4;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var seconds = -Math.Log(1 - random.NextDouble()) * tau;
            if (seconds < open.TotalSeconds) return plan.Start.AddSeconds(Math.Floor(seconds));
        }
        return plan.Start.AddSeconds(Math.Floor(random.NextDouble() * open.TotalSeconds));
    }

    /// <summary>By activity, among those who had joined by the order's day; else a long-standing shopkeeper.</summary>
    private int PickShopkeeper(Random random, double[] cumulative, int dayNumber)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var candidate = random.PickCumulative(cumulative);
            if (_joinedDay[candidate] <= dayNumber) return candidate;
        }
        return _veterans[random.Next(_veterans.Length)];
    }

    private void Refund(Random random, OrderLine line, int quantity, ref DateTime? shippedAt)
    {
        var paid = line.PaidFen;
        var amount = random.NextDouble() switch
        {
            < 0.55 => paid,
            < 0.8 when quantity > 1 => paid / quantity * (1 + random.Next(quantity - 1)),
            _ => Money.RoundDiv(paid * (10 + random.Next(41)), 100),
        };
        var ordered = line.OrderedAt;
        if (shippedAt is null || random.Chance(0.35))
        {
            // Before shipment: a full refund means the parcel never leaves.
            var until = shippedAt ?? _cutoff;
            var at = ordered + TimeSpan.FromSeconds(Math.Max(60, Math.Floor((until - ordered).TotalSeconds * random.NextDouble())));
            if (at >= until) return;
            line.Refund(amount, at);
            if (amount == paid) shippedAt = null;
            return;
        }
        var after = shippedAt.Value + TimeSpan.FromMinutes(60 * 24 + random.Next(14 * 24 * 60));
        if (after < _cutoff) line.Refund(amount, after);
    }
}
