namespace BackOffice.Domain.Settlement;

public enum EntryKind
{
    Advance,
    Balance,
    Clawback,
    Adjustment,
}

/// <summary>
/// One line of the supplier ledger. Append-only: amounts, dates and months never change; the only
/// later write is the statement that issued it. Clawbacks are negative, adjustments carry their sign.
/// </summary>
public class SettlementEntry
{
    public long Id { get; private set; }
    public int SupplierId { get; private set; }
    public EntryKind Kind { get; private set; }
    public long? OrderLineId { get; private set; }
    public int? AdjustmentId { get; private set; }
    public int? SaleId { get; private set; }
    public long AmountFen { get; private set; }

    /// <summary>What the amount was computed from: the shipped amount s, or the cumulative refund after shipment.</summary>
    public long BasisFen { get; private set; }
    public DateOnly DueDate { get; private set; }

    /// <summary>yyyyMM of the statement month the entry belongs to.</summary>
    public int BookedMonth { get; private set; }
    public DateTime BookedAt { get; private set; }
    public int? StatementId { get; private set; }

    protected SettlementEntry() { }

    public SettlementEntry(int supplierId, EntryKind kind, long? orderLineId, int? adjustmentId, int? saleId, long amountFen, long basisFen,
        DateOnly dueDate, int bookedMonth, DateTime bookedAt)
    {
        (SupplierId, Kind, OrderLineId, AdjustmentId, SaleId, AmountFen, BasisFen, DueDate, BookedMonth, BookedAt) =
            (supplierId, kind, orderLineId, adjustmentId, saleId, amountFen, basisFen, dueDate, bookedMonth, bookedAt);
    }
}

/// <summary>
/// What the ledger holds for one order line, kept in the same transaction as its entries so a run finds
/// changed lines by a key join instead of summing millions of entries. ShippedFen is s (fixed at the
/// shipment booking); RefundBookedFen is the cumulative refund the ledger accounts for (f_before + f_after).
/// </summary>
public class LineSettlement
{
    public long OrderLineId { get; private set; }
    public int SupplierId { get; private set; }
    public long ShippedFen { get; private set; }
    public long RefundBookedFen { get; private set; }

    protected LineSettlement() { }

    public LineSettlement(long orderLineId, int supplierId, long shippedFen, long refundBookedFen) =>
        (OrderLineId, SupplierId, ShippedFen, RefundBookedFen) = (orderLineId, supplierId, shippedFen, refundBookedFen);
}
