using BackOffice.Components.Shared;
using BackOffice.Domain.Brands;
using BackOffice.Domain.Sales;
using MudBlazor;

namespace BackOffice.Components.Pages.Sales;

/// <summary>How sales look everywhere: category names and colours, status colours.</summary>
public static class SaleDisplay
{
    public static string CategoryName(string code) =>
        Categories.All.FirstOrDefault(c => c.Code == code) is { } c ? Bilingual.Pick(c.NameZh, c.NameEn) : code;

    public static string CategoryColour(string code) =>
        Categories.All.FirstOrDefault(c => c.Code == code)?.Colour ?? "#9e9e9e";

    public static Color StatusColor(SaleStatus status) => status switch
    {
        SaleStatus.Draft => Color.Default,
        SaleStatus.Scheduled => Color.Info,
        SaleStatus.Live => Color.Success,
        SaleStatus.Ended => Color.Secondary,
        SaleStatus.Closed => Color.Dark,
        _ => Color.Error,
    };

    /// <summary>Category colour for the pill; the status decides fill (live), outline (scheduled), faded (ended) or struck (cancelled).</summary>
    public static string PillStyle(string category, SaleStatus status)
    {
        var colour = CategoryColour(category);
        return status switch
        {
            SaleStatus.Live => $"background:{colour};color:#fff;border-color:{colour}",
            SaleStatus.Scheduled => $"background:{colour}1f;border-color:{colour}",
            SaleStatus.Cancelled => $"background:transparent;border-color:{colour}66;text-decoration:line-through;opacity:.6",
            _ => $"background:#f5f5f5;border-color:{colour}99;color:#616161",
        };
    }

    public static string Percent(int bp) => (bp / 100m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
