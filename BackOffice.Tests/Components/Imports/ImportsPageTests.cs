using System.Text;
using BackOffice.Components.Pages.Imports;
using BackOffice.Domain.Common;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Imports;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Domain.Common;
using BackOffice.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Tests.Components.Imports;

/// <summary>The CSV import page's upload path: the one upload check runs on the uploaded bytes before any row is read.</summary>
public sealed class ImportsPageTests : ComponentTestContext
{
    public ImportsPageTests() => UseCulture("en");

    private async Task<(TestDatabase Db, IRenderedComponent<BackOffice.Components.Pages.Imports.Imports> Page)> RenderAsync()
    {
        var db = await TestDatabase.CreateAsync();
        await TradingData.SeedAsync(db);
        Services.AddSingleton(db.Get<ImportService>());
        SignInAs("finance.chen", "陈静", Roles.Finance);
        return (db, Render<BackOffice.Components.Pages.Imports.Imports>());
    }

    private static void Upload(IRenderedComponent<BackOffice.Components.Pages.Imports.Imports> page, string name, byte[] bytes) =>
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(bytes, name, contentType: "text/csv"));

    [Theory]
    [InlineData("lines.csv", "xlsx", "is not a UTF-8 text CSV")]
    [InlineData("lines.csv", "pdf", "is not a UTF-8 text CSV")]
    [InlineData("lines.csv", "utf16", "is not a UTF-8 text CSV")]
    [InlineData("lines.xlsx", "csv", "Only CSV (UTF-8) files are accepted")]
    [InlineData("../../lines.exe", "csv", "Only CSV (UTF-8) files are accepted")]
    public async Task Import_FileThatIsNotAUtf8Csv_RefusedClearlyNothingWritten(string name, string content, string message)
    {
        var (db, page) = await RenderAsync();
        await using var _ = db;
        var bytes = content switch
        {
            "utf16" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(TradingData.OrderLineHeader + "\n")],
            "csv" => Encoding.UTF8.GetBytes(TradingData.OrderLineHeader + "\n" + TradingData.LineRow("E-1", "O-1", 1, 1, 1, 1, 100, 10) + "\n"),
            _ => UploadPathTests.Bytes(content),
        };
        var auditBefore = await AuditCountAsync(db);

        Upload(page, name, bytes);
        page.Find("[data-testid='import-start']").Click();

        page.WaitForAssertion(() => Assert.Contains(message, page.Find("[data-testid='import-error']").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("[data-testid='import-applied']"));
        await using var context = db.NewContext();
        Assert.Equal(0, await context.OrderLines.CountAsync());
        Assert.Equal(auditBefore, await AuditCountAsync(db));
    }

    [Fact]
    public async Task Import_Utf8CsvWithBom_PassesTheCheckAndIsApplied()
    {
        var (db, page) = await RenderAsync();
        await using var _ = db;
        await db.Get<ImportService>().ImportCsvAsync(People.FinanceChen, ImportKind.Shopkeepers, TradingData.Csv(TradingData.ShopkeeperHeader, TradingData.ShopkeeperRow(1)));
        var csv = TradingData.OrderLineHeader + "\n" + TradingData.LineRow("E-1", "O-1", 1, 1, 1, 1, 100, 10) + "\n";

        Upload(page, "上海 订单.csv", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(csv)]);
        page.Find("[data-testid='import-start']").Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid='import-applied']")), TimeSpan.FromSeconds(20));
        await using var context = db.NewContext();
        Assert.Equal(1, await context.OrderLines.CountAsync());
    }

    private static async Task<int> AuditCountAsync(TestDatabase db)
    {
        await using var context = db.NewContext();
        return await context.AuditEntries.CountAsync();
    }
}
