using System.Globalization;
using BackOffice.Domain.Common;

namespace BackOffice.Domain.Sales;

/// <summary>档期: a time-boxed sale of one brand's products.</summary>
public class Sale : IHasRevision
{
    public const int CodeMaxLength = 16;
    public static readonly TimeSpan MinimumLength = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaximumLength = TimeSpan.FromDays(7);

    private readonly List<SaleProduct> _products = [];

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public int BrandId { get; private set; }
    public string Category { get; private set; } = "";
    public string Title { get; private set; } = "";
    public SaleKind Kind { get; private set; }
    public DateTime StartsAt { get; private set; }
    public DateTime EndsAt { get; private set; }
    public int ShopkeeperCommissionBp { get; private set; }
    public SaleStatus StoredStatus { get; private set; }
    public TermsSnapshot? Terms { get; private set; }
    public string? CancelReason { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? ScheduledAt { get; private set; }
    public bool SettlementClosed { get; private set; }
    public IReadOnlyCollection<SaleProduct> Products => _products;
    public long Revision { get; set; }

    protected Sale() { }

    public Sale(string code, int brandId, string category, string title, Actor creator, DateTime now)
    {
        Code = code;
        BrandId = brandId;
        Category = category;
        Title = (title ?? "").Trim();
        CreatedBy = creator.UserId;
        CreatedAt = now;
        StoredStatus = SaleStatus.Draft;
    }

    public static string FormatCode(int number) => "SALE-" + number.ToString("000000", CultureInfo.InvariantCulture);

    /// <summary>Live in [start, end), Ended after, Closed once settlement has issued every entry.</summary>
    public SaleStatus StatusAt(DateTime utcNow) => StoredStatus switch
    {
        SaleStatus.Scheduled when SettlementClosed && utcNow >= EndsAt => SaleStatus.Closed,
        SaleStatus.Scheduled when utcNow >= EndsAt => SaleStatus.Ended,
        SaleStatus.Scheduled when utcNow >= StartsAt => SaleStatus.Live,
        var stored => stored,
    };

    /// <summary>Scheduled, Live, Ended and Closed sales count for overlap, cooldown and slots.</summary>
    public bool CountsForConflicts => StoredStatus == SaleStatus.Scheduled;

    public void SetProduct(int productId, Money listPrice, Money salePrice, int stock)
    {
        RequireDraft("修改商品 change products");
        if (salePrice.Fen <= 0) throw new DomainException("售价须大于 0 · The sale price must be above zero");
        if (salePrice > listPrice) throw new DomainException($"售价 {salePrice} 高于标价 {listPrice} · The sale price {salePrice} is above the list price {listPrice}");
        if (stock <= 0) throw new DomainException("库存须大于 0 · Stock must be above zero");
        var existing = _products.FirstOrDefault(p => p.ProductId == productId);
        if (existing is null) _products.Add(new SaleProduct(productId, salePrice.Fen, stock));
        else existing.Change(salePrice.Fen, stock);
    }

    public void RemoveProduct(int productId)
    {
        RequireDraft("修改商品 change products");
        _products.RemoveAll(p => p.ProductId == productId);
    }

    public static void ValidateWindow(DateTime startsAt, DateTime endsAt)
    {
        var length = endsAt - startsAt;
        if (length < MinimumLength || length > MaximumLength)
            throw new DomainException("档期时长须为 1 小时到 7 天 · A sale lasts from 1 hour to 7 days");
    }

    /// <summary>Readiness and conflicts are checked by the scheduling service inside its transaction.</summary>
    public void Schedule(DateTime startsAt, DateTime endsAt, SaleKind kind, int shopkeeperCommissionBp, TermsSnapshot terms, DateTime now)
    {
        RequireDraft("排期 schedule");
        ValidateWindow(startsAt, endsAt);
        if (startsAt <= now) throw new DomainException("开始时间须在将来 · The sale must start in the future");
        if (shopkeeperCommissionBp is < 0 or > 5000) throw new DomainException("店主佣金率须为 0–5000 bp · The shopkeeper commission must be 0–5000 bp");
        if (_products.Count == 0) throw new DomainException("档期至少需要一个商品 · A sale needs at least one product");
        (StartsAt, EndsAt, Kind, ShopkeeperCommissionBp, Terms, ScheduledAt) = (startsAt, endsAt, kind, shopkeeperCommissionBp, terms, now);
        StoredStatus = SaleStatus.Scheduled;
    }

    public void Cancel(string reason, DateTime now)
    {
        var status = StatusAt(now);
        if (status is not (SaleStatus.Draft or SaleStatus.Scheduled))
            throw new DomainException($"只有草稿或已排期的档期可以取消 · Only a Draft or Scheduled sale can be cancelled (this one is {status})");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("取消需填写理由 · Cancelling needs a reason");
        CancelReason = reason.Trim();
        StoredStatus = SaleStatus.Cancelled;
    }

    /// <summary>A live sale's stock may change, nothing else.</summary>
    public void ChangeStock(int productId, int stock, DateTime now)
    {
        var status = StatusAt(now);
        if (status is not (SaleStatus.Draft or SaleStatus.Scheduled or SaleStatus.Live))
            throw new DomainException($"状态为 {status} 的档期不能改库存 · Stock of a {status} sale cannot change");
        if (stock < 0) throw new DomainException("库存不能为负 · Stock must not be negative");
        var line = _products.FirstOrDefault(p => p.ProductId == productId) ?? throw new DomainException("该商品不在档期中 · The product is not in this sale");
        line.Change(line.SalePriceFen, stock);
    }

    public void MarkSettlementClosed() => SettlementClosed = true;

    private void RequireDraft(string action)
    {
        if (StoredStatus != SaleStatus.Draft)
            throw new DomainException($"只有草稿档期可以{action.Split(' ')[0]} · Only a Draft sale can {string.Join(' ', action.Split(' ').Skip(1))} (this one is {StoredStatus})");
    }
}

public class SaleProduct
{
    public int SaleId { get; private set; }
    public int ProductId { get; private set; }
    public long SalePriceFen { get; private set; }
    public int Stock { get; private set; }

    protected SaleProduct() { }

    internal SaleProduct(int productId, long salePriceFen, int stock) => (ProductId, SalePriceFen, Stock) = (productId, salePriceFen, stock);

    internal void Change(long salePriceFen, int stock) => (SalePriceFen, Stock) = (salePriceFen, stock);
}
