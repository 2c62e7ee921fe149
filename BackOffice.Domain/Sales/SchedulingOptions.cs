using BackOffice.Domain.Common;

namespace BackOffice.Domain.Sales;

/// <summary>Configuration section "Scheduling": the brand's rest between sales and the daily slots per category.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    public int BrandCooldownHours { get; set; } = 72;
    public int DailySlotsPerCategory { get; set; } = 12;

    public TimeSpan BrandCooldown => TimeSpan.FromHours(BrandCooldownHours);

    public SchedulingOptions Validated()
    {
        if (BrandCooldownHours < 0) throw new InvalidOperationException("Scheduling:BrandCooldownHours must be 0 or more.");
        if (DailySlotsPerCategory < 1) throw new InvalidOperationException("Scheduling:DailySlotsPerCategory must be 1 or more.");
        return this;
    }
}
