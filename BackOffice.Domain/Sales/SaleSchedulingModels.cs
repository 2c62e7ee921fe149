using BackOffice.Domain.Brands;
using BackOffice.Domain.Common;
using BackOffice.Domain.Metrics;

namespace BackOffice.Domain.Sales;

/// <summary>What the schedule form sends: the window (UTC instants), kind, shopkeeper rate, and each product's sale price and stock.</summary>
public sealed record ScheduleRequest(DateTime StartsAt, DateTime EndsAt, SaleKind Kind, int ShopkeeperCommissionBp, IReadOnlyList<ProductTerms> Products);

public sealed record ProductTerms(int ProductId, long SalePriceFen, int Stock);

public enum ReadinessItem { Brand, Products, Window, Conflicts }

public sealed record ReadinessCheck(ReadinessItem Item, IReadOnlyList<string> Problems)
{
    public bool Passed => Problems.Count == 0;
}

/// <summary>The terms a sale would take now, and where they come from.</summary>
public sealed record TermsSource(TermsSnapshot Terms, int? AgreementId, int? AgreementCommissionBp, int? TierReductionBp);

/// <summary>The readiness checklist, the conflicts explained, the next free start and the terms, for one request.</summary>
public sealed record Readiness(IReadOnlyList<ReadinessCheck> Checks, IReadOnlyList<SaleConflict> Conflicts, DateTime? NextFreeStart, TermsSource? Terms)
{
    public bool IsReady => Checks.All(c => c.Passed);

    public IEnumerable<string> Problems => Checks.SelectMany(c => c.Problems);
}

public sealed record SaleProductLine(int ProductId, string SkuCode, string Name, long ListPriceFen, long SalePriceFen, int Stock, bool Selectable)
{
    public Money ListPrice => new(ListPriceFen);
    public Money SalePrice => new(SalePriceFen);

    /// <summary>Discount off the list price in basis points (3000 = 30% off).</summary>
    public static int DiscountBp(long listFen, long saleFen) => listFen <= 0 ? 0 : (int)Money.RoundDiv(checked((listFen - saleFen) * 10_000), listFen);
}

public sealed record SaleDetails(
    int Id, string Code, string Title, int BrandId, string BrandName, BrandStatus BrandStatus, int SupplierId, string Category,
    SaleKind Kind, DateTime? StartsAt, DateTime? EndsAt, int ShopkeeperCommissionBp, SaleStatus Status, TermsSnapshot? Terms,
    string? CancelReason, DateTime? ScheduledAt, string CreatedBy, long Revision, IReadOnlyList<SaleProductLine> Products)
{
    public bool HasWindow => StartsAt is not null;
}

public sealed record CalendarQuery(DateTime From, DateTime To, string? Category = null, string? Brand = null, SaleKind? Kind = null, bool IncludeCancelled = false);

public sealed record CalendarSale(int Id, string Code, string Title, int BrandId, string BrandName, string Category, SaleKind Kind, DateTime StartsAt, DateTime EndsAt, SaleStatus Status);

public sealed class SaleQuery
{
    public string? Search { get; set; }
    public string? Category { get; set; }
    public SaleKind? Kind { get; set; }
    public SaleStatus? Status { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
}

public sealed record SaleRow(int Id, string Code, string Title, string BrandName, string Category, SaleKind Kind, DateTime? StartsAt, DateTime? EndsAt, SaleStatus Status, int Products);

public sealed record SalePerformance(SalesFigures Figures, IReadOnlyList<ShopkeeperFigures> TopShopkeepers, DateOnly From, DateOnly To);
