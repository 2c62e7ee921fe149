namespace BackOffice.Domain.Metrics;

public enum PackSpan { Day, Month }

/// <summary>
/// Every shopkeeper's figures of one China date or calendar month, for all categories
/// (<see cref="Category"/> empty) or one, packed into one row (<see cref="SalesPackFormat"/>). The
/// leaderboard, active-shopkeeper counts and deciles of a year unsliced need every shopkeeper's totals:
/// summing 12 month packs and the edge days' packs in memory takes milliseconds, where grouping the same
/// ~1M aggregate rows in SQL took over half a second. Kept by every order-line import from its delta and
/// rebuilt by <see cref="AggregateBuilder"/>; a province filter is a mask over the shopkeepers (their
/// current province, as the other per-shopkeeper aggregates), a brand filter reads the daily rows.
/// </summary>
public class ShopkeeperSalesPack
{
    public PackSpan Span { get; private set; }

    /// <summary>The date, or the first day of the month.</summary>
    public DateOnly Start { get; private set; }

    public string Category { get; private set; } = "";

    /// <summary>How many shopkeepers the pack holds (each with at least one line).</summary>
    public int Shopkeepers { get; private set; }

    /// <summary>The pack's sums, so a daily trend reads one row a day without opening the packs.</summary>
    public long GmvFen { get; private set; }

    public long RefundFen { get; private set; }

    public long Items { get; private set; }

    public byte[] Data { get; private set; } = [];

    protected ShopkeeperSalesPack() { }
}

/// <summary>One shopkeeper's figures in a pack.</summary>
public readonly record struct PackEntry(int ShopkeeperId, long GmvFen, long RefundFen, long Items, long Orders, long CommissionFen, long Lines)
{
    public PackEntry Plus(PackEntry other) => new(ShopkeeperId, GmvFen + other.GmvFen, RefundFen + other.RefundFen, Items + other.Items, Orders + other.Orders,
        CommissionFen + other.CommissionFen, Lines + other.Lines);

    public bool IsZero => this is { GmvFen: 0, RefundFen: 0, Items: 0, Orders: 0, CommissionFen: 0, Lines: 0 };
}
