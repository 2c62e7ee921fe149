namespace BackOffice.Domain.Metrics;

/// <summary>
/// Sales of one brand to the shopkeepers of one province on one China date, kept by every import
/// and rebuilt from the lines by <see cref="AggregateBuilder"/>. Orders add up across rows because
/// all lines of an order belong to one sale (one brand), one shopkeeper and one moment.
/// </summary>
public class DailySales
{
    public DateOnly Day { get; private set; }
    public int BrandId { get; private set; }
    public string Province { get; private set; } = "";
    public string Category { get; private set; } = "";
    public long GmvFen { get; private set; }
    public long RefundFen { get; private set; }
    public long Items { get; private set; }
    public long CommissionFen { get; private set; }
    public long Orders { get; private set; }
    public long Lines { get; private set; }

    protected DailySales() { }
}

/// <summary>
/// One shopkeeper's sales of one brand on one China date: active counts, leaderboards, segments, cohorts.
/// <see cref="Province"/> is the shopkeeper's (denormalised so a province filter needs no join; a move
/// rewrites it).
/// </summary>
public class ShopkeeperDailySales
{
    public int ShopkeeperId { get; private set; }
    public DateOnly Day { get; private set; }
    public int BrandId { get; private set; }
    public string Category { get; private set; } = "";
    public string Province { get; private set; } = "";
    public long GmvFen { get; private set; }
    public long RefundFen { get; private set; }
    public long Items { get; private set; }
    public long CommissionFen { get; private set; }
    public long Orders { get; private set; }
    public long Lines { get; private set; }

    protected ShopkeeperDailySales() { }
}
