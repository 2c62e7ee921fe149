using BackOffice.Domain.Audit;
using BackOffice.Domain.Brands;
using BackOffice.Domain.Common;
using BackOffice.Domain.Sales;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;

namespace BackOffice.Tests.Domain.Sales;

public class SaleDraftServiceTests
{
    [Fact]
    public async Task CreateDraftAsync_BrandNotApproved_Refused()
    {
        await using var db = await TestDatabase.CreateAsync();
        var brand = await SelectionData.UnderReviewBrandAsync(db);
        var ex = await Assert.ThrowsAsync<DomainException>(() => db.Get<SaleDraftService>().CreateDraftAsync(People.SelectionLi, brand, "x"));
        Assert.Contains("Only an Approved brand", ex.Message);
    }

    [Fact]
    public async Task CreateDraftAsync_CodesOfOtherShapesExist_NumbersAfterTheHighestStandardCode()
    {
        await using var db = await TestDatabase.CreateAsync();
        var brand = await SelectionData.ApprovedBrandAsync(db);
        await using (var context = db.NewContext())
        {
            var category = context.Brands.Single(b => b.Id == brand).Category;
            context.Sales.Add(new Sale("SALE-000041", brand, category, "旧档期", People.SelectionLi, DateTime.UtcNow));
            context.Sales.Add(new Sale("SALE-J123456", brand, category, "手工编码", People.SelectionLi, DateTime.UtcNow));
            await context.SaveChangesAsync();
        }
        var sales = db.Get<SaleDraftService>();

        var id = await sales.CreateDraftAsync(People.SelectionLi, brand, "");

        Assert.Equal("SALE-000042", (await sales.DraftsOfBrandAsync(brand)).Single(s => s.Id == id).Code);
    }

    [Fact]
    public async Task CreateDraftAsync_DocumentsExpired_RefusedUntilRenewed()
    {
        await using var db = await TestDatabase.CreateAsync();
        var brand = await SelectionData.ApprovedBrandAsync(db);
        db.Clock.Advance(TimeSpan.FromDays(365 * 4));
        var sales = db.Get<SaleDraftService>();
        var ex = await Assert.ThrowsAsync<DomainException>(() => sales.CreateDraftAsync(People.SelectionLi, brand, "x"));
        Assert.Contains("expired", ex.Message);

        var today = ChinaTime.Today(db.Clock);
        await db.Get<BrandService>().EditAsync(People.SelectionLi, brand, 3, SelectionData.Brand(expires: today.AddYears(2)));
        var id = await sales.CreateDraftAsync(People.SelectionLi, brand, "");
        Assert.Equal("SALE-000001", (await sales.DraftsOfBrandAsync(brand)).Single(s => s.Id == id).Code);
    }

    [Fact]
    public async Task SetProductAsync_SelectableProduct_AddedAndAudited_OthersRefused()
    {
        await using var db = await TestDatabase.CreateAsync();
        var brand = await SelectionData.ApprovedBrandAsync(db);
        var good = await SelectionData.ScoredProductAsync(db, brand, "OK-1");
        var weak = await SelectionData.ScoredProductAsync(db, brand, "LOW-1", selectable: false);
        var otherBrand = await SelectionData.ApprovedBrandAsync(db);
        var foreign = await SelectionData.ScoredProductAsync(db, otherBrand, "OTHER-1");
        var sales = db.Get<SaleDraftService>();
        var sale = await sales.CreateDraftAsync(People.SelectionLi, brand, "花西子双十二");

        await sales.SetProductAsync(People.SelectionLi, sale, 0, good, Money.FromYuan(60), 500);
        var notSelectable = await Assert.ThrowsAsync<DomainException>(() => sales.SetProductAsync(People.SelectionLi, sale, 1, weak, Money.FromYuan(60), 5));
        Assert.Contains("not selectable", notSelectable.Message);
        Assert.Contains("quality 2 < 3", notSelectable.Message);
        await Assert.ThrowsAsync<DomainException>(() => sales.SetProductAsync(People.SelectionLi, sale, 1, foreign, Money.FromYuan(60), 5));
        var abovePrice = await Assert.ThrowsAsync<DomainException>(() => sales.SetProductAsync(People.SelectionLi, sale, 1, good, Money.FromYuan(101), 5));
        Assert.Contains("above the list price", abovePrice.Message);
        await Assert.ThrowsAsync<DomainException>(() => sales.SetProductAsync(People.SelectionLi, sale, 1, good, Money.FromYuan(60), 0));

        var draft = (await sales.DraftsOfBrandAsync(brand)).Single();
        var line = Assert.Single(draft.Lines);
        Assert.Equal((6000L, 500), (line.SalePrice.Fen, line.Stock));
        var history = await db.Get<AuditQueryService>().HistoryAsync("Sale", sale.ToString());
        Assert.Equal(["sale.drafted", "sale.product-set"], history.Select(h => h.Action));

        await sales.RemoveProductAsync(People.SelectionLi, sale, draft.Revision, good);
        Assert.Empty((await sales.DraftsOfBrandAsync(brand)).Single().Lines);
    }

    [Fact]
    public async Task SetProductAsync_StaleRevision_ChangedBySomeoneElse()
    {
        await using var db = await TestDatabase.CreateAsync();
        var brand = await SelectionData.ApprovedBrandAsync(db);
        var good = await SelectionData.ScoredProductAsync(db, brand, "OK-1");
        var sales = db.Get<SaleDraftService>();
        var sale = await sales.CreateDraftAsync(People.SelectionLi, brand, "t");
        await sales.SetProductAsync(People.SelectionLi, sale, 0, good, Money.FromYuan(60), 500);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => sales.SetProductAsync(People.SelectionZhang, sale, 0, good, Money.FromYuan(50), 5));
    }
}
