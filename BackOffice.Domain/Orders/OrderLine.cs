using BackOffice.Domain.Common;

namespace BackOffice.Domain.Orders;

/// <summary>
/// 订单行 from the trading system. Identity fields never change; shipment is set once; the
/// cumulative refund only grows. Brand and category are copied in so metrics need no joins.
/// </summary>
public class OrderLine
{
    public const int ExternalIdMaxLength = 64;

    public long Id { get; private set; }
    public string ExternalId { get; private set; } = "";
    public string OrderId { get; private set; } = "";
    public int SaleId { get; private set; }
    public int ProductId { get; private set; }
    public int BrandId { get; private set; }
    public string Category { get; private set; } = "";
    public int ShopkeeperId { get; private set; }
    public int Quantity { get; private set; }
    public long PaidFen { get; private set; }
    public long ShopkeeperCommissionFen { get; private set; }
    public DateTime OrderedAt { get; private set; }
    public DateOnly OrderedOn { get; private set; }
    public DateTime? ShippedAt { get; private set; }
    public long RefundFen { get; private set; }
    public DateTime? RefundedAt { get; private set; }

    protected OrderLine() { }

    public OrderLine(string externalId, string orderId, int saleId, int productId, int brandId, string category, int shopkeeperId,
        int quantity, long paidFen, long shopkeeperCommissionFen, DateTime orderedAt)
    {
        if (quantity <= 0) throw new DomainException("数量须大于 0 · quantity must be above zero");
        if (paidFen < 0) throw new DomainException("实付金额不能为负 · paid_fen must not be negative");
        (ExternalId, OrderId, SaleId, ProductId, BrandId, Category, ShopkeeperId, Quantity, PaidFen, ShopkeeperCommissionFen) =
            (externalId, orderId, saleId, productId, brandId, category, shopkeeperId, quantity, paidFen, shopkeeperCommissionFen);
        OrderedAt = ChinaTime.AsUtc(orderedAt);
        OrderedOn = ChinaTime.DateOf(OrderedAt);
    }

    public void Ship(DateTime shippedAt)
    {
        if (ShippedAt is { } existing && existing != ChinaTime.AsUtc(shippedAt))
            throw new DomainException("发货时间只能设置一次 · shipped_at may be set only once");
        ShippedAt = ChinaTime.AsUtc(shippedAt);
    }

    public void Refund(long cumulativeRefundFen, DateTime refundedAt)
    {
        if (cumulativeRefundFen < RefundFen) throw new DomainException($"累计退款只能增加（{RefundFen} → {cumulativeRefundFen}） · refund_fen only grows");
        if (cumulativeRefundFen > PaidFen) throw new DomainException("退款不能超过实付 · refund_fen must not exceed paid_fen");
        RefundFen = cumulativeRefundFen;
        RefundedAt = ChinaTime.AsUtc(refundedAt);
    }
}
