namespace BackOffice.Domain.Metrics;

/// <summary>
/// One shopkeeper's sales in one China calendar month (<see cref="Month"/> is its first day): cohorts
/// and concentration read it instead of the daily rows. Kept by every order-line import and rebuilt by
/// <see cref="AggregateBuilder"/>; whole months of a period are read from here, only the edge days from the daily rows; lines are never removed, so <see cref="Lines"/> only grows.
/// </summary>
public class ShopkeeperMonthlySales
{
    public int ShopkeeperId { get; private set; }
    public DateOnly Month { get; private set; }
    public long GmvFen { get; private set; }
    public long RefundFen { get; private set; }
    public long CommissionFen { get; private set; }
    public long Orders { get; private set; }
    public long Lines { get; private set; }

    /// <summary>The shopkeeper's province, denormalised like <see cref="ShopkeeperDailySales.Province"/>.</summary>
    public string Province { get; private set; } = "";

    protected ShopkeeperMonthlySales() { }
}

/// <summary>
/// One shopkeeper's sales of one category in one China calendar month: what a category-filtered
/// leaderboard, KPI card or decile reads for the whole months of its period (a year of one category is
/// ~250,000 rows here against ~600,000 daily ones). Kept by every import and rebuilt like
/// <see cref="ShopkeeperMonthlySales"/>; orders add up across categories because an order is one sale, so one brand.
/// </summary>
public class ShopkeeperCategoryMonthlySales
{
    public int ShopkeeperId { get; private set; }
    public DateOnly Month { get; private set; }
    public string Category { get; private set; } = "";
    public string Province { get; private set; } = "";
    public long GmvFen { get; private set; }
    public long RefundFen { get; private set; }
    public long CommissionFen { get; private set; }
    public long Orders { get; private set; }
    public long Lines { get; private set; }

    protected ShopkeeperCategoryMonthlySales() { }
}

/// <summary>
/// A run of days over which a shopkeeper's segment stays the same, from the day after their first
/// line on (<see cref="ToDay"/> is <see cref="DateOnly.MaxValue"/> for the last, open run). Before
/// the first run, the segment follows from the joined date alone (<see cref="Segments.BeforeFirstLine"/>).
/// Recomputed for every shopkeeper an import touches and by <see cref="AggregateBuilder"/>.
/// </summary>
public class ShopkeeperSegmentSpell
{
    public int ShopkeeperId { get; private set; }
    public DateOnly FromDay { get; private set; }
    public DateOnly ToDay { get; private set; }
    public ShopkeeperSegment Segment { get; private set; }

    protected ShopkeeperSegmentSpell() { }

    internal ShopkeeperSegmentSpell(int shopkeeperId, DateOnly fromDay, DateOnly toDay, ShopkeeperSegment segment)
    {
        ShopkeeperId = shopkeeperId;
        FromDay = fromDay;
        ToDay = toDay;
        Segment = segment;
    }
}
