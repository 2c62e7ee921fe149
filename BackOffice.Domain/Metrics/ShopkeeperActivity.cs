namespace BackOffice.Domain.Metrics;

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
