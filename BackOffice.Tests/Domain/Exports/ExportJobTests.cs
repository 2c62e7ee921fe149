using BackOffice.Domain.Common;
using BackOffice.Domain.Exports;
using BackOffice.Domain.Suppliers;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Tests.Domain.Exports;

public class ExportJobTests
{
    private static async Task<TestDatabase> WithSuppliersAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();
        db.Suppliers.Add(new Supplier("SUP-000001", "杭州织梦服饰有限公司", UnifiedSocialCreditCode.Parse("91350100M000100Y43"), "王经理", "13800000000", BankAccount.None, DateTime.UtcNow));
        db.Suppliers.Add(new Supplier("SUP-000002", "=HYPERLINK(\"http://x\")", UnifiedSocialCreditCode.Parse("91110000802100433B"), "", "", BankAccount.None, DateTime.UtcNow));
        await db.SaveChangesAsync();
        return database;
    }

    [Fact]
    public async Task Run_SupplierListXlsx_FileDownloadableByItsOwnerOnly()
    {
        await using var database = await WithSuppliersAsync();
        var exports = database.Get<ExportService>();
        var id = await exports.QueueAsync(People.Analyst, "supplier-list.xlsx");
        await database.Get<ExportWorker>().RunAsync(id, CancellationToken.None);

        var mine = Assert.Single(await exports.MineAsync(People.Analyst));
        Assert.Equal(ExportStatus.Succeeded, mine.Status);
        Assert.Equal(100, mine.ProgressPercent);
        var (content, fileName, _) = await exports.OpenAsync(People.Analyst, id);
        await using (content)
        {
            Assert.EndsWith(".xlsx", fileName);
            using var workbook = new XLWorkbook(content);
            var sheet = workbook.Worksheets.First();
            Assert.Equal("供应商编码", sheet.Cell(1, 1).GetString());
            Assert.Equal("杭州织梦服饰有限公司", sheet.Cell(2, 2).GetString());
            Assert.Equal("'=HYPERLINK(\"http://x\")", sheet.Cell(3, 2).GetString());
        }
        await Assert.ThrowsAsync<AccessDeniedException>(() => exports.OpenAsync(People.FinanceChen, id));
        Assert.Empty(await exports.MineAsync(People.FinanceChen));
    }

    [Fact]
    public async Task Run_Pdf_WritesAPdfAndItsHash()
    {
        await using var database = await WithSuppliersAsync();
        var exports = database.Get<ExportService>();
        var id = await exports.QueueAsync(People.SelectionLi, "supplier-list.pdf");
        await database.Get<ExportWorker>().RunAsync(id, CancellationToken.None);
        await using var db = database.NewContext();
        var job = await db.ExportJobs.SingleAsync();
        Assert.Equal(ExportStatus.Succeeded, job.Status);
        Assert.Equal(64, job.Sha256!.Length);
        var (content, _, contentType) = await exports.OpenAsync(People.SelectionLi, id);
        await using (content)
        {
            var head = new byte[5];
            await content.ReadExactlyAsync(head);
            Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(head));
        }
        Assert.Equal("application/pdf", contentType);
    }

    [Fact]
    public async Task Queue_UnknownKind_Refused()
    {
        await using var database = await TestDatabase.CreateAsync();
        await Assert.ThrowsAsync<DomainException>(() => database.Get<ExportService>().QueueAsync(People.Admin, "no-such.xlsx"));
    }

    [Fact]
    public async Task DeleteExpired_AfterRetention_RemovesJobAndFile()
    {
        await using var database = await WithSuppliersAsync();
        var exports = database.Get<ExportService>();
        var id = await exports.QueueAsync(People.Analyst, "supplier-list.csv");
        var worker = database.Get<ExportWorker>();
        await worker.RunAsync(id, CancellationToken.None);
        var path = database.Get<ExportFileStore>().PathOf(id);
        Assert.True(File.Exists(path));

        database.Clock.Advance(TimeSpan.FromHours(25));
        await worker.DeleteExpiredAsync(CancellationToken.None);

        Assert.False(File.Exists(path));
        Assert.Empty(await exports.MineAsync(People.Analyst));
    }

    [Fact]
    public async Task Worker_JobLeftRunningByARestart_IsPickedUpAgain()
    {
        await using var database = await WithSuppliersAsync();
        var id = await database.Get<ExportService>().QueueAsync(People.Analyst, "supplier-list.csv");
        await using (var db = database.NewContext())
        {
            (await db.ExportJobs.SingleAsync()).Start(); // as if the process died mid-export
            await db.SaveChangesAsync();
        }
        using var stop = new CancellationTokenSource();
        var worker = database.Get<ExportWorker>();
        await worker.StartAsync(stop.Token);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        ExportStatus status;
        do
        {
            await Task.Delay(50);
            await using var db = database.NewContext();
            status = (await db.ExportJobs.AsNoTracking().SingleAsync(j => j.Id == id)).Status;
        } while (status != ExportStatus.Succeeded && DateTime.UtcNow < deadline);
        await worker.StopAsync(CancellationToken.None);
        Assert.Equal(ExportStatus.Succeeded, status);
    }

    [Fact]
    public async Task Worker_RestartNextToAnotherInstance_ResumesOnlyItsOwnJobsAndSweepsOnlyItsOwnFiles()
    {
        await using var database = await WithSuppliersAsync();
        await using var other = await TestDatabase.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:BackOffice"] = $"Data Source={Path.Combine(database.Folder, "backoffice.db")}",
            ["Exports:Instance"] = "web-2",
        });
        var mine = await database.Get<ExportService>().QueueAsync(People.Analyst, "supplier-list.csv");
        var theirs = await other.Get<ExportService>().QueueAsync(People.Analyst, "supplier-list.csv");
        await using (var db = database.NewContext())
        {
            foreach (var job in await db.ExportJobs.ToListAsync()) job.Start(); // both running when this instance restarts
            await db.SaveChangesAsync();
        }

        using var stop = new CancellationTokenSource();
        var worker = database.Get<ExportWorker>();
        await worker.StartAsync(stop.Token);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await StatusAsync(mine) != ExportStatus.Succeeded && DateTime.UtcNow < deadline) await Task.Delay(50);
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(ExportStatus.Succeeded, await StatusAsync(mine));
        Assert.Equal(ExportStatus.Running, await StatusAsync(theirs)); // still web-2's to finish

        database.Clock.Advance(TimeSpan.FromHours(25));
        await worker.DeleteExpiredAsync(CancellationToken.None);
        await using (var db = database.NewContext())
            Assert.Equal([theirs], await db.ExportJobs.Select(j => j.Id).ToListAsync());

        async Task<ExportStatus> StatusAsync(Guid id)
        {
            await using var db = database.NewContext();
            return (await db.ExportJobs.AsNoTracking().SingleAsync(j => j.Id == id)).Status;
        }
    }
}
