using System.Globalization;
using BackOffice.Auth;
using BackOffice.Components.Shared;
using BackOffice.Domain.Common;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Sales;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace BackOffice.Components.Pages.Sales;

/// <summary>One sale: products, prices, terms and their source, the schedule form while Draft, cancel and stock for Selection, and real figures once open.</summary>
public partial class SalePage
{
    private readonly Dictionary<int, int> _stock = [];
    private SaleDetails? _sale;
    private SalePerformance? _performance;
    private List<BreadcrumbItem> _crumbs = [];
    private bool _canAct;
    private bool _loading = true;
    private bool _busy;
    private string? _error;

    [Inject] private SaleSchedulingService Sales { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter] public int Id { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _canAct = (await CurrentActor.GetAsync()).IsIn(Roles.Selection);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loading = _sale is null;
        _sale = await Sales.GetAsync(Id);
        _performance = _sale is null ? null : await Sales.PerformanceAsync(Id);
        _stock.Clear();
        _crumbs =
        [
            new(T["Calendar.Title"], "/sales/calendar"),
            new(T["List.Title"], "/sales"),
            new(_sale?.Code ?? Id.ToString(CultureInfo.InvariantCulture), null, disabled: true),
        ];
        _loading = false;
    }

    private int StockOf(SaleProductLine line) => _stock.TryGetValue(line.ProductId, out var typed) ? typed : line.Stock;

    private async Task SaveStockAsync(SaleProductLine line)
    {
        var stock = StockOf(line);
        await RunAsync(async () =>
        {
            await Sales.ChangeStockAsync(await CurrentActor.GetAsync(), Id, _sale!.Revision, line.ProductId, stock);
            Snackbar.Add(string.Format(CultureInfo.CurrentCulture, T["Stock.Saved"], line.SkuCode, stock), Severity.Success);
            var typed = new Dictionary<int, int>(_stock);
            typed.Remove(line.ProductId);
            await LoadAsync();
            // Other rows keep what the person typed but has not saved yet.
            foreach (var (product, value) in typed) _stock[product] = value;
        });
    }

    private async Task CancelAsync()
    {
        var reason = await ReasonDialog.AskAsync(Dialogs, T["Cancel.Title"], string.Format(CultureInfo.CurrentCulture, T["Cancel.Text"], _sale!.Code), Color.Error,
            confirmText: T["Cancel.Confirm"], reasonLabel: T["Cancel.Reason"]);
        if (reason is null) return;
        await RunAsync(async () =>
        {
            await Sales.CancelAsync(await CurrentActor.GetAsync(), Id, _sale!.Revision, reason);
            Snackbar.Add(string.Format(CultureInfo.CurrentCulture, T["Cancel.Done"], _sale.Code), Severity.Success);
            await LoadAsync();
        });
    }

    private async Task RunAsync(Func<Task> work)
    {
        _busy = true;
        _error = null;
        try { await work(); }
        catch (DomainException e) { _error = Bilingual.Pick(e.Message); }
        finally { _busy = false; }
    }
}
