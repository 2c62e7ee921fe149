using BackOffice.Domain.Common;

namespace BackOffice.Domain.Metrics;

/// <summary>Which lines a figure counts: China dates of ordered_at, inclusive, and optional slices.</summary>
public sealed record MetricsFilter(DateOnly From, DateOnly To, string? Category = null, int? BrandId = null, string? Province = null,
    IReadOnlyCollection<int>? BrandIds = null, int? SaleId = null);

/// <summary>The figures of DESIGN.md "Metrics" for one filter.</summary>
public sealed record SalesFigures(
    long GmvFen, long NetGmvFen, long Orders, long Items, long RefundFen, long ShopkeeperCommissionFen,
    long ActiveShopkeepers, long NewShopkeepers)
{
    public static readonly SalesFigures Empty = new(0, 0, 0, 0, 0, 0, 0, 0);

    public Money Gmv => new(GmvFen);
    public Money NetGmv => new(NetGmvFen);
    public Money ShopkeeperCommission() => new(ShopkeeperCommissionFen);

    /// <summary>GMV / orders, rounded to the fen.</summary>
    public Money AverageOrderValue => Orders == 0 ? Money.Zero : new(Money.RoundDiv(GmvFen, Orders));

    /// <summary>Σ refund / GMV in basis points.</summary>
    public BasisPoints RefundRate => GmvFen == 0 ? new(0) : new((int)Money.RoundDiv(checked(RefundFen * 10_000), GmvFen));
}

public sealed record DailyFigures(DateOnly Day, long GmvFen, long NetGmvFen, long Items);

/// <summary>One shopkeeper's figures under a filter; the name is the masked one everyone may see.</summary>
public sealed record ShopkeeperFigures(int ShopkeeperId, string Code, string MaskedName, string City, long GmvFen, long NetGmvFen, long Orders, long Items)
{
    public Money Gmv => new(GmvFen);
    public Money NetGmv => new(NetGmvFen);
}
