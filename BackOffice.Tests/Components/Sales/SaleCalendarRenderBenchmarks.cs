using System.Diagnostics;
using System.Globalization;
using BackOffice.Components.Pages.Sales;
using BackOffice.Domain.Sales;
using BackOffice.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace BackOffice.Tests.Components.Sales;

/// <summary>
/// Render timing of the calendar with 2,000 sales in a month (CalendarBenchmarks' data), printed to the test
/// output and never asserted: only that everything was rendered.
/// </summary>
public sealed class SaleCalendarRenderBenchmarks : ComponentTestContext, IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(new DateTimeOffset(2026, 12, 10, 2, 0, 0, TimeSpan.Zero));
        await CalendarBenchmarks.SeedAsync(_database.Factory, CalendarBenchmarks.Month, CalendarBenchmarks.SalesInMonth, CancellationToken.None);
        Services.AddSingleton(_database.Get<SaleSchedulingService>());
        Services.AddSingleton<TimeProvider>(_database.Clock);
        SignInAs("analyst.sun", "孙丽 Sun Li", "Analyst");
    }

    public new async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        await base.DisposeAsync();
    }

    [Theory]
    [InlineData("month")]
    [InlineData("week")]
    public void Render_2000SalesInAMonth_PrintsTheTime(string view)
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo($"/sales/calendar?view={view}&date=2026-12-14");
        // A first render warms up the component types and the query, as the app would be after start-up.
        Render<SaleCalendar>().Dispose();

        var stopwatch = Stopwatch.StartNew();
        var calendar = Render<SaleCalendar>();
        calendar.WaitForAssertion(() => Assert.NotEmpty(calendar.FindAll("[data-testid='calendar-sale']")), TimeSpan.FromSeconds(30));
        stopwatch.Stop();

        var pills = calendar.FindAll("[data-testid='calendar-sale']").Count;
        var inView = calendar.Find("[data-testid='calendar-count']").TextContent;
        Xunit.TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"calendar {view} view: {inView.Trim()}, {pills:N0} pills, {calendar.Markup.Length / 1024:N0} KiB markup, query + render {stopwatch.Elapsed.TotalMilliseconds:0} ms"));
        if (view == "month") Assert.Contains("2000", inView);
    }
}
