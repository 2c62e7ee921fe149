namespace BackOffice.Domain.Metrics;

/// <summary>DESIGN.md "Metrics" segments, plus <see cref="Unactivated"/> for the case the design leaves open.</summary>
public enum ShopkeeperSegment
{
    Star = 0,
    Active = 1,
    Dormant = 2,
    Churned = 3,
    New = 4,
    /// <summary>Joined 31–90 days ago and no line yet: no longer new, not yet churned (it becomes churned on day 91).</summary>
    Unactivated = 5,
}

/// <summary>
/// The segment of a shopkeeper on a day <c>d</c>, "by the previous 30 days": the windows are the
/// days before <c>d</c> — 30 days = <c>d−30 … d−1</c>, 90 days = <c>d−90 … d−1</c>; a line on <c>d</c>
/// itself counts from <c>d+1</c>. Ages count whole days: joined "within 30 days" = <c>d − joined ≤ 30</c>,
/// "over 90 days ago" = <c>d − joined &gt; 90</c>. In order:
/// star — net GMV in the 30 days ≥ ¥10,000; active — a line in the 30 days; dormant — a line in the 90
/// days; new — joined within 30 days; unactivated — joined 31–90 days ago with no line (the case
/// DESIGN.md leaves open); churned — the rest (no line in 90 days, joined over 90 days ago).
/// A shopkeeper counts from the day they join (joined on <c>d</c> = new on <c>d</c>).
/// </summary>
public static class Segments
{
    public const long StarNetGmvFen = 1_000_000;
    public const int ActiveDays = 30;
    public const int DormantDays = 90;

    public static readonly IReadOnlyList<ShopkeeperSegment> All =
        [ShopkeeperSegment.Star, ShopkeeperSegment.Active, ShopkeeperSegment.Dormant, ShopkeeperSegment.Churned, ShopkeeperSegment.New, ShopkeeperSegment.Unactivated];

    public static string NameZh(ShopkeeperSegment s) => s switch
    {
        ShopkeeperSegment.Star => "明星",
        ShopkeeperSegment.Active => "活跃",
        ShopkeeperSegment.Dormant => "沉睡",
        ShopkeeperSegment.Churned => "流失",
        ShopkeeperSegment.New => "新店主",
        _ => "未激活",
    };

    public static string NameEn(ShopkeeperSegment s) => s switch
    {
        ShopkeeperSegment.Star => "Star",
        ShopkeeperSegment.Active => "Active",
        ShopkeeperSegment.Dormant => "Dormant",
        ShopkeeperSegment.Churned => "Churned",
        ShopkeeperSegment.New => "New",
        _ => "Unactivated",
    };

    /// <summary>The segment when no line falls in the 90 days (or the shopkeeper has none yet).</summary>
    public static ShopkeeperSegment BeforeFirstLine(DateOnly day, DateOnly joinedOn) =>
        (day.DayNumber - joinedOn.DayNumber) switch
        {
            <= ActiveDays => ShopkeeperSegment.New,
            <= DormantDays => ShopkeeperSegment.Unactivated,
            _ => ShopkeeperSegment.Churned,
        };

    /// <summary>The segment on <paramref name="day"/> from a shopkeeper's net GMV per day with a line (any order).</summary>
    public static ShopkeeperSegment Classify(DateOnly day, DateOnly joinedOn, IEnumerable<(DateOnly Day, long NetFen)> lineDays)
    {
        long net30 = 0;
        bool any = false, in30 = false, in90 = false;
        foreach (var (d, net) in lineDays)
        {
            var ago = day.DayNumber - d.DayNumber;
            if (ago < 1) continue;
            any = true;
            if (ago > DormantDays) continue;
            in90 = true;
            if (ago <= ActiveDays) { in30 = true; net30 += net; }
        }
        if (!any) return BeforeFirstLine(day, joinedOn);
        return in30 ? (net30 >= StarNetGmvFen ? ShopkeeperSegment.Star : ShopkeeperSegment.Active)
            : in90 ? ShopkeeperSegment.Dormant
            : ShopkeeperSegment.Churned;
    }

    /// <summary>
    /// The runs of constant segment from the day after the first line on, for days sorted ascending
    /// with their net GMV. The segment only changes the day after a line (it enters the windows) and
    /// 31 and 91 days after one (it leaves them); every run ends in an open churned one.
    /// </summary>
    public static IReadOnlyList<(DateOnly From, DateOnly To, ShopkeeperSegment Segment)> Spells(IReadOnlyList<(DateOnly Day, long NetFen)> days)
    {
        var spells = new List<(DateOnly From, DateOnly To, ShopkeeperSegment Segment)>();
        if (days.Count == 0) return spells;
        var changes = new SortedSet<int>();
        foreach (var (d, _) in days)
        {
            changes.Add(d.DayNumber + 1);
            changes.Add(d.DayNumber + ActiveDays + 1);
            changes.Add(d.DayNumber + DormantDays + 1);
        }
        // Sliding sums over the sorted days: [lo30, hi) are the days within 30, [lo90, hi) within 90.
        int hi = 0, lo30 = 0, lo90 = 0;
        long net30 = 0;
        foreach (var change in changes)
        {
            while (hi < days.Count && days[hi].Day.DayNumber < change) { net30 += days[hi].NetFen; hi++; }
            while (lo30 < hi && days[lo30].Day.DayNumber < change - ActiveDays) { net30 -= days[lo30].NetFen; lo30++; }
            while (lo90 < hi && days[lo90].Day.DayNumber < change - DormantDays) lo90++;
            var segment = hi > lo30 ? (net30 >= StarNetGmvFen ? ShopkeeperSegment.Star : ShopkeeperSegment.Active)
                : hi > lo90 ? ShopkeeperSegment.Dormant
                : ShopkeeperSegment.Churned;
            var from = DateOnly.FromDayNumber(change);
            if (spells.Count > 0 && spells[^1].Segment == segment) continue;
            if (spells.Count > 0) spells[^1] = spells[^1] with { To = from.AddDays(-1) };
            spells.Add((from, DateOnly.MaxValue, segment));
        }
        return spells;
    }
}
