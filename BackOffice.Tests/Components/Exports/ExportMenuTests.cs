using BackOffice.Components.Shared;
using BackOffice.Domain.Exports;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Suppliers;
using BackOffice.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Tests.Components.Exports;

public sealed class ExportMenuTests : IAsyncLifetime
{
    private TestDatabase _server = null!;

    public async ValueTask InitializeAsync()
    {
        // The "server": the database, the export service and its background worker, which outlive any page.
        _server = await TestDatabase.CreateAsync();
        await using var db = _server.NewContext();
        db.Suppliers.Add(new Supplier("SUP-000001", "杭州织梦服饰有限公司", UnifiedSocialCreditCode.Parse("91350100M000100Y43"), "王", "", BankAccount.None, DateTime.UtcNow));
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Queue_ThenPageClosed_ExportStillFinishesAndIsListedForItsOwner()
    {
        var page = new PageUnderTest(_server.Get<ExportService>());
        page.SignInAs("analyst.sun", "孙丽 Sun Li", Roles.Analyst);
        var menu = page.Render(builder =>
        {
            builder.OpenComponent<MudBlazor.MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudBlazor.MudSnackbarProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<ExportMenu>(2);
            builder.AddAttribute(3, nameof(ExportMenu.ReportId), SupplierListExport.ReportId);
            builder.CloseComponent();
        });
        await menu.Find("button").ClickAsync(new());
        await menu.WaitForElement("[data-testid='export-xlsx']").ClickAsync(new());
        menu.WaitForAssertion(() => Assert.Contains("已加入后台导出", menu.Markup, StringComparison.Ordinal));

        // The person closes the page before the file is built.
        await page.DisposeAsync();

        var worker = _server.Get<ExportWorker>();
        using var stop = new CancellationTokenSource();
        await worker.StartAsync(stop.Token);
        var job = await WaitForFinishedAsync();
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(ExportStatus.Succeeded, job.Status);
        Assert.Equal("analyst.sun", job.OwnerId);
        var listed = Assert.Single(await _server.Get<ExportService>().MineAsync(new("analyst.sun", "孙丽", new HashSet<string> { Roles.Analyst })));
        Assert.Equal(job.Id, listed.Id);
    }

    private async Task<ExportJob> WaitForFinishedAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = _server.NewContext();
            var job = await db.ExportJobs.AsNoTracking().SingleOrDefaultAsync();
            if (job is { IsFinished: true } || DateTime.UtcNow > deadline) return job ?? throw new InvalidOperationException("No export was queued.");
            await Task.Delay(50);
        }
    }

    private sealed class PageUnderTest : ComponentTestContext
    {
        public PageUnderTest(ExportService exports) => Services.AddSingleton(exports);
    }
}
