using BackOffice.Domain.Agreements;
using BackOffice.Domain.Brands;
using BackOffice.Domain.Common;
using BackOffice.Domain.Sales;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static BackOffice.Tests.Builders.SalesData;

namespace BackOffice.Tests.Domain.Sales;

public class SaleSchedulingServiceTests
{
    private static Task<TestDatabase> DatabaseAsync(int? cooldownHours = null, int? slots = null)
    {
        var settings = new Dictionary<string, string?>();
        if (cooldownHours is { } c) settings["Scheduling:BrandCooldownHours"] = c.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (slots is { } s) settings["Scheduling:DailySlotsPerCategory"] = s.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TestDatabase.CreateAsync(settings: settings);
    }

    // ---- overlap and cooldown ----

    [Theory]
    [InlineData(12, 2, 10, 0, true)]   // starts exactly when the other ends: half-open, no overlap
    [InlineData(12, 2, 9, 59, false)]  // one minute earlier overlaps
    public async Task Check_CooldownZero_OverlapAtTheExactBoundary(int month, int day, int hour, int minute, bool free)
    {
        await using var database = await DatabaseAsync(cooldownHours: 0);
        var data = new SalesData(database);
        var (brand, _) = await data.BrandAsync(await data.SupplierAsync());
        await data.ScheduledAsync(brand, China(12, 1), China(12, 2));
        var draft = await data.DraftAsync(brand);
        var start = China(month, day, hour, minute);

        var readiness = await database.Get<SaleSchedulingService>().CheckAsync(draft, await data.RequestAsync(draft, start, start.AddHours(24)));

        Assert.Equal(free, readiness.IsReady);
        if (!free)
        {
            var conflict = Assert.Single(readiness.Conflicts);
            Assert.Equal(ConflictKind.Overlap, conflict.Kind);
            Assert.Equal("SALE-000001", conflict.OtherSaleCode);
            Assert.Equal(China(12, 2), readiness.NextFreeStart);
        }
    }

    [Fact]
    public async Task Check_CooldownZero_EndingExactlyAtTheOthersStart_Free()
    {
        await using var database = await DatabaseAsync(cooldownHours: 0);
        var data = new SalesData(database);
        var (brand, _) = await data.BrandAsync(await data.SupplierAsync());
        await data.ScheduledAsync(brand, China(12, 5), China(12, 6));
        var draft = await data.DraftAsync(brand);

        var readiness = await database.Get<SaleSchedulingService>().CheckAsync(draft, await data.RequestAsync(draft, China(12, 4), China(12, 5)));

        Assert.True(readiness.IsReady, string.Join("\n", readiness.Problems));
    }

    [Theory]
    [InlineData(2, 10, 0, false)]  // right after the other ends: inside the 72 h rest
    [InlineData(5, 9, 59, false)]  // one minute short of 72 h
    [InlineData(5, 10, 0, true)]   // exactly 72 h after the end
    public async Task Check_DefaultCooldown_BrandRests72Hours(int day, int hour, int minute, bool free)
    {
        await using var database = await DatabaseAsync();
        var data = new SalesData(database);
        var (brand, _) = await data.BrandAsync(await data.SupplierAsync());
        await data.ScheduledAsync(brand, China(12, 1), China(12, 2));
        var draft = await data.DraftAsync(brand);
        var start = China(12, day, hour, minute);

        var readiness = await database.Get<SaleSchedulingService>().CheckAsync(draft, await data.RequestAsync(draft, start, start.AddHours(24)));

        Assert.Equal(free, readiness.IsReady);
        if (!free)
        {
            var conflict = Assert.Single(readiness.Conflicts);
            Assert.Equal(ConflictKind.Cooldown, conflict.Kind);
            Assert.Contains("SALE-000001", conflict.Message);
            Assert.Contains("72", conflict.Message);
            Assert.Equal(China(12, 5), readiness.NextFreeStart);
        }
    }

    [Fact]
    public async Task Check_DefaultCooldown_EndingWithin72HoursBeforeTheNextStart_Conflicts()
    {
        await using var database = await DatabaseAsync();
        var data = new SalesData(database);
        var (brand, _) = await data.BrandAsync(await data.SupplierAsync());
        await data.ScheduledAsync(brand, China(12, 10), China(12, 11));
        var draft = await data.DraftAsync(brand);
        var service = database.Get<SaleSchedulingService>();

        var tooClose = await service.CheckAsync(draft, await data.RequestAsync(draft, China(12, 6), China(12, 7, 10, 1)));
        var justFree = await service.CheckAsync(draft, await data.RequestAsync(draft, China(12, 6), China(12, 7)));

        Assert.Equal(ConflictKind.Cooldown, Assert.Single(tooClose.Conflicts).Kind);
        Assert.True(justFree.IsReady, string.Join("\n", justFree.Problems));
    }

    // ---- daily slots on China calendar days ----

    [Fact]
    public async Task Check_DailySlots_CountedOnTheChinaDay_2359And0000()
    {
        await using var database = await DatabaseAsync();
        var data = new SalesData(database);
        var supplier = await data.SupplierAsync();
        // 11 sales start at 10:00 and one at 23:59 China time on 3 December (15:59 UTC): the day is full.
        for (var i = 0; i < 11; i++) await data.ScheduledAsync((await data.BrandAsync(supplier, products: 1)).BrandId, China(12, 3), China(12, 4));
        var last = China(12, 3, 23, 59);
        Assert.Equal(new DateTime(2026, 12, 3, 15, 59, 0, DateTimeKind.Utc), last);
        await data.ScheduledAsync((await data.BrandAsync(supplier, products: 1)).BrandId, last, last.AddHours(2));
        var (brand, _) = await data.BrandAsync(supplier, products: 1);
        var draft = await data.DraftAsync(brand);
        var service = database.Get<SaleSchedulingService>();

        var at2359 = await service.CheckAsync(draft, await data.RequestAsync(draft, last, last.AddHours(2)));
        var midnight = new DateTime(2026, 12, 3, 16, 0, 0, DateTimeKind.Utc);
        var at0000 = await service.CheckAsync(draft, await data.RequestAsync(draft, midnight, midnight.AddHours(2)));

        var conflict = Assert.Single(at2359.Conflicts);
        Assert.Equal(ConflictKind.DailySlots, conflict.Kind);
        Assert.Equal(new DateOnly(2026, 12, 3), conflict.Day);
        Assert.Contains("2026-12-03", conflict.Message);
        Assert.Equal(last.AddDays(1), at2359.NextFreeStart);
        Assert.True(at0000.IsReady, string.Join("\n", at0000.Problems));
    }

    [Fact]
    public async Task Check_DailySlots_OtherCategoriesAndCancelledSalesDoNotCount()
    {
        await using var database = await DatabaseAsync(slots: 2);
        var data = new SalesData(database);
        var supplier = await data.SupplierAsync();
        await data.ScheduledAsync((await data.BrandAsync(supplier, products: 1)).BrandId, China(12, 3), China(12, 4));
        await data.ScheduledAsync((await data.BrandAsync(supplier, "Beauty", products: 1)).BrandId, China(12, 3), China(12, 4), "Beauty");
        await data.ScheduledAsync((await data.BrandAsync(supplier, products: 1)).BrandId, China(12, 3), China(12, 4), cancelled: true);
        await data.DraftAsync((await data.BrandAsync(supplier, products: 1)).BrandId);
        var (brand, _) = await data.BrandAsync(supplier, products: 1);
        var draft = await data.DraftAsync(brand);
        var service = database.Get<SaleSchedulingService>();

        var readiness = await service.CheckAsync(draft, await data.RequestAsync(draft, China(12, 3, 12), China(12, 4)));

        Assert.True(readiness.IsReady, string.Join("\n", readiness.Problems));
    }

    // ---- which statuses count ----

    [Fact]
    public async Task Check_EndedAndLiveSalesCount_CancelledDoNot()
    {
        await using var database = await DatabaseAsync();
        var data = new SalesData(database);
        var supplier = await data.SupplierAsync();
        var (ended, _) = await data.BrandAsync(supplier);
        await data.ScheduledAsync(ended, China(11, 26), China(11, 27));   // Ended at 10:00 on the 28th
        var (live, _) = await data.BrandAsync(supplier);
        await data.ScheduledAsync(live, China(11, 27), China(11, 30));    // Live now
        var (cancelled, _) = await data.BrandAsync(supplier);
        await data.ScheduledAsync(cancelled, China(11, 29), China(11, 30), cancelled: true);
        var service = database.Get<SaleSchedulingService>();

        async Task<Readiness> CheckAsync(int brand)
        {
            var draft = await data.DraftAsync(brand);
            return await service.CheckAsync(draft, await data.RequestAsync(draft, China(11, 29), China(11, 30)));
        }

        Assert.Equal(SaleStatus.Ended, (await service.GetAsync(1))!.Status);
        Assert.Equal(SaleStatus.Live, (await service.GetAsync(2))!.Status);
        Assert.Equal(ConflictKind.Cooldown, Assert.Single((await CheckAsync(ended)).Conflicts).Kind);
        Assert.Equal(ConflictKind.Overlap, Assert.Single((await CheckAsync(live)).Conflicts).Kind);
        Assert.Empty((await CheckAsync(cancelled)).Conflicts);
    }

    // ---- terms snapshot ----

    [Fact]
    public async Task Schedule_AgreementWithTierReached_SnapshotTakesTheReducedRate()
    {
        await using var database = await DatabaseAsync();
        var data = new SalesData(database);
        var supplier = await data.SupplierAsync();
        var (brand, _) = await data.BrandAsync(supplier);
        var code = await data.AgreementAsync(supplier, brand, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 900,
            new RebateTier(100_000, 100), new RebateTier(500_000, 250));
        var earlier = await data.ScheduledAsync(brand, China(11, 1), China(11, 2));
        await data.OrderLineAsync(earlier, paidFen: 250_000, refundFen: 50_000, China(11, 1, 12));   // net ¥2,000.00: first tier
        var draft = await data.DraftAsync(brand);
        var service = database.Get<SaleSchedulingService>();

        await service.ScheduleAsync(People.SelectionLi, draft, 0, await data.RequestAsync(draft, China(12, 1), China(12, 2)));

        var terms = (await service.GetAsync(draft))!.Terms!;
        Assert.Equal(800, terms.CommissionBp);
        Assert.Equal(code, terms.AgreementCode);
        Assert.Equal(200_000, terms.AgreementNetGmvFen);
        Assert.Equal(100_000, terms.TierThresholdFen);
        Assert.Equal((70, 10, 45), (terms.AdvancePercent, terms.AdvanceDays, terms.BalanceDays));
    }

    [Fact]
    public async Task Schedule_NoAgreement_DefaultsFromConfiguration()
    {
        await using var database = await TestDatabase.CreateAsync(settings: new Dictionary<string, string?> { ["Settlement:Defaults:CommissionBp"] = "750" });
        var data = new SalesData(database);
        var (brand, _) = await data.BrandAsync(await data.SupplierAsync());
        var draft = await data.DraftAsync(brand);
        var service = database.Get<SaleSchedulingService>();

        await service.ScheduleAsync(People.SelectionLi, draft, 0, await data.RequestAsync(draft, China(12, 1), China(12, 2)));

        var terms = (await service.GetAsync(draft))!.Terms!;
        Assert.Equal(new TermsSnapshot(750, 80, 7, 30, null, null, null), terms);
    }

    [Fact]
    public async Task Schedule_AgreementSignedLater_SnapshotUnchanged()
    {
        await using var database = await DatabaseAsync();
        var data = new SalesData(database);
        var supplier = await data.SupplierAsync();
        var (brand, _) = await data.BrandAsync(supplier);
        var draft = await data.DraftAsync(brand);
        var service = database.Get<SaleSchedulingService>();
        await service.ScheduleAsync(People.SelectionLi, draft, 0, await data.RequestAsync(draft, China(12, 1), China(12, 2)));

        await data.AgreementAsync(supplier, brand, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 500);

        var terms = (await service.GetAsync(draft))!.Terms!;
        Assert.Equal(800, terms.CommissionBp);
        Assert.False(terms.FromAgreement);
        var preview = await service.PreviewTermsAsync(brand, China(12, 1));
        Assert.Equal(500, preview.Terms.CommissionBp);
    }

    [Fact]
    public async Task PreviewTerms_AgreementTermNotContainingTheStart_Defaults()
    {
        await using var database = await DatabaseAsync();
        var data = new SalesData(database);
        var supplier = await data.SupplierAsync();
        var (brand, _) = await data.BrandAsync(supplier);
        await data.AgreementAsync(supplier, brand, new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 30), 500);

        var inside = await database.Get<SaleSchedulingService>().PreviewTermsAsync(brand, China(11, 30, 23, 59));
        var after = await database.Get<SaleSchedulingService>().PreviewTermsAsync(brand, China(12, 1, 0, 0));

        Assert.True(inside.Terms.FromAgreement);
        Assert.False(after.Terms.FromAgreement);
    }

    // ---- lifecycle under a fake clock ----

    [Fact]
    public async Task GetAsync_FakeClock_DerivesLiveThenEnded_AndListFiltersByDerivedStatus()
    {
        await using var database = await DatabaseAsync();
        var data = new SalesData(database);
        var (brand, _) = await data.BrandAsync(await data.SupplierAsync());
        var draft = await data.DraftAsync(brand);
        var service = database.Get<SaleSchedulingService>();
        await service.ScheduleAsync(People.SelectionLi, draft, 0, await data.RequestAsync(draft, China(12, 1), China(12, 2)));

        async Task<SaleStatus> StatusAsync() => (await service.GetAsync(draft))!.Status;
        async Task<int> CountAsync(SaleStatus status) => (await service.SearchAsync(new SaleQuery { Status = status }, new PageRequest())).Total;

        Assert.Equal(SaleStatus.Scheduled, await StatusAsync());
        database.Clock.SetUtcNow(China(12, 1).AddTicks(-1));
        Assert.Equal(SaleStatus.Scheduled, await StatusAsync());
        database.Clock.SetUtcNow(China(12, 1));
        Assert.Equal(SaleStatus.Live, await StatusAsync());
        Assert.Equal(1, await CountAsync(SaleStatus.Live));
        database.Clock.SetUtcNow(China(12, 2));
        Assert.Equal(SaleStatus.Ended, await StatusAsync());
        Assert.Equal(0, await CountAsync(SaleStatus.Live));
        Assert.Equal(1, await CountAsync(SaleStatus.Ended));
    }

    [Fact]
    public async Task CancelAsync_ScheduledWithReason_CancelledAndAudited_LiveRefused()
    {
        await using var database = await DatabaseAsync();
        var data = new SalesData(database);
        var (brand, _) = await data.BrandAsync(await data.SupplierAsync());
        var live = await data.ScheduledAsync(brand, China(11, 27), China(11, 29));
        var draft = await data.DraftAsync(brand);
        var service = database.Get<SaleSchedulingService>();

        await service.CancelAsync(People.SelectionZhang, draft, 0, "品牌方缺货");
        var liveRevision = (await service.GetAsync(live))!.Revision;
        var refused = await Assert.ThrowsAsync<DomainException>(() => service.CancelAsync(People.SelectionZhang, live, liveRevision, "太晚了"));

        Assert.Contains("Live", refused.Message);
        var cancelled = (await service.GetAsync(draft))!;
        Assert.Equal(SaleStatus.Cancelled, cancelled.Status);
        Assert.Equal("品牌方缺货", cancelled.CancelReason);
        await using var db = database.NewContext();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "sale.cancelled");
        Assert.Equal(("Sale", draft.ToString(System.Globalization.CultureInfo.InvariantCulture), "品牌方缺货"), (entry.EntityType, entry.EntityId, entry.Reason));
    }

    [Fact]
    public async Task ChangeStockAsync_LiveSale_ChangedAndAudited_StaleRevisionRefused()
    {
        await using var database = await DatabaseAsync();
        var data = new SalesData(database);
        var (brand, products) = await data.BrandAsync(await data.SupplierAsync());
        var live = await data.ScheduledAsync(brand, China(11, 27), China(11, 29));
        var service = database.Get<SaleSchedulingService>();
        var revision = (await service.GetAsync(live))!.Revision;

        await service.ChangeStockAsync(People.SelectionLi, live, revision, products[0], 1_000);

        Assert.Equal(1_000, (await service.GetAsync(live))!.Products.Single(p => p.ProductId == products[0]).Stock);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.ChangeStockAsync(People.SelectionZhang, live, revision, products[0], 5));
        await using var db = database.NewContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "sale.stock-changed" && e.EntityType == "Sale"));
    }

    // ---- readiness enforced ----

    [Fact]
    public async Task ScheduleAsync_SuspendedBrandUnscoredProductAndPriceAboveList_RefusedWithEveryReason_NothingWritten()
    {
        await using var database = await DatabaseAsync();
        var data = new SalesData(database);
        var (brand, products) = await data.BrandAsync(await data.SupplierAsync(), status: BrandStatus.Suspended);
        var draft = await data.DraftAsync(brand);
        await using (var db = database.NewContext())
        {
            var product = await db.Products.SingleAsync(p => p.Id == products[1]);
            product.ScoreWith(new ProductScore(4, 2, 4, 4, 4, "太贵"));
            await db.SaveChangesAsync();
        }
        var service = database.Get<SaleSchedulingService>();
        var request = await data.RequestAsync(draft, China(12, 1), China(12, 2));
        request = request with { Products = [request.Products[0] with { SalePriceFen = 10_001 }, request.Products[1]] };

        var readiness = await service.CheckAsync(draft, request);
        var refused = await Assert.ThrowsAsync<DomainException>(() => service.ScheduleAsync(People.SelectionLi, draft, 0, request));

        Assert.False(readiness.Checks.Single(c => c.Item == ReadinessItem.Brand).Passed);
        Assert.False(readiness.Checks.Single(c => c.Item == ReadinessItem.Products).Passed);
        Assert.True(readiness.Checks.Single(c => c.Item == ReadinessItem.Conflicts).Passed);
        Assert.Contains("Suspended", refused.Message);
        Assert.Contains("above the list price", refused.Message);
        Assert.Contains("not selectable", refused.Message);
        var unchanged = (await service.GetAsync(draft))!;
        Assert.Equal(SaleStatus.Draft, unchanged.Status);
        Assert.All(unchanged.Products, p => Assert.Equal(6_990, p.SalePriceFen));
    }

    [Fact]
    public async Task ScheduleAsync_DocumentsExpireDuringTheSale_Refused()
    {
        await using var database = await DatabaseAsync();
        var data = new SalesData(database);
        var (brand, _) = await data.BrandAsync(await data.SupplierAsync(), documentsExpire: new DateOnly(2026, 12, 1));
        var draft = await data.DraftAsync(brand);

        var readiness = await database.Get<SaleSchedulingService>().CheckAsync(draft, await data.RequestAsync(draft, China(12, 1), China(12, 2, 12)));

        Assert.Contains(readiness.Checks.Single(c => c.Item == ReadinessItem.Brand).Problems, p => p.Contains("2026-12-01", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ScheduleAsync_NewPricesAndStock_WrittenWithTheScheduleAndAudited()
    {
        await using var database = await DatabaseAsync();
        var data = new SalesData(database);
        var (brand, products) = await data.BrandAsync(await data.SupplierAsync());
        var draft = await data.DraftAsync(brand);
        var service = database.Get<SaleSchedulingService>();
        var request = new ScheduleRequest(China(12, 1, 20), China(12, 2, 20), SaleKind.Livestream, 1200,
            [new ProductTerms(products[0], 5_990, 300), new ProductTerms(products[1], 10_000, 50)]);

        await service.ScheduleAsync(People.SelectionLi, draft, 0, request);

        var sale = (await service.GetAsync(draft))!;
        Assert.Equal((SaleStatus.Scheduled, SaleKind.Livestream, 1200), (sale.Status, sale.Kind, sale.ShopkeeperCommissionBp));
        Assert.Equal([(5_990L, 300), (10_000L, 50)], sale.Products.Select(p => (p.SalePriceFen, p.Stock)));
        await using var db = database.NewContext();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "sale.scheduled");
        Assert.Contains("\"Status\":\"Draft\"", entry.Before);
        Assert.Contains("\"Status\":\"Scheduled\"", entry.After);
    }

    [Fact]
    public async Task ScheduleAsync_Analyst_Refused()
    {
        await using var database = await DatabaseAsync();
        var data = new SalesData(database);
        var (brand, _) = await data.BrandAsync(await data.SupplierAsync());
        var draft = await data.DraftAsync(brand);

        await Assert.ThrowsAsync<AccessDeniedException>(async () =>
            await database.Get<SaleSchedulingService>().ScheduleAsync(People.Analyst, draft, 0, await data.RequestAsync(draft, China(12, 1), China(12, 2))));
    }

    // ---- the race for the last slot ----

    [Fact]
    public async Task ScheduleAsync_TwoPeopleTakeTheLastSlotAtOnce_ExactlyOneWins()
    {
        await using var database = await DatabaseAsync();
        var data = new SalesData(database);
        var supplier = await data.SupplierAsync();
        for (var i = 0; i < 11; i++) await data.ScheduledAsync((await data.BrandAsync(supplier, products: 1)).BrandId, China(12, 3), China(12, 4));
        var first = await data.DraftAsync((await data.BrandAsync(supplier, products: 1)).BrandId);
        var second = await data.DraftAsync((await data.BrandAsync(supplier, products: 1)).BrandId);
        var requests = new[] { await data.RequestAsync(first, China(12, 3, 20), China(12, 4, 20)), await data.RequestAsync(second, China(12, 3, 21), China(12, 4, 21)) };
        // Two services, each on its own contexts and connections, as two people on two circuits.
        var service = database.Get<SaleSchedulingService>();
        using var gate = new ManualResetEventSlim();

        var attempts = new[] { (People.SelectionLi, first, requests[0]), (People.SelectionZhang, second, requests[1]) }
            .Select(a => Task.Run(async () =>
            {
                gate.Wait();
                try { await service.ScheduleAsync(a.Item1, a.Item2, 0, a.Item3); return (string?)null; }
                catch (DomainException e) { return e.Message; }
            })).ToArray();
        gate.Set();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, o => o is null);
        Assert.Contains("2026-12-03", Assert.Single(outcomes, o => o is not null));
        await using var db = database.NewContext();
        var startOfDay = ChinaTime.StartOfDayUtc(new DateOnly(2026, 12, 3));
        Assert.Equal(12, await db.Sales.CountAsync(s => s.StoredStatus == SaleStatus.Scheduled && s.StartsAt >= startOfDay && s.StartsAt < startOfDay.AddDays(1)));
    }
}
