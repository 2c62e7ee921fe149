using System.Globalization;
using BackOffice.Components.Shared;
using BackOffice.Domain.Common;
using BackOffice.Domain.Sales;
using Microsoft.AspNetCore.Components;

namespace BackOffice.Components.Pages.Sales;

/// <summary>
/// Month and week views of the sales, built from MudBlazor primitives and plain markup (a few thousand
/// pills must stay cheap to render). Days are China calendar days; a month cell lists the sales starting
/// that day (the day their slot counts on), a week column every sale running that day.
/// </summary>
public partial class SaleCalendar
{
    private const int MonthCellLimit = 5;

    private IReadOnlyList<CalendarSale> _sales = [];
    private ILookup<DateOnly, CalendarSale> _byStartDay = Enumerable.Empty<CalendarSale>().ToLookup(s => default(DateOnly));
    private DateOnly _anchor;
    private DateOnly _today;
    private bool _loading = true;

    private SaleKind? Kind { get; set; }

    [Inject] private SaleSchedulingService Sales { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "view")] public string? View { get; set; }
    [SupplyParameterFromQuery(Name = "date")] public string? Date { get; set; }
    [SupplyParameterFromQuery(Name = "category")] public string? Category { get; set; }
    [SupplyParameterFromQuery(Name = "brand")] public string? Brand { get; set; }
    [SupplyParameterFromQuery(Name = "kind")] public string? KindText { get; set; }
    [SupplyParameterFromQuery(Name = "cancelled")] public bool IncludeCancelled { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _today = ChinaTime.Today(Clock);
        View = View == "week" ? "week" : "month";
        Kind = Enum.TryParse<SaleKind>(KindText, out var kind) ? kind : null;
        _anchor = DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : _today;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loading = true;
        var days = Days().ToList();
        var from = ChinaTime.StartOfDayUtc(days[0]);
        var to = ChinaTime.StartOfDayUtc(days[^1].AddDays(1));
        _sales = await Sales.CalendarAsync(new CalendarQuery(from, to, Category, Brand, Kind, IncludeCancelled));
        _byStartDay = _sales.ToLookup(s => ChinaTime.DateOf(s.StartsAt));
        _loading = false;
    }

    /// <summary>The days shown: the weeks (Monday first) covering the month, or the anchor's week.</summary>
    private IEnumerable<DateOnly> Days()
    {
        var first = View == "week" ? _anchor : new DateOnly(_anchor.Year, _anchor.Month, 1);
        var start = first.AddDays(-(((int)first.DayOfWeek + 6) % 7));
        var last = View == "week" ? start.AddDays(6) : new DateOnly(_anchor.Year, _anchor.Month, 1).AddMonths(1).AddDays(-1);
        for (var day = start; day <= last || ((int)day.DayOfWeek + 6) % 7 != 0; day = day.AddDays(1)) yield return day;
    }

    private IReadOnlyList<CalendarSale> StartingOn(DateOnly day) => _byStartDay[day].ToList();

    private List<CalendarSale> ActiveOn(DateOnly day)
    {
        var from = ChinaTime.StartOfDayUtc(day);
        var to = ChinaTime.StartOfDayUtc(day.AddDays(1));
        return _sales.Where(s => s.StartsAt < to && s.EndsAt > from).ToList();
    }

    private string RangeTitle => View == "week"
        ? $"{Days().First():yyyy-MM-dd} – {Days().Last():yyyy-MM-dd}"
        : Bilingual.IsEnglish ? _anchor.ToString("MMMM yyyy", CultureInfo.InvariantCulture) : $"{_anchor.Year}年{_anchor.Month}月";

    private IEnumerable<string> WeekdayNames() => Enumerable.Range(0, 7).Select(i => T["Calendar.Weekday" + i].Value);

    private string DayHeader(DateOnly day) => $"{WeekdayNames().ElementAt(((int)day.DayOfWeek + 6) % 7)} {day:MM-dd}";

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string Tooltip(CalendarSale sale) =>
        $"{sale.Code} {sale.Title} · {SaleDisplay.CategoryName(sale.Category)} · {T["Kind." + sale.Kind]} · {ChinaTime.Format(sale.StartsAt)} – {ChinaTime.Format(sale.EndsAt)} · {T["Status." + sale.Status]}";

    private Task PreviousAsync() => GoAsync(View == "week" ? _anchor.AddDays(-7) : _anchor.AddMonths(-1), View!);
    private Task NextAsync() => GoAsync(View == "week" ? _anchor.AddDays(7) : _anchor.AddMonths(1), View!);
    private Task TodayAsync() => GoAsync(_today, View!);
    private Task OpenWeekAsync(DateOnly day) => GoAsync(day, "week");
    private Task OnViewChanged(string view) => GoAsync(_anchor, view);

    private Task OnCategoryChanged(string? value) { Category = value; return NavigateAsync(); }
    private Task OnBrandChanged(string? value) { Brand = value; return NavigateAsync(); }
    private Task OnKindChanged(SaleKind? value) { Kind = value; return NavigateAsync(); }
    private Task OnCancelledChanged(bool value) { IncludeCancelled = value; return NavigateAsync(); }

    private Task GoAsync(DateOnly anchor, string view)
    {
        _anchor = anchor;
        View = view;
        return NavigateAsync();
    }

    /// <summary>The view lives in the address, so it can be bookmarked and the back button works.</summary>
    private Task NavigateAsync()
    {
        var uri = Navigation.GetUriWithQueryParameters("/sales/calendar", new Dictionary<string, object?>
        {
            ["view"] = View,
            ["date"] = Iso(_anchor),
            ["category"] = string.IsNullOrEmpty(Category) ? null : Category,
            ["brand"] = string.IsNullOrWhiteSpace(Brand) ? null : Brand.Trim(),
            ["kind"] = Kind?.ToString(),
            ["cancelled"] = IncludeCancelled ? true : null,
        });
        Navigation.NavigateTo(uri);
        return Task.CompletedTask;
    }
}
