using System.Diagnostics;
using BackOffice.Domain.Audit;
using BackOffice.Domain.Common;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Persistence;
using BackOffice.Domain.Sales;
using BackOffice.Domain.Shopkeepers;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Seeding;

/// <summary>One seeding: plans the data from the seed, saves the small tables through EF and streams the big ones.</summary>
internal sealed partial class SeedRun
{
    private readonly SeedOptions _options;
    private readonly SeedSize _size;
    private readonly DateTime _cutoff;
    private readonly PersonalDataProtector _protector;
    private readonly SettlementDefaults _defaults;
    private readonly Actor _selectionA, _selectionB, _amA, _amB;

    public SeedRun(SeedOptions options, PersonalDataProtector protector, SettlementDefaults defaults)
    {
        _options = options;
        _size = options.ResolveSize();
        _size.Validate();
        _cutoff = ChinaTime.StartOfDayUtc(options.Today);
        _protector = protector;
        _defaults = defaults;
        var personas = Personas.All.ToDictionary(p => p.Id, p => new Actor(p.Id, p.Name, p.Roles.ToHashSet()));
        (_selectionA, _selectionB, _amA, _amB) = (personas["selection.li"], personas["selection.zhang"], personas["am.wang"], personas["am.liu"]);
    }

    public async Task<SeedReport> RunAsync(BackOfficeDbContext db, AuditTrail audit, IProgress<string>? progress, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        var usersAdded = await AddPersonasAsync(db, ct);

        db.Suppliers.AddRange(PlanSuppliers());
        await SaveAsync(db, ct);
        db.Brands.AddRange(PlanBrands());
        await SaveAsync(db, ct);
        db.BrandAssessments.AddRange(DecideBrands());
        await SaveAsync(db, ct);
        progress?.Report($"{_suppliers.Count:N0} suppliers, {_brands.Count:N0} brands");
        db.Products.AddRange(PlanProducts());
        await SaveAsync(db, ct);
        db.Agreements.AddRange(PlanAgreements());
        await SaveAsync(db, ct);
        progress?.Report($"{_productCount:N0} products, {_agreements.Count:N0} agreements");
        db.Sales.AddRange(PlanSales());
        await SaveAsync(db, ct);

        var writer = BulkWriter.For(db);
        var shopkeepers = await writer.WriteAsync("Shopkeepers", ShopkeeperColumns, Shopkeepers(), FillShopkeeper,
            n => progress?.Report($"{n:N0} / {_size.Shopkeepers:N0} shopkeepers"), ct);
        var linesClock = Stopwatch.StartNew();
        var lines = await writer.WriteAsync("OrderLines", OrderLineColumns, OrderLines(), FillOrderLine,
            n => progress?.Report($"{n:N0} / {_size.OrderLines:N0} order lines ({n / Math.Max(0.001, linesClock.Elapsed.TotalSeconds):N0}/s)"), ct);
        linesClock.Stop();

        ScheduleSales();
        await SaveAsync(db, ct);
        var report = new SeedReport(_options.Seed, _options.Today, _size, _suppliers.Count, _brands.Count, _productCount, _agreements.Count,
            _sales.Count, (int)shopkeepers, lines, usersAdded, TimeSpan.Zero, linesClock.Elapsed);
        await audit.RecordAsync(db, Actor.System, "seed", "Database", "demo-data", after: new
        {
            report.Seed, Today = report.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            report.Suppliers, report.Brands, report.Products, report.Agreements, report.Sales, report.Shopkeepers, report.OrderLines,
        }, reason: "生成演示数据 · Demo data generated", ct: ct);
        await SaveAsync(db, ct);
        return report with { Elapsed = total.Elapsed };
    }

    private static async Task<int> AddPersonasAsync(BackOfficeDbContext db, CancellationToken ct)
    {
        var existing = await db.LocalUsers.Select(u => u.Id).ToListAsync(ct);
        var missing = Personas.All.Where(p => !existing.Contains(p.Id)).ToList();
        db.LocalUsers.AddRange(missing.Select(p => new LocalUser(p.Id, p.Name, p.Roles)));
        return missing.Count;
    }

    private static Task SaveAsync(BackOfficeDbContext db, CancellationToken ct) => db.SaveChangesAsync(ct);
}
