using BackOffice.Domain.Common;
using BackOffice.Domain.Sales;
using BackOffice.Tests.Builders;

namespace BackOffice.Tests.Domain.Sales;

public class SaleTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Start = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);
    private static readonly TermsSnapshot Defaults = new SettlementDefaults().ToSnapshot();

    private static Sale DraftWithProduct()
    {
        var sale = new Sale("SALE-000001", 1, "Food", "金龙鱼年货节", People.SelectionLi, Now);
        sale.SetProduct(10, new Money(10_000), new Money(6_990), 500);
        return sale;
    }

    [Fact]
    public void SetProduct_PriceAboveList_Refused()
    {
        var sale = new Sale("SALE-000001", 1, "Food", "t", People.SelectionLi, Now);
        var ex = Assert.Throws<DomainException>(() => sale.SetProduct(10, new Money(10_000), new Money(10_001), 5));
        Assert.Contains("above the list price", ex.Message);
    }

    [Fact]
    public void SetProduct_PriceEqualToList_Accepted()
    {
        var sale = new Sale("SALE-000001", 1, "Food", "t", People.SelectionLi, Now);
        sale.SetProduct(10, new Money(10_000), new Money(10_000), 5);
        Assert.Single(sale.Products);
    }

    [Theory]
    [InlineData(59, false)]
    [InlineData(60, true)]
    [InlineData(7 * 24 * 60, true)]
    [InlineData(7 * 24 * 60 + 1, false)]
    public void Schedule_LengthBetweenOneHourAndSevenDays(int minutes, bool ok)
    {
        var sale = DraftWithProduct();
        void Act() => sale.Schedule(Start, Start.AddMinutes(minutes), SaleKind.Flash, 1000, Defaults, Now);
        if (ok) { Act(); Assert.Equal(SaleStatus.Scheduled, sale.StoredStatus); }
        else Assert.Throws<DomainException>(Act);
    }

    [Fact]
    public void Schedule_TakesTermsSnapshot()
    {
        var sale = DraftWithProduct();
        sale.Schedule(Start, Start.AddDays(2), SaleKind.Livestream, 1000, Defaults, Now);
        Assert.Equal(800, sale.Terms!.CommissionBp);
        Assert.False(sale.Terms.FromAgreement);
    }

    [Fact]
    public void StatusAt_DerivedFromTheClock()
    {
        var sale = DraftWithProduct();
        sale.Schedule(Start, Start.AddDays(1), SaleKind.Flash, 1000, Defaults, Now);
        Assert.Equal(SaleStatus.Scheduled, sale.StatusAt(Start.AddTicks(-1)));
        Assert.Equal(SaleStatus.Live, sale.StatusAt(Start));
        Assert.Equal(SaleStatus.Live, sale.StatusAt(Start.AddDays(1).AddTicks(-1)));
        Assert.Equal(SaleStatus.Ended, sale.StatusAt(Start.AddDays(1)));
        sale.MarkSettlementClosed();
        Assert.Equal(SaleStatus.Closed, sale.StatusAt(Start.AddDays(1)));
    }

    [Fact]
    public void Cancel_LiveSale_Refused()
    {
        var sale = DraftWithProduct();
        sale.Schedule(Start, Start.AddDays(1), SaleKind.Flash, 1000, Defaults, Now);
        Assert.Throws<DomainException>(() => sale.Cancel("x", Start.AddHours(1)));
    }

    [Fact]
    public void Cancel_ScheduledWithReason_Cancelled()
    {
        var sale = DraftWithProduct();
        sale.Schedule(Start, Start.AddDays(1), SaleKind.Flash, 1000, Defaults, Now);
        sale.Cancel("品牌方缺货", Now);
        Assert.Equal(SaleStatus.Cancelled, sale.StatusAt(Start));
    }

    [Fact]
    public void ChangeStock_Live_Allowed_ButProductsFrozen()
    {
        var sale = DraftWithProduct();
        sale.Schedule(Start, Start.AddDays(1), SaleKind.Flash, 1000, Defaults, Now);
        sale.ChangeStock(10, 800, Start.AddHours(1));
        Assert.Equal(800, sale.Products.Single().Stock);
        Assert.Throws<DomainException>(() => sale.SetProduct(10, new Money(10_000), new Money(5_000), 1));
    }

    [Fact]
    public void ChangeStock_Ended_Refused()
    {
        var sale = DraftWithProduct();
        sale.Schedule(Start, Start.AddDays(1), SaleKind.Flash, 1000, Defaults, Now);
        Assert.Throws<DomainException>(() => sale.ChangeStock(10, 1, Start.AddDays(2)));
    }

    [Fact]
    public void Schedule_WithoutProducts_Refused()
    {
        var sale = new Sale("SALE-000002", 1, "Food", "t", People.SelectionLi, Now);
        Assert.Throws<DomainException>(() => sale.Schedule(Start, Start.AddDays(1), SaleKind.Flash, 1000, Defaults, Now));
    }
}
