using BackOffice.Domain.Brands;
using BackOffice.Domain.Common;
using BackOffice.Domain.Sales;

namespace BackOffice.Domain.Seeding;

/// <summary>Sales over the window and two weeks ahead, kept to the scheduling rules.</summary>
internal sealed partial class SeedRun
{
    public const int BrandCooldownHours = 72;
    public const int DailySlotsPerCategory = 12;

    private sealed class SalePlan(BrandPlan brand, DateTime start, DateTime end, SaleKind kind, DateTime scheduledAt)
    {
        public BrandPlan Brand { get; } = brand;
        public DateTime Start { get; } = start;
        public DateTime End { get; } = end;
        public SaleKind Kind { get; } = kind;
        public DateTime ScheduledAt { get; } = scheduledAt;
        public SaleStatus Outcome { get; set; } = SaleStatus.Scheduled;
        public Sale Sale { get; set; } = null!;
        public long Lines { get; set; }
        public bool TakesOrders(DateTime cutoff) => Outcome == SaleStatus.Scheduled && Start < cutoff;
    }

    private readonly List<SalePlan> _sales = [];

    private List<Sale> PlanSales()
    {
        var random = SeedRandom.Stream(_options.Seed, 6);
        var candidates = _brands.Where(b => b.Target == BrandStatus.Approved && b.Selectable.Count > 0).ToList();
        if (candidates.Count == 0) return [];
        var weights = SeedRandom.Cumulative(candidates.Select(b => b.Popularity));
        var slots = new Dictionary<(DateOnly, string), int>();
        var firstDay = _options.Today.AddDays(-_size.Days);
        var spanDays = _size.Days + 14;
        var liveNow = Math.Max(1, _size.Sales / 100);
        for (var n = 0; n < _size.Sales; n++)
        {
            for (var attempt = 0; attempt < 100; attempt++)
            {
                var kind = random.Chance(0.25) ? SaleKind.Livestream : SaleKind.Flash;
                var day = n < liveNow ? _options.Today.AddDays(-1) : firstDay.AddDays(random.Next(spanDays));
                var hour = kind == SaleKind.Livestream || random.Chance(0.4) ? 20 : 10;
                var days = n < liveNow ? 2 + random.Next(2) : kind == SaleKind.Livestream ? (random.Chance(0.7) ? 1 : 2) : random.NextDouble() switch { < 0.5 => 1, < 0.8 => 2, _ => 3 };
                var start = ChinaTime.ToUtc(day, new TimeOnly(hour, 0));
                var end = start.AddDays(days);
                var brand = candidates[random.PickCumulative(weights)];
                var scheduledAt = start - TimeSpan.FromHours(48 + random.Next(24 * 8));
                if (scheduledAt >= _cutoff) scheduledAt = _cutoff - TimeSpan.FromHours(1 + random.Next(48));
                var category = brand.Brand.Category;
                var cooldown = TimeSpan.FromHours(BrandCooldownHours);
                if (brand.Brand.DecidedAt is not { } decided || decided >= scheduledAt) continue;
                if (!brand.Brand.DocumentsValidOn(day) || !brand.Brand.DocumentsValidOn(ChinaTime.DateOf(end))) continue;
                if (slots.GetValueOrDefault((day, category)) >= DailySlotsPerCategory) continue;
                if (brand.Sales.Any(s => start < s.End + cooldown && s.Start < end + cooldown)) continue;
                brand.Sales.Add((start, end));
                slots[(day, category)] = slots.GetValueOrDefault((day, category)) + 1;
                var plan = new SalePlan(brand, start, end, kind, scheduledAt);
                if (start >= _cutoff)
                    plan.Outcome = random.NextDouble() switch { < 0.12 => SaleStatus.Draft, < 0.22 => SaleStatus.Cancelled, _ => SaleStatus.Scheduled };
                else if (n >= liveNow && random.Chance(0.02))
                    plan.Outcome = SaleStatus.Cancelled;
                _sales.Add(plan);
                break;
            }
        }
        _sales.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Brand.Index.CompareTo(b.Brand.Index));
        var number = 0;
        foreach (var plan in _sales)
        {
            var brand = plan.Brand.Brand;
            var category = Categories.Get(brand.Category);
            var title = plan.Kind == SaleKind.Livestream ? $"{brand.NameZh} 直播专场" : $"{brand.NameZh} {category.NameZh}品牌特卖";
            var creator = random.Chance(0.5) ? _selectionA : _selectionB;
            plan.Sale = new Sale(Sale.FormatCode(++number), brand.Id, brand.Category, title, creator, plan.ScheduledAt - TimeSpan.FromHours(2 + random.Next(72)));
            var products = plan.Brand.Selectable.OrderBy(_ => random.Next()).Take(5 + random.Next(16)).OrderBy(p => p.SkuCode, StringComparer.Ordinal);
            foreach (var product in products)
            {
                var ratio = Math.Clamp(plan.Brand.Discount * (0.9 + random.NextDouble() * 0.2), 0.2, 0.95);
                var listYuan = product.ListPriceFen / 100;
                var saleYuan = Math.Max(1, (long)(listYuan * ratio));
                if (saleYuan >= 10) saleYuan = saleYuan / 10 * 10 + 9;
                var salePrice = Money.FromYuan(Math.Min(saleYuan, listYuan));
                plan.Sale.SetProduct(product.Id, product.ListPrice, salePrice, 10 * (20 + random.Next(300)));
            }
        }
        AllocateLines(random);
        return _sales.Select(s => s.Sale).ToList();
    }

    /// <summary>Order lines go to the sales that have started, by brand popularity; livestreams sell more, live sales only so far.</summary>
    private void AllocateLines(Random random)
    {
        var selling = _sales.Where(s => s.TakesOrders(_cutoff)).ToList();
        if (selling.Count == 0) return;
        var weights = selling.Select(s =>
        {
            var open = (Min(s.End, _cutoff) - s.Start).TotalDays;
            var share = open / (s.End - s.Start).TotalDays;
            return s.Brand.Popularity * (s.Kind == SaleKind.Livestream ? 1.6 : 1) * Math.Sqrt((s.End - s.Start).TotalDays) * Math.Sqrt(share)
                   * (0.7 + random.NextDouble() * 0.6);
        }).ToList();
        var total = weights.Sum();
        long given = 0;
        for (var i = 0; i < selling.Count; i++)
        {
            selling[i].Lines = (long)(_size.OrderLines * weights[i] / total);
            given += selling[i].Lines;
        }
        for (var i = 0; given < _size.OrderLines; i = (i + 1) % selling.Count, given++) selling[i].Lines++;
    }

    /// <summary>
    /// Scheduling happens after the order lines exist, so each terms snapshot sees the agreement's net
    /// GMV as it stood the day before the sale was scheduled, and its tier.
    /// </summary>
    private void ScheduleSales()
    {
        var random = SeedRandom.Stream(_options.Seed, 8);
        var firstDay = _options.Today.AddDays(-_size.Days);
        var brandIndex = _brands.ToDictionary(b => b.Brand.Id, b => b.Index);
        foreach (var plan in _sales)
        {
            var sale = plan.Sale;
            if (plan.Outcome == SaleStatus.Draft) continue;
            if (plan.Outcome == SaleStatus.Cancelled && random.Chance(0.3))
            {
                sale.Cancel("品牌方未能按时备货 · The brand could not stock in time", plan.ScheduledAt);
                continue;
            }
            var startDay = ChinaTime.DateOf(plan.Start);
            var agreement = _agreements.FirstOrDefault(a => a.IsSigned && a.Covers(sale.BrandId) && a.TermContains(startDay));
            var terms = _defaults.ToSnapshot();
            if (agreement is not null)
            {
                var until = ChinaTime.DateOf(plan.ScheduledAt).AddDays(-1);
                long net = 0;
                foreach (var covered in agreement.Brands)
                {
                    var row = brandIndex[covered.BrandId];
                    for (var day = Max(agreement.TermStart, firstDay); day <= until && day <= agreement.TermEnd; day = day.AddDays(1))
                        net += _netGmv[row, day.DayNumber - firstDay.DayNumber];
                }
                var tier = agreement.Terms.TierReached(net);
                terms = new TermsSnapshot(agreement.Terms.EffectiveCommission(net).Value, agreement.AdvancePercent, agreement.AdvanceDays,
                    agreement.BalanceDays, agreement.Code, net, tier?.ThresholdFen);
            }
            sale.Schedule(plan.Start, plan.End, plan.Kind, plan.Brand.ShopkeeperCommissionBp, terms, plan.ScheduledAt);
            if (plan.Outcome == SaleStatus.Cancelled)
                sale.Cancel(random.Pick(["品牌方调整营销计划 · The brand changed its marketing plan", "与其他档期冲突，改期 · Clashed with another sale: to be rescheduled"]),
                    plan.ScheduledAt + (plan.Start - plan.ScheduledAt) / 2);
        }
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
