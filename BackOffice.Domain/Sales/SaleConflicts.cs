using System.Globalization;
using BackOffice.Domain.Common;

namespace BackOffice.Domain.Sales;

public enum ConflictKind { Overlap, Cooldown, DailySlots }

/// <summary>One reason a start is not free, naming the sale or the China day that blocks it.</summary>
public sealed record SaleConflict(ConflictKind Kind, string Message, int? OtherSaleId, string? OtherSaleCode, DateOnly? Day);

/// <summary>A sale that counts for conflicts (Scheduled, Live, Ended or Closed), as the rules need it.</summary>
public sealed record CountedSale(int Id, string Code, int BrandId, string Category, DateTime StartsAt, DateTime EndsAt);

/// <summary>
/// DESIGN.md's scheduling rules over the counted sales: no overlap for a brand (half-open intervals),
/// the brand's cooldown between one end and the next start, and the daily slots per category counted
/// on the China calendar day of the start.
/// </summary>
public sealed class SaleConflicts(SchedulingOptions options, IReadOnlyCollection<CountedSale> brandSales, IReadOnlyCollection<CountedSale> categorySales)
{
    private const int MaxSearchSteps = 1000;

    public IReadOnlyList<SaleConflict> For(DateTime startsAt, DateTime endsAt)
    {
        var conflicts = new List<SaleConflict>();
        var cooldown = options.BrandCooldown;
        foreach (var other in brandSales.OrderBy(s => s.StartsAt))
        {
            if (startsAt < other.EndsAt && other.StartsAt < endsAt)
            {
                conflicts.Add(new SaleConflict(ConflictKind.Overlap,
                    $"与同品牌档期 {other.Code}（{ChinaTime.Format(other.StartsAt)} – {ChinaTime.Format(other.EndsAt)}）时间重叠 · Overlaps {other.Code} of the same brand ({ChinaTime.Format(other.StartsAt)} – {ChinaTime.Format(other.EndsAt)})",
                    other.Id, other.Code, null));
            }
            else if (startsAt < other.EndsAt + cooldown && other.StartsAt < endsAt + cooldown)
            {
                var hours = options.BrandCooldownHours.ToString(CultureInfo.InvariantCulture);
                conflicts.Add(new SaleConflict(ConflictKind.Cooldown,
                    $"品牌须在档期 {other.Code}（{ChinaTime.Format(other.StartsAt)} – {ChinaTime.Format(other.EndsAt)}）前后间隔 {hours} 小时 · The brand rests {hours} h around {other.Code} ({ChinaTime.Format(other.StartsAt)} – {ChinaTime.Format(other.EndsAt)})",
                    other.Id, other.Code, null));
            }
        }
        var day = ChinaTime.DateOf(startsAt);
        var taken = SlotsTaken(day);
        if (taken >= options.DailySlotsPerCategory)
        {
            var text = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            conflicts.Add(new SaleConflict(ConflictKind.DailySlots,
                $"{text}（北京时间）该类目已有 {taken} 个档期开场，每日上限 {options.DailySlotsPerCategory} · {taken} sales of this category already start on {text} (China time); the daily limit is {options.DailySlotsPerCategory}",
                null, null, day));
        }
        return conflicts;
    }

    public int SlotsTaken(DateOnly chinaDay)
    {
        var from = ChinaTime.StartOfDayUtc(chinaDay);
        var to = ChinaTime.StartOfDayUtc(chinaDay.AddDays(1));
        return categorySales.Count(s => s.StartsAt >= from && s.StartsAt < to);
    }

    /// <summary>
    /// The earliest start at or after the requested one, keeping the length, that breaks no rule:
    /// past the blocking sale's end plus the cooldown, or the same China time on the next day with a free slot.
    /// </summary>
    public DateTime? NextFreeStart(DateTime startsAt, DateTime endsAt)
    {
        var length = endsAt - startsAt;
        var candidate = startsAt;
        for (var step = 0; step < MaxSearchSteps; step++)
        {
            var conflicts = For(candidate, candidate + length);
            if (conflicts.Count == 0) return candidate;
            var next = candidate;
            foreach (var conflict in conflicts)
            {
                var pushed = conflict.Kind == ConflictKind.DailySlots
                    ? candidate.AddDays(1)
                    : brandSales.First(s => s.Id == conflict.OtherSaleId).EndsAt + options.BrandCooldown;
                if (pushed > next) next = pushed;
            }
            candidate = next;
        }
        return null;
    }
}
