using BackOffice.Domain.Common;

namespace BackOffice.Domain.Seeding;

/// <summary>
/// What the demo data generator makes. The same <see cref="Seed"/>, <see cref="Today"/> and size give
/// the same rows (personal data ciphertext aside: its nonces are random, its plaintext is not).
/// </summary>
public sealed record SeedOptions
{
    public const int DefaultSeed = 20261128;

    public int Seed { get; init; } = DefaultSeed;

    /// <summary>
    /// The China calendar date the data is generated around. The generator's clock stands at the
    /// start of this day (00:00 Asia/Shanghai): every order line is ordered before it, future sales
    /// start after it, a few sales are live across it.
    /// </summary>
    public DateOnly Today { get; init; } = ChinaTime.Today(TimeProvider.System);

    /// <summary>
    /// 1 is the default size (<see cref="SeedSize.Default"/>). Scale N gives N × 300,000 order lines;
    /// suppliers, brands, shopkeepers and sales grow by min(N, 10), so 200,000 shopkeepers from
    /// N = 10; above 1 the window is a year (365 days) instead of 180 days.
    /// <see cref="SeedSize.LargeScale"/> (100/3) is the large preset: 200,000 shopkeepers and
    /// 10,000,000 order lines over a year. Ignored when <see cref="Size"/> is set.
    /// </summary>
    public double Scale { get; init; } = 1;

    /// <summary>Exact counts, for tests and experiments; overrides <see cref="Scale"/>.</summary>
    public SeedSize? Size { get; init; }

    public SeedSize ResolveSize() => Size ?? SeedSize.ForScale(Scale);
}

/// <summary>How much to generate. Days is the history before Today; sales also run up to 14 days ahead.</summary>
public sealed record SeedSize(int Suppliers, int Brands, int Shopkeepers, int Sales, long OrderLines, int Days)
{
    public const double LargeScale = 100.0 / 3;

    public static readonly SeedSize Default = new(300, 600, 20_000, 400, 300_000, 180);

    /// <summary>200,000 shopkeepers and 10,000,000 order lines over a year.</summary>
    public static SeedSize Large => ForScale(LargeScale);

    /// <summary>See <see cref="SeedOptions.Scale"/>.</summary>
    public static SeedSize ForScale(double scale)
    {
        if (!(scale > 0) || double.IsInfinity(scale)) throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be a positive number.");
        var population = Math.Min(scale, 10);
        return new SeedSize(
            Math.Max(5, (int)Math.Round(Default.Suppliers * population)),
            Math.Max(10, (int)Math.Round(Default.Brands * population)),
            Math.Max(100, (int)Math.Round(Default.Shopkeepers * population)),
            Math.Max(10, (int)Math.Round(Default.Sales * population * (scale > 1 ? 365.0 / 180 : 1))),
            Math.Max(100, (long)Math.Round(Default.OrderLines * scale)),
            scale > 1 ? 365 : Default.Days);
    }

    public void Validate()
    {
        if (Suppliers < 1 || Brands < Suppliers || Shopkeepers < 1 || Sales < 1 || OrderLines < 0 || Days is < 30 or > 730)
            throw new ArgumentOutOfRangeException(nameof(SeedSize), this,
                "Need at least one supplier, brand, shopkeeper and sale, at least as many brands as suppliers, and 30–730 days.");
    }
}

/// <summary>What was written and how fast.</summary>
public sealed record SeedReport(
    int Seed, DateOnly Today, SeedSize Size,
    int Suppliers, int Brands, int Products, int Agreements, int Sales, int Shopkeepers, long OrderLines, int LocalUsersAdded,
    TimeSpan Elapsed, TimeSpan OrderLinesElapsed)
{
    public double OrderLinesPerSecond => OrderLinesElapsed.TotalSeconds > 0 ? OrderLines / OrderLinesElapsed.TotalSeconds : 0;

    public override string ToString() =>
        $"Seed {Seed} for {Today:yyyy-MM-dd}: {Suppliers:N0} suppliers, {Brands:N0} brands, {Products:N0} products, {Agreements:N0} agreements, " +
        $"{Sales:N0} sales, {Shopkeepers:N0} shopkeepers, {OrderLines:N0} order lines in {Elapsed.TotalSeconds:N1} s " +
        $"(order lines {OrderLinesPerSecond:N0} rows/s)";
}
