using System.Globalization;
using BackOffice.Auth;
using BackOffice.Components.Shared;
using BackOffice.Domain.Agreements;
using BackOffice.Domain.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace BackOffice.Components.Pages.Agreements;

public partial class AgreementDetail
{
    [Parameter] public int Id { get; set; }

    [Inject] private AgreementService Agreements { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IStringLocalizer<AgreementsText> T { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    private AgreementDetails? _details;
    private Actor? _actor;
    private bool _notFound;
    private bool _busy;
    private string? _error;
    private bool _conflict;
    private bool _editing;
    private AgreementFormModel? _form;
    private AgreementForm? _formView;
    private string? _formError;
    private IReadOnlyList<SupplierOption> _suppliers = [];
    private List<BreadcrumbItem> _crumbs = [];
    private List<ChartSeries<double>> _series = [];
    private string[] _labels = [];
    private LineChartOptions _chartOptions = new();

    private bool IsAuthor => _details is not null && _actor is not null && _details.AuthorId == _actor.UserId;

    protected override async Task OnParametersSetAsync()
    {
        _actor = await CurrentActor.GetAsync();
        _editing = false;
        _error = null;
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _conflict = false;
        _error = null;
        _details = await Agreements.GetAsync(Id);
        _notFound = _details is null;
        _crumbs = [new(T["Portfolio.Title"], "/agreements"), new(_details?.Code ?? Id.ToString(CultureInfo.InvariantCulture), null, disabled: true)];
        if (_details is not null) BuildChart(_details);
    }

    private void BuildChart(AgreementDetails d)
    {
        _labels = d.Chart.Select(p => p.Until.ToString("MM-dd", CultureInfo.InvariantCulture)).ToArray();
        _series =
        [
            new() { Name = T["Chart.Actual"], Data = new ChartData<double>(d.Chart.Select(p => p.CumulativeNetGmvFen is { } fen ? fen / 100.0 : (double?)null).ToList()) },
            new() { Name = T["Chart.Pace"], Data = new ChartData<double>(d.Chart.Select(p => (double?)(p.PaceFen / 100.0)).ToList()) },
        ];
        _chartOptions = new LineChartOptions
        {
            YAxisToStringFunc = v => "¥" + v.ToString("#,##0", CultureInfo.InvariantCulture),
            ShowDataMarkers = true,
            YAxisRequireZeroPoint = true,
        };
    }

    private string ProgressCaption
    {
        get
        {
            var p = _details!.Progress;
            return p.MeasuredTo is { } to
                ? string.Format(CultureInfo.CurrentCulture, T["Detail.ProgressCaption"], AgreementUi.Date(_details.Terms.TermStart), AgreementUi.Date(to), p.ElapsedDays, p.TermDays)
                : T["Detail.NotStarted"];
        }
    }

    private string TierText => _details!.Progress.TierReached is { } tier
        ? $"{new Money(tier.ThresholdFen)} (−{tier.ReductionBp} bp)"
        : T["NoTier"];

    private string ActionName(string action) => T["Audit." + action] is { ResourceNotFound: false } text ? text : action;

    private async Task StartEditingAsync()
    {
        if (_suppliers.Count == 0) _suppliers = await Agreements.SuppliersAsync();
        _form = AgreementFormModel.From(_details!);
        _formError = null;
        _editing = true;
    }

    private async Task SaveEditAsync(AgreementDraft draft)
    {
        _formError = null;
        _busy = true;
        try
        {
            await Agreements.EditDraftAsync(await CurrentActor.GetAsync(), Id, _details!.Revision, draft);
            if (_formView is not null) await _formView.ClearDraftAsync();
            Snackbar.Add(L["Common.Saved"], Severity.Success);
            _editing = false;
            await ReloadAsync();
        }
        catch (DomainException ex)
        {
            // The form keeps everything typed; a conflict says so and the user decides when to reload.
            _formError = Bilingual.Pick(ex.Message);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task CancelEditAsync()
    {
        if (_formView is not null) await _formView.ClearDraftAsync();
        _editing = false;
    }

    private async Task SubmitAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(T["Action.Submit"], T["Confirm.Submit"], yesText: T["Action.Submit"], cancelText: L["Common.Cancel"]);
        if (confirmed == true) await RunAsync(actor => Agreements.SubmitAsync(actor, Id, _details!.Revision), T["Done.Submitted"]);
    }

    private async Task SignAsync()
    {
        var parameters = new DialogParameters<SignDialog>
        {
            { x => x.Today, ChinaTime.Today(Clock).ToDateTime(TimeOnly.MinValue) },
            { x => x.DocumentReference, _details!.DocumentReference },
        };
        var dialog = await Dialogs.ShowAsync<SignDialog>(T["Action.Sign"], parameters);
        if (await dialog.Result is { Canceled: false, Data: AgreementSigning signing })
            await RunAsync(actor => Agreements.SignAsync(actor, Id, _details!.Revision, signing), T["Done.Signed"]);
    }

    private async Task ReturnAsync()
    {
        if (await AskReasonAsync(T["Action.Return"], T["Confirm.Return"], Color.Primary) is { } reason)
            await RunAsync(actor => Agreements.ReturnToDraftAsync(actor, Id, _details!.Revision, reason), T["Done.Returned"]);
    }

    private async Task TerminateAsync()
    {
        if (await AskReasonAsync(T["Action.Terminate"], T["Confirm.Terminate"], Color.Error) is { } reason)
            await RunAsync(actor => Agreements.TerminateAsync(actor, Id, _details!.Revision, reason), T["Done.Terminated"]);
    }

    private async Task RenewAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(T["Action.Renew"], T["Confirm.Renew"], yesText: T["Action.Renew"], cancelText: L["Common.Cancel"]);
        if (confirmed != true) return;
        _busy = true;
        _error = null;
        try
        {
            var renewalId = await Agreements.RenewAsync(await CurrentActor.GetAsync(), Id);
            Snackbar.Add(T["Done.Renewed"], Severity.Success);
            Navigation.NavigateTo($"/agreements/{renewalId}");
        }
        catch (DomainException ex) { ShowError(ex); }
        finally { _busy = false; }
    }

    private Task<string?> AskReasonAsync(string title, string message, Color colour) =>
        ReasonDialog.AskAsync(Dialogs, title, message, colour, confirmText: title);

    private async Task RunAsync(Func<Actor, Task> action, string done)
    {
        _busy = true;
        _error = null;
        try
        {
            await action(await CurrentActor.GetAsync());
            Snackbar.Add(done, Severity.Success);
            await ReloadAsync();
        }
        catch (DomainException ex) { ShowError(ex); }
        finally { _busy = false; }
    }

    private void ShowError(DomainException ex)
    {
        _conflict = ex is ConcurrencyConflictException;
        _error = Bilingual.Pick(ex.Message);
    }
}
