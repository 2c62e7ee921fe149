using BackOffice.Components.Pages.Exports;
using BackOffice.Domain.Exports;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Suppliers;
using BackOffice.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Tests.Components.Exports;

public sealed class MyExportsTests : IAsyncLifetime
{
    private TestDatabase _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await TestDatabase.CreateAsync();
        await using var db = _server.NewContext();
        db.Suppliers.Add(new Supplier("SUP-000001", "杭州织梦服饰有限公司", UnifiedSocialCreditCode.Parse("91350100M000100Y43"), "王", "", BankAccount.None, DateTime.UtcNow));
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task MyExports_ExportQueuedFromAnotherTabAfterOpening_AppearsWithoutReload()
    {
        await using var page = new PageUnderTest(_server.Get<ExportService>());
        page.SignInAs("analyst.sun", "孙丽 Sun Li", Roles.Analyst);
        var exports = page.Render<MyExports>();
        exports.WaitForAssertion(() => Assert.DoesNotContain("supplier", exports.Find("[data-testid='exports-table']").TextContent, StringComparison.OrdinalIgnoreCase));

        // Another tab queues an export while this page shows an empty (all finished) list.
        await _server.Get<ExportService>().QueueAsync(new("analyst.sun", "孙丽", new HashSet<string> { Roles.Analyst }), $"{SupplierListExport.ReportId}.xlsx");

        exports.WaitForAssertion(() => Assert.Single(exports.FindAll("[data-testid='export-progress']")), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task MyExports_ReadFailsWhilePolling_WarnsAndRecovers()
    {
        await using var page = new PageUnderTest(_server.Get<ExportService>());
        page.SignInAs("analyst.sun", "孙丽 Sun Li", Roles.Analyst);
        var exports = page.Render<MyExports>();
        exports.WaitForAssertion(() => exports.Find("[data-testid='exports-table']"));

        // The table goes away and comes back: every read fails meanwhile.
        await ExecuteAsync("ALTER TABLE \"ExportJobs\" RENAME TO \"ExportJobsAway\"");
        exports.WaitForAssertion(() => exports.Find("[data-testid='exports-refresh-failed']"), TimeSpan.FromSeconds(15));

        await ExecuteAsync("ALTER TABLE \"ExportJobsAway\" RENAME TO \"ExportJobs\"");
        exports.WaitForAssertion(() => Assert.Empty(exports.FindAll("[data-testid='exports-refresh-failed']")), TimeSpan.FromSeconds(15));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var db = _server.NewContext();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    private sealed class PageUnderTest : ComponentTestContext
    {
        public PageUnderTest(ExportService exports) => Services.AddSingleton(exports);
    }
}
