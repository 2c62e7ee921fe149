using BackOffice.Domain.Common;
using BackOffice.Domain.Sales;

namespace BackOffice.Domain.Settlement;

/// <summary>A line as the run sees it, with what the ledger already holds for it (null: nothing booked yet).</summary>
public sealed record LineState(
    long OrderLineId, int SaleId, long PaidFen, DateTime? ShippedAt, long RefundFen, DateTime? RefundedAt,
    long? BookedShippedFen, long BookedRefundFen);

/// <summary>An entry to book: the difference between a line's entitlements and its ledger.</summary>
public sealed record EntryDraft(EntryKind Kind, long AmountFen, long BasisFen, DateOnly DueDate);

/// <summary>The ledger state after booking the drafts.</summary>
public sealed record LineBooking(IReadOnlyList<EntryDraft> Entries, long ShippedFen, long RefundBookedFen);

/// <summary>
/// DESIGN.md "Settlement", per line. The line keeps only its cumulative refund and the date of the latest
/// refund, so the split into f_before and f_after is fixed by the ledger:
/// <list type="bullet">
/// <item>When the shipment is first booked, f_before is the cumulative refund if the latest refund is at or
/// before the shipment instant (all of it was known before shipping), else 0. s = g − f_before is then kept
/// with the line's ledger (<see cref="LineSettlement.ShippedFen"/>) and never recomputed.</item>
/// <item>After that, f_after = f − (g − s): every later growth of the refund is after shipment and clawed back,
/// dated on the latest refund's China date; a run books E(f_after now) − E(f_after booked) with
/// E(x) = x − round(x × r / 10000), so the clawbacks of a line always sum to E(f_after), whatever the steps.</item>
/// <item>A refund dated after the run's "through" date is not known yet: it waits for a later run.</item>
/// </list>
/// </summary>
public static class Entitlements
{
    public static LineBooking Book(LineState line, TermsSnapshot terms, DateTime throughEndUtc)
    {
        var entries = new List<EntryDraft>(3);
        if (line.ShippedAt is not { } shippedAt || shippedAt >= throughEndUtc)
            return new LineBooking(entries, line.BookedShippedFen ?? 0, line.BookedRefundFen);

        var refundKnown = line.RefundFen > 0 && line.RefundedAt is { } at && at < throughEndUtc;
        long shipped;
        long refundBooked;
        if (line.BookedShippedFen is { } booked)
        {
            shipped = booked;
            refundBooked = line.BookedRefundFen;
        }
        else
        {
            var before = refundKnown && line.RefundedAt <= shippedAt ? line.RefundFen : 0;
            shipped = line.PaidFen - before;
            refundBooked = before;
            if (shipped > 0)
            {
                var shipDate = ChinaTime.DateOf(shippedAt);
                var commission = Money.RoundDiv(checked(shipped * terms.CommissionBp), 10_000);
                var net = shipped - commission;
                var advance = Money.RoundDiv(checked(net * terms.AdvancePercent), 100);
                var balance = net - advance;
                if (advance != 0) entries.Add(new EntryDraft(EntryKind.Advance, advance, shipped, shipDate.AddDays(terms.AdvanceDays)));
                if (balance != 0) entries.Add(new EntryDraft(EntryKind.Balance, balance, shipped, shipDate.AddDays(terms.BalanceDays)));
            }
        }

        if (refundKnown && line.RefundFen > refundBooked)
        {
            var before = line.PaidFen - shipped;
            var afterBooked = refundBooked - before;
            var afterNow = line.RefundFen - before;
            var amount = ClawbackOf(afterNow, terms.CommissionBp) - ClawbackOf(afterBooked, terms.CommissionBp);
            if (amount != 0) entries.Add(new EntryDraft(EntryKind.Clawback, -amount, afterNow, ChinaTime.DateOf(line.RefundedAt!.Value)));
            refundBooked = line.RefundFen;
        }

        return new LineBooking(entries, shipped, refundBooked);
    }

    /// <summary>f_after − round(f_after × r / 10000): the supplier's share of a refund after shipment.</summary>
    public static long ClawbackOf(long refundAfterFen, int commissionBp) =>
        refundAfterFen - Money.RoundDiv(checked(refundAfterFen * commissionBp), 10_000);
}
