using BackOffice.Domain.Agreements;
using BackOffice.Domain.Audit;
using BackOffice.Domain.Brands;
using BackOffice.Domain.Common;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Metrics;
using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Sales;

/// <summary>
/// Scheduling brand sales: readiness, conflicts with their explanations and the next free start, the terms
/// snapshot, schedule, cancel, stock changes; and the sale queries behind the calendar, the list and the sale page.
/// Building a Draft's product list is SaleDraftService's job; scheduling only sets the Draft's prices and stock.
/// </summary>
public sealed class SaleSchedulingService(
    IDbContextFactory<BackOfficeDbContext> factory, AuditTrail audit, TimeProvider clock, SchedulingOptions options,
    SettlementDefaults defaults, MetricsService metrics)
{
    public const string AuditEntityType = "Sale";
    private static readonly TimeSpan SearchHorizon = TimeSpan.FromDays(400);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public SchedulingOptions Options => options;

    // ---- use cases ----

    /// <summary>The checklist for a request, without writing anything; the page shows it before scheduling.</summary>
    public async Task<Readiness> CheckAsync(int saleId, ScheduleRequest request, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var sale = await LoadSaleAsync(db, saleId, ct);
        return await EvaluateAsync(db, sale, request, ct);
    }

    /// <summary>Draft → Scheduled: readiness and conflicts checked under the scheduling lock, the terms snapshot taken.</summary>
    public async Task ScheduleAsync(Actor actor, int saleId, long revision, ScheduleRequest request, CancellationToken ct = default)
    {
        actor.Require(Roles.Selection, "scheduling");
        await using var db = await factory.CreateDbContextAsync(ct);
        var header = await db.Sales.AsNoTracking().Where(s => s.Id == saleId).Select(s => new { s.BrandId, s.Category }).FirstOrDefaultAsync(ct)
            ?? throw NotFound(saleId);
        await using var transaction = await SchedulingLock.AcquireAsync(db, header.BrandId, header.Category, ct);
        var sale = await LoadSaleAsync(db, saleId, ct);
        db.Entry(sale).Property(s => s.Revision).OriginalValue = revision;
        if (sale.StoredStatus != SaleStatus.Draft)
            throw new DomainException($"只有草稿档期可以排期（当前 {sale.StatusAt(Now)}） · Only a Draft sale can be scheduled (this one is {sale.StatusAt(Now)})");
        var before = Snapshot(sale);
        var readiness = await EvaluateAsync(db, sale, request, ct);
        if (!readiness.IsReady) throw new DomainException(string.Join("；", readiness.Problems));
        ApplyProducts(sale, request, await ProductsOfAsync(db, sale, ct));
        sale.Schedule(ChinaTime.AsUtc(request.StartsAt), ChinaTime.AsUtc(request.EndsAt), request.Kind, request.ShopkeeperCommissionBp, readiness.Terms!.Terms, Now);
        await audit.RecordAsync(db, actor, "sale.scheduled", AuditEntityType, Id(sale), before, Snapshot(sale), ct: ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    public async Task CancelAsync(Actor actor, int saleId, long revision, string reason, CancellationToken ct = default)
    {
        actor.Require(Roles.Selection, "cancelling a sale");
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var sale = await LoadSaleAsync(db, saleId, ct);
        db.Entry(sale).Property(s => s.Revision).OriginalValue = revision;
        var before = Snapshot(sale);
        sale.Cancel(reason, Now);
        await audit.RecordAsync(db, actor, "sale.cancelled", AuditEntityType, Id(sale), before, Snapshot(sale), reason, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Stock may change up to the end of a live sale; nothing else of a scheduled sale does.</summary>
    public async Task ChangeStockAsync(Actor actor, int saleId, long revision, int productId, int stock, CancellationToken ct = default)
    {
        actor.Require(Roles.Selection, "changing stock");
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var sale = await LoadSaleAsync(db, saleId, ct);
        db.Entry(sale).Property(s => s.Revision).OriginalValue = revision;
        var old = sale.Products.FirstOrDefault(p => p.ProductId == productId)?.Stock;
        sale.ChangeStock(productId, stock, Now);
        await audit.RecordAsync(db, actor, "sale.stock-changed", AuditEntityType, Id(sale),
            new { ProductId = productId, Stock = old }, new { ProductId = productId, Stock = stock }, ct: ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    // ---- queries ----

    public async Task<SaleDetails?> GetAsync(int saleId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var sale = await db.Sales.AsNoTracking().Include(s => s.Products).FirstOrDefaultAsync(s => s.Id == saleId, ct);
        if (sale is null) return null;
        var brand = await db.Brands.AsNoTracking().FirstAsync(b => b.Id == sale.BrandId, ct);
        var products = await ProductsOfAsync(db, sale, ct);
        var lines = sale.Products.Select(p =>
        {
            var product = products.GetValueOrDefault(p.ProductId);
            return new SaleProductLine(p.ProductId, product?.SkuCode ?? "?", product?.Name ?? "?", product?.ListPriceFen ?? 0, p.SalePriceFen, p.Stock, product?.IsSelectable ?? false);
        }).OrderBy(l => l.SkuCode, StringComparer.Ordinal).ToList();
        var hasWindow = sale.StoredStatus != SaleStatus.Draft && sale.StartsAt != default;
        return new SaleDetails(sale.Id, sale.Code, sale.Title, brand.Id, brand.DisplayName, brand.Status, brand.SupplierId, sale.Category, sale.Kind,
            hasWindow ? sale.StartsAt : null, hasWindow ? sale.EndsAt : null, sale.ShopkeeperCommissionBp, sale.StatusAt(Now), sale.Terms,
            sale.CancelReason, sale.ScheduledAt, sale.CreatedBy, sale.Revision, lines);
    }

    /// <summary>Sales that touch [From, To): the calendar's month or week. Drafts have no dates and are not on it.</summary>
    public async Task<IReadOnlyList<CalendarSale>> CalendarAsync(CalendarQuery query, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var from = ChinaTime.AsUtc(query.From);
        var to = ChinaTime.AsUtc(query.To);
        var sales = db.Sales.AsNoTracking().Where(s => s.StoredStatus != SaleStatus.Draft && s.StartsAt < to && s.EndsAt > from);
        if (!query.IncludeCancelled) sales = sales.Where(s => s.StoredStatus != SaleStatus.Cancelled);
        if (query.Category is { Length: > 0 } category) sales = sales.Where(s => s.Category == category);
        if (query.Kind is { } kind) sales = sales.Where(s => s.Kind == kind);
        var rows = from s in sales
                   join b in db.Brands on s.BrandId equals b.Id
                   select new { s.Id, s.Code, s.Title, s.BrandId, b.NameZh, b.NameLatin, s.Category, s.Kind, s.StartsAt, s.EndsAt, s.StoredStatus, s.SettlementClosed };
        if (query.Brand is { Length: > 0 } brand)
        {
            var term = brand.Trim();
            rows = rows.Where(r => r.NameZh.Contains(term) || r.NameLatin.Contains(term));
        }
        var list = await rows.OrderBy(r => r.StartsAt).ThenBy(r => r.Id).ToListAsync(ct);
        var now = Now;
        return list.Select(r => new CalendarSale(r.Id, r.Code, r.Title, r.BrandId, r.NameLatin.Length > 0 ? $"{r.NameZh} {r.NameLatin}" : r.NameZh,
            r.Category, r.Kind, r.StartsAt, r.EndsAt, Derive(r.StoredStatus, r.SettlementClosed, r.StartsAt, r.EndsAt, now))).ToList();
    }

    public async Task<PagedResult<SaleRow>> SearchAsync(SaleQuery query, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = Now;
        var sales = db.Sales.AsNoTracking();
        if (query.Category is { Length: > 0 } category) sales = sales.Where(s => s.Category == category);
        if (query.Kind is { } kind) sales = sales.Where(s => s.Kind == kind && s.StoredStatus != SaleStatus.Draft);
        if (query.Status is { } status) sales = WhereStatus(sales, status, now);
        if (query.From is { } fromDay) { var from = ChinaTime.StartOfDayUtc(fromDay); sales = sales.Where(s => s.StoredStatus != SaleStatus.Draft && s.EndsAt > from); }
        if (query.To is { } toDay) { var to = ChinaTime.StartOfDayUtc(toDay.AddDays(1)); sales = sales.Where(s => s.StoredStatus != SaleStatus.Draft && s.StartsAt < to); }
        var rows = from s in sales
                   join b in db.Brands on s.BrandId equals b.Id
                   select new { Sale = s, b.NameZh, b.NameLatin, Products = s.Products.Count };
        if (query.Search is { Length: > 0 } search)
        {
            var term = search.Trim();
            rows = rows.Where(r => r.Sale.Code.Contains(term) || r.Sale.Title.Contains(term) || r.NameZh.Contains(term) || r.NameLatin.Contains(term));
        }
        var total = await rows.CountAsync(ct);
        rows = (page.SortBy, page.Descending) switch
        {
            (nameof(SaleRow.Code), false) => rows.OrderBy(r => r.Sale.Code),
            (nameof(SaleRow.Code), true) => rows.OrderByDescending(r => r.Sale.Code),
            (nameof(SaleRow.BrandName), false) => rows.OrderBy(r => r.NameZh).ThenBy(r => r.Sale.Id),
            (nameof(SaleRow.BrandName), true) => rows.OrderByDescending(r => r.NameZh).ThenBy(r => r.Sale.Id),
            (nameof(SaleRow.Category), false) => rows.OrderBy(r => r.Sale.Category).ThenBy(r => r.Sale.Id),
            (nameof(SaleRow.Category), true) => rows.OrderByDescending(r => r.Sale.Category).ThenBy(r => r.Sale.Id),
            (nameof(SaleRow.Title), false) => rows.OrderBy(r => r.Sale.Title).ThenBy(r => r.Sale.Id),
            (nameof(SaleRow.Title), true) => rows.OrderByDescending(r => r.Sale.Title).ThenBy(r => r.Sale.Id),
            (nameof(SaleRow.StartsAt), false) => rows.OrderBy(r => r.Sale.StartsAt).ThenBy(r => r.Sale.Id),
            _ => rows.OrderByDescending(r => r.Sale.StartsAt).ThenByDescending(r => r.Sale.Id),
        };
        var items = await rows.Skip(page.Skip).Take(page.Size)
            .Select(r => new { r.Sale.Id, r.Sale.Code, r.Sale.Title, r.NameZh, r.NameLatin, r.Sale.Category, r.Sale.Kind, r.Sale.StartsAt, r.Sale.EndsAt, r.Sale.StoredStatus, r.Sale.SettlementClosed, r.Products })
            .ToListAsync(ct);
        return new PagedResult<SaleRow>(items.Select(r =>
        {
            var dated = r.StoredStatus != SaleStatus.Draft && r.StartsAt != default;
            return new SaleRow(r.Id, r.Code, r.Title, r.NameLatin.Length > 0 ? $"{r.NameZh} {r.NameLatin}" : r.NameZh, r.Category,
                r.Kind, dated ? r.StartsAt : null, dated ? r.EndsAt : null, Derive(r.StoredStatus, r.SettlementClosed, r.StartsAt, r.EndsAt, now), r.Products);
        }).ToList(), total);
    }

    /// <summary>A sale's real figures by DESIGN.md "Metrics" (through MetricsService, the one definition), once it has opened.</summary>
    public async Task<SalePerformance?> PerformanceAsync(int saleId, int topCount = 10, CancellationToken ct = default)
    {
        var sale = await GetAsync(saleId, ct);
        if (sale?.StartsAt is not { } starts || sale.EndsAt is not { } ends || sale.Status is not (SaleStatus.Live or SaleStatus.Ended or SaleStatus.Closed)) return null;
        var from = ChinaTime.DateOf(starts);
        // Orders keep arriving until the end; afterwards only refunds change, which count on the order's date.
        var to = ChinaTime.DateOf(ends);
        var filter = new MetricsFilter(from, to, SaleId: saleId);
        var figures = await metrics.ComputeAsync(filter, ct);
        var top = await metrics.TopShopkeepersAsync(filter, topCount, ct);
        return new SalePerformance(figures with { NewShopkeepers = 0 }, top, from, to);
    }

    /// <summary>The terms a sale of this brand starting then would take if scheduled now, and their source.</summary>
    public async Task<TermsSource> PreviewTermsAsync(int brandId, DateTime startsAt, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var brand = await db.Brands.AsNoTracking().FirstOrDefaultAsync(b => b.Id == brandId, ct) ?? throw new DomainException($"找不到品牌 {brandId} · No brand {brandId}");
        return await TermsForAsync(db, brand, ChinaTime.DateOf(ChinaTime.AsUtc(startsAt)), ChinaTime.Today(clock), defaults, ct);
    }

    /// <summary>
    /// DESIGN.md "Settlement": the Signed (or Active) agreement of the brand's supplier whose term contains the
    /// China date of the start and which covers the brand; its rate less the highest tier reached by the covered
    /// brands' net GMV over the term up to today (everything known when the sale is scheduled); else the defaults.
    /// </summary>
    internal static async Task<TermsSource> TermsForAsync(BackOfficeDbContext db, Brand brand, DateOnly startDay, DateOnly today, SettlementDefaults defaults, CancellationToken ct)
    {
        var candidates = await db.Agreements.AsNoTracking().Include(a => a.Brands)
            .Where(a => a.SupplierId == brand.SupplierId && a.StoredStatus == AgreementStatus.Signed && a.TermStart <= startDay && a.TermEnd >= startDay)
            .ToListAsync(ct);
        var agreement = candidates.Where(a => a.IsSigned && a.Covers(brand.Id) && a.TermContains(startDay)).OrderByDescending(a => a.TermStart).ThenBy(a => a.Id).FirstOrDefault();
        if (agreement is null) return new TermsSource(defaults.ToSnapshot(), null, null, null);
        var until = today < agreement.TermEnd ? today : agreement.TermEnd;
        var net = until < agreement.TermStart ? 0
            : await MetricsService.NetGmvAsync(db, agreement.Brands.Select(b => b.BrandId).ToList(), agreement.TermStart, until, ct);
        var terms = agreement.Terms;
        var tier = terms.TierReached(net);
        var snapshot = new TermsSnapshot(terms.EffectiveCommission(net).Value, agreement.AdvancePercent, agreement.AdvanceDays, agreement.BalanceDays,
            agreement.Code, net, tier?.ThresholdFen);
        return new TermsSource(snapshot, agreement.Id, agreement.CommissionBp, tier?.ReductionBp);
    }

    // ---- readiness and conflicts ----

    private async Task<Readiness> EvaluateAsync(BackOfficeDbContext db, Sale sale, ScheduleRequest request, CancellationToken ct)
    {
        var now = Now;
        var startsAt = ChinaTime.AsUtc(request.StartsAt);
        var endsAt = ChinaTime.AsUtc(request.EndsAt);
        var brand = await db.Brands.AsNoTracking().FirstAsync(b => b.Id == sale.BrandId, ct);
        var products = await ProductsOfAsync(db, sale, ct);

        var window = new List<string>();
        try { Sale.ValidateWindow(startsAt, endsAt); }
        catch (DomainException e) { window.Add(e.Message); }
        if (startsAt <= now) window.Add("开始时间须在将来 · The sale must start in the future");
        if (request.ShopkeeperCommissionBp is < 0 or > 5000) window.Add("店主佣金率须为 0–50% · The shopkeeper commission must be 0–50%");
        var windowOk = window.Count == 0;

        var startDay = ChinaTime.DateOf(startsAt);
        var endDay = ChinaTime.DateOf(endsAt > startsAt ? endsAt.AddTicks(-1) : startsAt);
        var brandProblems = new List<string>();
        if (brand.Status != BrandStatus.Approved)
            brandProblems.Add($"品牌状态为 {brand.Status}，须为已批准 · The brand is {brand.Status}, not Approved");
        foreach (var (label, expires) in new[] { ("商标 trademark", brand.TrademarkExpiresOn), ("授权 authorisation", brand.AuthorizationExpiresOn) })
        {
            var last = windowOk ? endDay : startDay;
            if (expires < last)
            {
                var (zh, en) = (label.Split(' ')[0], label.Split(' ')[1]);
                brandProblems.Add($"品牌{zh}文件于 {expires:yyyy-MM-dd} 到期，早于档期 {last:yyyy-MM-dd} · The brand's {en} expires on {expires:yyyy-MM-dd}, before the sale's {last:yyyy-MM-dd}");
            }
        }

        var productProblems = new List<string>();
        if (sale.Products.Count == 0) productProblems.Add("档期还没有商品 · The sale has no products yet");
        var requested = request.Products.ToDictionary(p => p.ProductId);
        foreach (var extra in request.Products.Where(p => sale.Products.All(s => s.ProductId != p.ProductId)))
            productProblems.Add($"商品 {extra.ProductId} 不在此档期中 · Product {extra.ProductId} is not in this sale");
        foreach (var line in sale.Products)
        {
            var product = products.GetValueOrDefault(line.ProductId);
            if (product is null || product.BrandId != sale.BrandId) { productProblems.Add($"商品 {line.ProductId} 不属于该品牌 · Product {line.ProductId} is not this brand's"); continue; }
            var price = requested.GetValueOrDefault(line.ProductId)?.SalePriceFen ?? line.SalePriceFen;
            var stock = requested.GetValueOrDefault(line.ProductId)?.Stock ?? line.Stock;
            if (!product.IsSelectable)
            {
                productProblems.Add(product.Score is null
                    ? $"{product.SkuCode} 尚未评分（五小好），不可选 · {product.SkuCode} has no five-small-goods score, so it is not selectable"
                    : $"{product.SkuCode} 不可选（五小好 {string.Join(", ", product.Score.WhyNotSelectable())}） · {product.SkuCode} is not selectable (five small goods {string.Join(", ", product.Score.WhyNotSelectable())})");
            }
            if (price <= 0) productProblems.Add($"{product.SkuCode} 售价须大于 0 · {product.SkuCode}: the sale price must be above zero");
            else if (price > product.ListPriceFen) productProblems.Add($"{product.SkuCode} 售价 {new Money(price)} 高于标价 {product.ListPrice} · {product.SkuCode}: the sale price {new Money(price)} is above the list price {product.ListPrice}");
            if (stock <= 0) productProblems.Add($"{product.SkuCode} 库存须大于 0 · {product.SkuCode}: stock must be above zero");
        }

        IReadOnlyList<SaleConflict> conflicts = [];
        DateTime? nextFree = null;
        var conflictProblems = new List<string>();
        if (windowOk)
        {
            var rules = await ConflictRulesAsync(db, sale, startsAt, ct);
            conflicts = rules.For(startsAt, endsAt);
            conflictProblems.AddRange(conflicts.Select(c => c.Message));
            if (conflicts.Count > 0) nextFree = rules.NextFreeStart(startsAt, endsAt);
        }
        else conflictProblems.Add("先填写有效的开始和结束时间 · Enter a valid start and end first");

        var terms = windowOk ? await TermsForAsync(db, brand, startDay, ChinaTime.Today(clock), defaults, ct) : null;
        return new Readiness(
        [
            new ReadinessCheck(ReadinessItem.Brand, brandProblems),
            new ReadinessCheck(ReadinessItem.Products, productProblems),
            new ReadinessCheck(ReadinessItem.Window, window),
            new ReadinessCheck(ReadinessItem.Conflicts, conflictProblems),
        ], conflicts, nextFree, terms);
    }

    /// <summary>The counted sales the rules need for a start at or after <paramref name="startsAt"/>: the brand's and the category's.</summary>
    private async Task<SaleConflicts> ConflictRulesAsync(BackOfficeDbContext db, Sale sale, DateTime startsAt, CancellationToken ct)
    {
        var brandFrom = startsAt - options.BrandCooldown;
        var horizon = startsAt + SearchHorizon;
        var brandSales = await db.Sales.AsNoTracking()
            .Where(s => s.BrandId == sale.BrandId && s.Id != sale.Id && s.StoredStatus == SaleStatus.Scheduled && s.EndsAt > brandFrom && s.StartsAt < horizon)
            .Select(s => new CountedSale(s.Id, s.Code, s.BrandId, s.Category, s.StartsAt, s.EndsAt)).ToListAsync(ct);
        var dayStart = ChinaTime.StartOfDayUtc(ChinaTime.DateOf(startsAt));
        var categorySales = await db.Sales.AsNoTracking()
            .Where(s => s.Category == sale.Category && s.Id != sale.Id && s.StoredStatus == SaleStatus.Scheduled && s.StartsAt >= dayStart && s.StartsAt < horizon)
            .Select(s => new CountedSale(s.Id, s.Code, s.BrandId, s.Category, s.StartsAt, s.EndsAt)).ToListAsync(ct);
        return new SaleConflicts(options, brandSales, categorySales);
    }

    // ---- helpers ----

    private static void ApplyProducts(Sale sale, ScheduleRequest request, IReadOnlyDictionary<int, Product> products)
    {
        foreach (var terms in request.Products)
        {
            var product = products[terms.ProductId];
            sale.SetProduct(terms.ProductId, product.ListPrice, new Money(terms.SalePriceFen), terms.Stock);
        }
    }

    private static async Task<Sale> LoadSaleAsync(BackOfficeDbContext db, int saleId, CancellationToken ct) =>
        await db.Sales.Include(s => s.Products).FirstOrDefaultAsync(s => s.Id == saleId, ct) ?? throw NotFound(saleId);

    private static async Task<IReadOnlyDictionary<int, Product>> ProductsOfAsync(BackOfficeDbContext db, Sale sale, CancellationToken ct)
    {
        var ids = sale.Products.Select(p => p.ProductId).ToList();
        return await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
    }

    private static IQueryable<Sale> WhereStatus(IQueryable<Sale> sales, SaleStatus status, DateTime now) => status switch
    {
        SaleStatus.Draft => sales.Where(s => s.StoredStatus == SaleStatus.Draft),
        SaleStatus.Cancelled => sales.Where(s => s.StoredStatus == SaleStatus.Cancelled),
        SaleStatus.Scheduled => sales.Where(s => s.StoredStatus == SaleStatus.Scheduled && s.StartsAt > now),
        SaleStatus.Live => sales.Where(s => s.StoredStatus == SaleStatus.Scheduled && s.StartsAt <= now && s.EndsAt > now),
        SaleStatus.Ended => sales.Where(s => s.StoredStatus == SaleStatus.Scheduled && s.EndsAt <= now && !s.SettlementClosed),
        SaleStatus.Closed => sales.Where(s => s.StoredStatus == SaleStatus.Scheduled && s.EndsAt <= now && s.SettlementClosed),
        _ => sales,
    };

    /// <summary>The same derivation as <see cref="Sale.StatusAt"/>, over projected columns.</summary>
    private static SaleStatus Derive(SaleStatus stored, bool settlementClosed, DateTime startsAt, DateTime endsAt, DateTime now) => stored switch
    {
        SaleStatus.Scheduled when settlementClosed && now >= endsAt => SaleStatus.Closed,
        SaleStatus.Scheduled when now >= endsAt => SaleStatus.Ended,
        SaleStatus.Scheduled when now >= startsAt => SaleStatus.Live,
        _ => stored,
    };

    private static object Snapshot(Sale s) => new
    {
        s.Code,
        Status = s.StoredStatus.ToString(),
        StartsAt = s.StoredStatus == SaleStatus.Draft ? null : ChinaTime.Format(s.StartsAt),
        EndsAt = s.StoredStatus == SaleStatus.Draft ? null : ChinaTime.Format(s.EndsAt),
        Kind = s.Kind.ToString(),
        s.ShopkeeperCommissionBp,
        s.Terms,
        s.CancelReason,
        Products = s.Products.OrderBy(p => p.ProductId).Select(p => new { p.ProductId, p.SalePriceFen, p.Stock }),
    };

    private static string Id(Sale sale) => sale.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static DomainException NotFound(int saleId) => new($"找不到档期 {saleId} · No sale {saleId}");
}
