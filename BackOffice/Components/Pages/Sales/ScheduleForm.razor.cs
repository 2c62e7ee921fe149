using System.Globalization;
using BackOffice.Auth;
using BackOffice.Components.Shared;
using BackOffice.Domain.Common;
using BackOffice.Domain.Sales;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace BackOffice.Components.Pages.Sales;

/// <summary>
/// Schedules a Draft: window in China time, kind, shopkeeper rate, and each product's sale price and stock.
/// Typed values are checked here for shape (yuan with two decimals, price ≤ list); the rules (readiness,
/// conflicts, terms) are the service's, checked again inside its transaction.
/// </summary>
public partial class ScheduleForm
{
    private readonly Dictionary<string, string> _fieldErrors = [];
    private FormModel _model = new();
    private Readiness? _readiness;
    private string? _error;
    private bool _busy;

    [Inject] private SaleSchedulingService Sales { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Parameter, EditorRequired] public SaleDetails Sale { get; set; } = default!;
    [Parameter] public EventCallback OnScheduled { get; set; }

    protected override void OnInitialized()
    {
        var tomorrow = ChinaTime.Today(Clock).AddDays(1);
        _model = new FormModel
        {
            StartDate = tomorrow.ToDateTime(TimeOnly.MinValue),
            StartTime = new TimeSpan(10, 0, 0),
            EndDate = tomorrow.AddDays(1).ToDateTime(TimeOnly.MinValue),
            EndTime = new TimeSpan(10, 0, 0),
            Kind = SaleKind.Flash,
            CommissionPercent = Sale.ShopkeeperCommissionBp > 0 ? SaleDisplay.Percent(Sale.ShopkeeperCommissionBp).TrimEnd('%') : "10",
            Lines = Sale.Products.Select(p => new LineModel
            {
                ProductId = p.ProductId, SkuCode = p.SkuCode, Name = p.Name, ListPrice = p.ListPrice, Selectable = p.Selectable,
                SalePriceText = p.SalePrice.ToYuanString(), Stock = p.Stock,
            }).ToList(),
        };
    }

    private async Task CheckAsync()
    {
        if (Build() is not { } request) return;
        await RunAsync(async () => _readiness = await Sales.CheckAsync(Sale.Id, request));
    }

    private async Task SubmitAsync()
    {
        if (Build() is not { } request) return;
        await RunAsync(async () =>
        {
            _readiness = await Sales.CheckAsync(Sale.Id, request);
            if (!_readiness.IsReady)
            {
                _error = T["Schedule.NotReady"];
                return;
            }
            var confirmed = await Dialogs.ShowMessageBoxAsync(T["Schedule.ConfirmTitle"],
                string.Format(CultureInfo.CurrentCulture, T["Schedule.ConfirmText"], Sale.Code, ChinaTime.Format(request.StartsAt), ChinaTime.Format(request.EndsAt)),
                yesText: T["Schedule.Submit"], cancelText: L["Common.Cancel"]);
            if (confirmed != true) return;
            await Sales.ScheduleAsync(await CurrentActor.GetAsync(), Sale.Id, Sale.Revision, request);
            Snackbar.Add(string.Format(CultureInfo.CurrentCulture, T["Schedule.Done"], Sale.Code), Severity.Success);
            await OnScheduled.InvokeAsync();
        });
    }

    private async Task UseStartAsync(DateTime next)
    {
        if (Build() is not { } request) return;
        var length = request.EndsAt - request.StartsAt;
        var start = ChinaTime.ToChina(next);
        var end = ChinaTime.ToChina(next + length);
        (_model.StartDate, _model.StartTime, _model.EndDate, _model.EndTime) = (start.Date, start.TimeOfDay, end.Date, end.TimeOfDay);
        await CheckAsync();
    }

    /// <summary>Everything the person typed, kept as typed when something is wrong; null (with field messages) if it cannot be read.</summary>
    private ScheduleRequest? Build()
    {
        _fieldErrors.Clear();
        _error = null;
        if (_model.StartDate is null || _model.StartTime is null || _model.EndDate is null || _model.EndTime is null)
        {
            _error = T["Schedule.WindowRequired"];
            return null;
        }
        var start = ChinaTime.ToUtc(DateOnly.FromDateTime(_model.StartDate.Value), TimeOnly.FromTimeSpan(_model.StartTime.Value));
        var end = ChinaTime.ToUtc(DateOnly.FromDateTime(_model.EndDate.Value), TimeOnly.FromTimeSpan(_model.EndTime.Value));
        int commissionBp = 0;
        try
        {
            var text = (_model.CommissionPercent ?? "").Trim().TrimEnd('%');
            if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent))
                _fieldErrors["commission"] = T["Schedule.CommissionInvalid"];
            else commissionBp = BasisPoints.FromPercent(percent).Value;
        }
        catch (DomainException e) { _fieldErrors["commission"] = Bilingual.Pick(e.Message); }
        var products = new List<ProductTerms>();
        foreach (var line in _model.Lines)
        {
            var key = "price-" + line.ProductId;
            if (!Money.TryParseYuan(line.SalePriceText, out var price, out var error)) _fieldErrors[key] = Bilingual.Pick(error);
            else if (price.Fen <= 0) _fieldErrors[key] = T["Schedule.PricePositive"];
            else if (price > line.ListPrice) _fieldErrors[key] = string.Format(CultureInfo.CurrentCulture, T["Schedule.PriceAboveList"], price, line.ListPrice);
            if (line.Stock <= 0) _fieldErrors["stock-" + line.ProductId] = T["Schedule.StockPositive"];
            products.Add(new ProductTerms(line.ProductId, price.Fen, line.Stock));
        }
        if (_fieldErrors.Count > 0)
        {
            _error = T["Schedule.FixFields"];
            return null;
        }
        return new ScheduleRequest(start, end, _model.Kind, commissionBp, products);
    }

    private async Task RunAsync(Func<Task> work)
    {
        _busy = true;
        _error = null;
        try { await work(); }
        catch (DomainException e) { _error = Bilingual.Pick(e.Message); }
        finally { _busy = false; }
    }

    private string Discount(LineModel line) =>
        Money.TryParseYuan(line.SalePriceText, out var price, out _) && price.Fen > 0 && price <= line.ListPrice
            ? string.Format(CultureInfo.CurrentCulture, T["Schedule.DiscountOff"], SaleDisplay.Percent(SaleProductLine.DiscountBp(line.ListPrice.Fen, price.Fen)))
            : "—";

    private sealed class FormModel
    {
        public DateTime? StartDate { get; set; }
        public TimeSpan? StartTime { get; set; }
        public DateTime? EndDate { get; set; }
        public TimeSpan? EndTime { get; set; }
        public SaleKind Kind { get; set; }
        public string? CommissionPercent { get; set; }
        public List<LineModel> Lines { get; set; } = [];
    }

    private sealed class LineModel
    {
        public int ProductId { get; init; }
        public string SkuCode { get; init; } = "";
        public string Name { get; init; } = "";
        public Money ListPrice { get; init; }
        public bool Selectable { get; init; }
        public string? SalePriceText { get; set; }
        public int Stock { get; set; }
    }
}
