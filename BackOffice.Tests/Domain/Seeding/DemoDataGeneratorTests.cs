using BackOffice.Domain.Agreements;
using BackOffice.Domain.Audit;
using BackOffice.Domain.Brands;
using BackOffice.Domain.Common;
using BackOffice.Domain.Sales;
using BackOffice.Domain.Seeding;
using BackOffice.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Tests.Domain.Seeding;

public sealed class DemoDataGeneratorTests(SmallSeedFixture fixture) : IClassFixture<SmallSeedFixture>
{
    private static readonly DateTime Cutoff = ChinaTime.StartOfDayUtc(SeededDatabase.Today);
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SeedAsync_SameSeedAndToday_SameRows()
    {
        var options = new SeedOptions { Seed = 7, Today = SeededDatabase.Today, Size = SeededDatabase.Tiny };
        await using var first = await SeededDatabase.CreateAsync(options);
        await using var second = await SeededDatabase.CreateAsync(options);

        Assert.Equal(await SuppliersAsync(first), await SuppliersAsync(second));
        Assert.Equal(await LinesAsync(first), await LinesAsync(second));
        Assert.Equal(await ShopkeepersAsync(first), await ShopkeepersAsync(second));
        Assert.Equal(await SalesAsync(first), await SalesAsync(second));
    }

    [Fact]
    public async Task SeedAsync_DifferentSeed_DifferentRows()
    {
        await using var first = await SeededDatabase.CreateAsync(new SeedOptions { Seed = 7, Today = SeededDatabase.Today, Size = SeededDatabase.Tiny });
        await using var second = await SeededDatabase.CreateAsync(new SeedOptions { Seed = 8, Today = SeededDatabase.Today, Size = SeededDatabase.Tiny });

        Assert.NotEqual(await SuppliersAsync(first), await SuppliersAsync(second));
        Assert.NotEqual(await LinesAsync(first), await LinesAsync(second));
    }

    [Fact]
    public async Task SeedAsync_DatabaseAlreadySeeded_Refuses()
    {
        var exception = await Assert.ThrowsAsync<DomainException>(() =>
            fixture.Database.Generator.SeedAsync(new SeedOptions { Today = SeededDatabase.Today, Size = SeededDatabase.Tiny }, null, Ct));

        Assert.Contains("already has data", exception.Message, StringComparison.Ordinal);
        Assert.True(await fixture.Database.Generator.HasDataAsync(Ct));
    }

    [Fact]
    public async Task SeedAsync_SmallSize_WritesTheCountsAsked()
    {
        await using var db = fixture.Database.Db();

        Assert.Equal(30, await db.Suppliers.CountAsync(Ct));
        Assert.Equal(60, await db.Brands.CountAsync(Ct));
        Assert.Equal(2_000, await db.Shopkeepers.CountAsync(Ct));
        Assert.Equal(20_000, await db.OrderLines.LongCountAsync(Ct));
        Assert.Equal(20_000, fixture.Database.Report!.OrderLines);
        Assert.InRange(await db.Sales.CountAsync(Ct), 50, 60);
    }

    [Fact]
    public async Task SeedAsync_Always_StartsAnIntactAuditChainWithOneSeedEntry()
    {
        await using var db = fixture.Database.Db();
        var entries = await db.AuditEntries.ToListAsync(Ct);
        var verification = await new AuditVerifier(fixture.Database.Factory).VerifyAsync(Ct);

        var entry = Assert.Single(entries);
        Assert.Equal("seed", entry.Action);
        Assert.Contains("\"OrderLines\":20000", entry.After, StringComparison.Ordinal);
        Assert.True(verification.IsIntact);
        Assert.Equal(8, await db.LocalUsers.CountAsync(Ct));
    }

    [Fact]
    public async Task Suppliers_CreditCodes_AllValidAndUnique()
    {
        await using var db = fixture.Database.Db();
        var codes = await db.Suppliers.Select(s => s.CreditCode).ToListAsync(Ct);

        Assert.All(codes, code =>
        {
            Assert.True(UnifiedSocialCreditCode.TryParse(code, out _, out var error), error);
            Assert.Contains(code[0], "159");
            Assert.Contains(code[1], "123");
        });
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public async Task Brands_Statuses_EveryStatusWithAssessmentsForDecidedOnes()
    {
        await using var db = fixture.Database.Db();
        var brands = await db.Brands.ToListAsync(Ct);
        var assessed = (await db.BrandAssessments.Select(a => a.BrandId).ToListAsync(Ct)).ToHashSet();

        Assert.All(Enum.GetValues<BrandStatus>(), status => Assert.Contains(brands, b => b.Status == status));
        Assert.True(brands.Count(b => b.Status == BrandStatus.Approved) > brands.Count / 2);
        Assert.All(brands.Where(b => b.Status is BrandStatus.Approved or BrandStatus.Rejected or BrandStatus.Suspended), b => Assert.Contains(b.Id, assessed));
        Assert.All(brands.Where(b => b.ReviewerId is not null), b => Assert.NotEqual(b.ApplicantId, b.ReviewerId));
    }

    [Fact]
    public async Task Agreements_SignedOfOneSupplier_NeverOverlap()
    {
        await using var db = fixture.Database.Db();
        var agreements = await db.Agreements.ToListAsync(Ct);

        foreach (var group in agreements.Where(a => a.StoredStatus == AgreementStatus.Signed).GroupBy(a => a.SupplierId))
        {
            var signed = group.OrderBy(a => a.TermStart).ToList();
            for (var i = 1; i < signed.Count; i++) Assert.True(signed[i].TermStart > signed[i - 1].TermEnd, $"{signed[i - 1].Code} and {signed[i].Code} overlap");
        }
        var states = agreements.Select(a => a.StatusOn(SeededDatabase.Today)).ToHashSet();
        Assert.Superset(new HashSet<AgreementStatus> { AgreementStatus.Draft, AgreementStatus.PendingApproval, AgreementStatus.Active, AgreementStatus.Expired, AgreementStatus.Terminated }, states);
        Assert.All(agreements.Where(a => a.ApproverId is not null), a => Assert.NotEqual(a.AuthorId, a.ApproverId));
    }

    [Fact]
    public async Task Sales_Products_SalePriceAtMostListPrice()
    {
        await using var db = fixture.Database.Db();
        var prices = await db.Sales.SelectMany(s => s.Products)
            .Join(db.Products, sp => sp.ProductId, p => p.Id, (sp, p) => new { sp.SalePriceFen, p.ListPriceFen })
            .ToListAsync(Ct);

        Assert.NotEmpty(prices);
        Assert.All(prices, p => Assert.InRange(p.SalePriceFen, 1, p.ListPriceFen));
    }

    [Fact]
    public async Task Sales_Calendar_HasPastLiveFutureDraftAndCancelled()
    {
        await using var db = fixture.Database.Db();
        var sales = await db.Sales.ToListAsync(Ct);
        var statuses = sales.Select(s => s.StatusAt(Cutoff)).ToList();

        Assert.Contains(SaleStatus.Ended, statuses);
        Assert.Contains(SaleStatus.Live, statuses);
        Assert.Contains(SaleStatus.Scheduled, statuses);
        Assert.Contains(SaleStatus.Cancelled, statuses);
        Assert.All(sales.Where(s => s.Terms is not null), s => Assert.True(s.ScheduledAt < s.StartsAt));
        Assert.All(sales.Where(s => s.StoredStatus == SaleStatus.Scheduled), s => Assert.InRange((s.EndsAt - s.StartsAt).TotalDays, 1, 3));
    }

    [Fact]
    public async Task Sales_OneBrand_NeverOverlapAndRestsTheCooldown()
    {
        await using var db = fixture.Database.Db();
        var sales = await db.Sales.Where(s => s.StoredStatus == SaleStatus.Scheduled).ToListAsync(Ct);

        foreach (var brand in sales.GroupBy(s => s.BrandId))
        {
            var ordered = brand.OrderBy(s => s.StartsAt).ToList();
            for (var i = 1; i < ordered.Count; i++)
                Assert.True(ordered[i].StartsAt >= ordered[i - 1].EndsAt.AddHours(SeedRun.BrandCooldownHours));
        }
    }

    [Fact]
    public async Task OrderLines_Always_InsideTheirSaleWindowAndBeforeToday()
    {
        await using var db = fixture.Database.Db();
        var outside = await db.OrderLines.Join(db.Sales, l => l.SaleId, s => s.Id, (l, s) => new { l, s })
            .CountAsync(x => x.l.OrderedAt < x.s.StartsAt || x.l.OrderedAt >= x.s.EndsAt || x.s.StoredStatus != SaleStatus.Scheduled, Ct);
        var latest = await db.OrderLines.MaxAsync(l => l.OrderedAt, Ct);

        Assert.Equal(0, outside);
        Assert.True(latest < Cutoff);
    }

    [Fact]
    public async Task OrderLines_Money_PaidIsPriceTimesQuantityAndCommissionRounded()
    {
        await using var db = fixture.Database.Db();
        var rows = await db.OrderLines
            .Join(db.Sales, l => l.SaleId, s => s.Id, (l, s) => new { l, s.ShopkeeperCommissionBp })
            .Join(db.Sales.SelectMany(s => s.Products), x => new { x.l.SaleId, x.l.ProductId }, sp => new { sp.SaleId, sp.ProductId },
                (x, sp) => new { x.l.Quantity, x.l.PaidFen, x.l.ShopkeeperCommissionFen, x.l.RefundFen, x.ShopkeeperCommissionBp, sp.SalePriceFen })
            .ToListAsync(Ct);

        Assert.Equal(20_000, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.InRange(r.Quantity, 1, 3);
            Assert.Equal(r.SalePriceFen * r.Quantity, r.PaidFen);
            Assert.Equal(Money.RoundDiv(r.PaidFen * r.ShopkeeperCommissionBp, 10_000), r.ShopkeeperCommissionFen);
            Assert.InRange(r.RefundFen, 0, r.PaidFen);
        });
    }

    [Fact]
    public async Task OrderLines_Shipments_ZeroToThreeDaysAfterOrderAndRecentOnesUnshipped()
    {
        await using var db = fixture.Database.Db();
        var lines = await db.OrderLines.Select(l => new { l.OrderedAt, l.ShippedAt, l.RefundFen, l.PaidFen }).ToListAsync(Ct);

        Assert.All(lines.Where(l => l.ShippedAt is not null), l => Assert.InRange(l.ShippedAt!.Value - l.OrderedAt, TimeSpan.Zero, TimeSpan.FromDays(3)));
        Assert.Contains(lines, l => l.ShippedAt is null && l.RefundFen == 0 && l.OrderedAt > Cutoff.AddDays(-1));
        Assert.True(lines.Count(l => l.ShippedAt is not null) > lines.Count * 0.9);
    }

    [Fact]
    public async Task OrderLines_Refunds_FiveToTenPercentBeforeAndAfterShipment()
    {
        await using var db = fixture.Database.Db();
        var lines = await db.OrderLines.Select(l => new { l.OrderedAt, l.ShippedAt, l.RefundFen, l.PaidFen, l.RefundedAt }).ToListAsync(Ct);
        var refunded = lines.Where(l => l.RefundFen > 0).ToList();

        Assert.InRange(refunded.Count / (double)lines.Count, 0.05, 0.10);
        Assert.All(refunded, l =>
        {
            Assert.NotNull(l.RefundedAt);
            Assert.True(l.RefundedAt > l.OrderedAt && l.RefundedAt < Cutoff);
        });
        Assert.Contains(refunded, l => l.ShippedAt is null || l.RefundedAt <= l.ShippedAt);
        Assert.Contains(refunded, l => l.ShippedAt is not null && l.RefundedAt > l.ShippedAt);
        Assert.Contains(refunded, l => l.RefundFen < l.PaidFen);
        Assert.All(lines.Where(l => l.RefundFen == 0), l => Assert.Null(l.RefundedAt));
    }

    [Fact]
    public async Task Shopkeepers_ActivityHeavyTailed_StarsExistAndFewMakeMostGmv()
    {
        await using var db = fixture.Database.Db();
        var from = SeededDatabase.Today.AddDays(-30);
        var net30 = await db.OrderLines.Where(l => l.OrderedOn >= from && l.OrderedOn < SeededDatabase.Today)
            .GroupBy(l => l.ShopkeeperId).Select(g => g.Sum(l => l.PaidFen - l.RefundFen)).ToListAsync(Ct);
        var gmv = (await db.OrderLines.GroupBy(l => l.ShopkeeperId).Select(g => g.Sum(l => l.PaidFen)).ToListAsync(Ct))
            .OrderByDescending(g => g).ToList();

        Assert.Contains(net30, n => n >= Money.FromYuan(10_000).Fen);
        var top5Percent = gmv.Take(2_000 / 20).Sum() / (double)gmv.Sum();
        Assert.True(top5Percent > 0.4, $"top 5% make {top5Percent:P0}");
        Assert.True(gmv.Count < 2_000, "some shopkeepers never sold");
    }

    [Fact]
    public async Task Shopkeepers_Provinces_WeightedLikeThePopulation()
    {
        await using var db = fixture.Database.Db();
        var byProvince = await db.Shopkeepers.GroupBy(s => s.Province).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, Ct);

        Assert.True(byProvince["广东"] > byProvince.GetValueOrDefault("西藏") * 5);
        Assert.True(byProvince["广东"] > byProvince["北京"]);
        Assert.True(byProvince.Count > 20);
    }

    [Fact]
    public async Task BulkRows_ReadThroughEf_SameInstantsDatesAndPersonalData()
    {
        await using var db = fixture.Database.Db();
        var lines = await db.OrderLines.AsNoTracking().Where(l => l.ShippedAt != null && l.RefundedAt != null).Take(200).ToListAsync(Ct);
        var shopkeepers = await db.Shopkeepers.AsNoTracking().Take(200).ToListAsync(Ct);
        var joinedRecently = await db.Shopkeepers.CountAsync(s => s.JoinedOn >= SeededDatabase.Today.AddDays(-30), Ct);

        Assert.NotEmpty(lines);
        Assert.All(lines, l =>
        {
            Assert.Equal(DateTimeKind.Utc, l.OrderedAt.Kind);
            Assert.Equal(ChinaTime.DateOf(l.OrderedAt), l.OrderedOn);
            Assert.Equal(DateTimeKind.Utc, l.ShippedAt!.Value.Kind);
            Assert.True(l.ShippedAt > l.OrderedAt);
        });
        var fromSql = await db.OrderLines.Where(l => l.OrderedOn == lines[0].OrderedOn && l.OrderedAt == lines[0].OrderedAt).CountAsync(Ct);
        Assert.True(fromSql >= 1, "EF finds bulk-written rows by DateOnly and DateTime equality");
        Assert.All(shopkeepers, s =>
        {
            var phone = fixture.Database.Protector.Unprotect(s.PhoneEncrypted);
            var name = fixture.Database.Protector.Unprotect(s.RealNameEncrypted);
            Assert.Matches("^1[3-9][0-9]{9}$", phone);
            Assert.Equal(BackOffice.Domain.Shopkeepers.Masking.Phone(phone), s.PhoneMasked);
            Assert.Equal(BackOffice.Domain.Shopkeepers.Masking.Name(name), s.RealNameMasked);
            Assert.InRange(name.Length, 2, 4);
            Assert.InRange(s.JoinedOn, SeededDatabase.Today.AddDays(-731), SeededDatabase.Today.AddDays(-1));
        });
        Assert.True(joinedRecently > 2_000 * 30 / 730, "more joins recently");
    }

    private static async Task<List<string>> SuppliersAsync(SeededDatabase database)
    {
        await using var db = database.Db();
        return await db.Suppliers.OrderBy(s => s.Code).Select(s => s.Code + "|" + s.Name + "|" + s.CreditCode + "|" + s.ContactPhone).ToListAsync();
    }

    private static async Task<List<string>> LinesAsync(SeededDatabase database)
    {
        await using var db = database.Db();
        var rows = await db.OrderLines
            .Join(db.Sales, l => l.SaleId, s => s.Id, (l, s) => new { l, Sale = s.Code })
            .Join(db.Products, x => x.l.ProductId, p => p.Id, (x, p) => new { x.l, x.Sale, p.SkuCode })
            .Join(db.Shopkeepers, x => x.l.ShopkeeperId, s => s.Id, (x, s) => new { x.l, x.Sale, x.SkuCode, Shopkeeper = s.Code })
            .OrderBy(x => x.l.ExternalId)
            .ToListAsync();
        return rows.Select(x => string.Join('|', x.l.ExternalId, x.l.OrderId, x.Sale, x.SkuCode, x.Shopkeeper, x.l.Quantity, x.l.PaidFen,
            x.l.ShopkeeperCommissionFen, x.l.OrderedAt.Ticks, x.l.ShippedAt?.Ticks, x.l.RefundFen, x.l.RefundedAt?.Ticks)).ToList();
    }

    private static async Task<List<string>> ShopkeepersAsync(SeededDatabase database)
    {
        await using var db = database.Db();
        var rows = await db.Shopkeepers.OrderBy(s => s.Id).ToListAsync();
        return rows.Select(s => string.Join('|', s.Code, database.Protector.Unprotect(s.PhoneEncrypted), database.Protector.Unprotect(s.RealNameEncrypted),
            s.PhoneMasked, s.Province, s.City, s.JoinedOn)).ToList();
    }

    private static async Task<List<string>> SalesAsync(SeededDatabase database)
    {
        await using var db = database.Db();
        var rows = await db.Sales.Include(s => s.Products).OrderBy(s => s.Code).ToListAsync();
        return rows.Select(s => string.Join('|', s.Code, s.Title, s.StoredStatus, s.StartsAt.Ticks, s.Terms?.CommissionBp, s.Terms?.AgreementCode,
            s.Terms?.AgreementNetGmvFen, string.Join(',', s.Products.OrderBy(p => p.ProductId).Select(p => p.SalePriceFen)))).ToList();
    }
}
