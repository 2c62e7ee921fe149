using BackOffice.Domain.Agreements;
using BackOffice.Domain.Common;
using BackOffice.Domain.Reporting.Definitions;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using ClosedXML.Excel;
using UglyToad.PdfPig;

namespace BackOffice.Tests.Domain.Agreements;

public class AgreementExportsTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Fact]
    public void Definitions_LoadFromTheReportsFolder()
    {
        var catalog = ReportCatalog.LoadFromAppDirectory();
        Assert.Equal("年框协议摘要", catalog.Get(AgreementExports.SummaryReport).Title.Zh);
        Assert.Contains(catalog.Get(AgreementExports.PortfolioReport).Columns, c => c.Key == "netGmv" && c.Totalled);
    }

    [Fact]
    public async Task SummaryPdf_SignedAgreement_ChineseTextAndFigures()
    {
        await using var database = await TestDatabase.CreateAsync();
        var data = await AgreementData.SeedAsync(database);
        var service = database.Get<AgreementService>();
        var id = await service.CreateDraftAsync(People.ManagerWang, data.Draft(new(2026, 1, 1), new(2026, 12, 31)));
        await service.SubmitAsync(People.ManagerWang, id, 0);
        await service.SignAsync(People.ManagerLiu, id, 1, new AgreementSigning(Today, "HT-2026-017"));
        await data.AddLineAsync(database, data.BrandIds[0], new(2026, 3, 1), 3_000_000);

        var file = await database.Get<AgreementExports>().SummaryPdfAsync(People.ManagerWang, id, ReportLanguage.Zh);

        Assert.NotNull(file);
        Assert.Equal("FA-2026-0001-协议摘要.pdf", file.Value.FileName);
        using var pdf = PdfDocument.Open(file.Value.Content);
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains("年框协议摘要", text);
        Assert.Contains("杭州织梦服饰有限公司", text);
        Assert.Contains("HT-2026-017", text);
        Assert.Contains("¥30,000.00", text);   // net GMV, exactly the first tier's threshold
        Assert.Contains("已达到", text);
    }

    [Fact]
    public async Task SummaryPdf_NotAnAccountManager_AccessDenied()
    {
        await using var database = await TestDatabase.CreateAsync();
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Get<AgreementExports>().SummaryPdfAsync(People.FinanceChen, 1, ReportLanguage.Zh));
    }

    [Fact]
    public async Task PortfolioExcel_FilteredRowsInSortOrderWithTotals()
    {
        await using var database = await TestDatabase.CreateAsync();
        var data = await AgreementData.SeedAsync(database);
        var service = database.Get<AgreementService>();
        var draft = data.Draft(new(2027, 1, 1), new(2027, 12, 31)) with { Signatories = "=HYPERLINK(\"x\")" };
        await service.CreateDraftAsync(People.ManagerWang, draft with { Terms = draft.Terms with { GmvTargetFen = 1_000_000 } });
        await service.CreateDraftAsync(People.ManagerWang, draft with { Terms = draft.Terms with { GmvTargetFen = 2_000_000 } });
        await service.CreateDraftAsync(People.ManagerLiu, draft);

        var bytes = await database.Get<AgreementExports>().PortfolioExcelAsync(People.ManagerWang,
            new AgreementQuery { ManagerId = "am.wang", Search = "=HYPERLINK" }, nameof(AgreementRow.Code), false, ReportLanguage.Zh);

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var sheet = workbook.Worksheets.First();
        Assert.Equal("协议编号", sheet.Cell(1, 1).GetString());
        Assert.Equal("FA-2027-0001", sheet.Cell(2, 1).GetString());
        Assert.Equal("FA-2027-0002", sheet.Cell(3, 1).GetString());
        Assert.Equal("草稿", sheet.Cell(2, 7).GetString());
        Assert.Equal(30_000m, sheet.Cell(4, 10).GetValue<decimal>()); // 合计 of the GMV targets, in yuan
        Assert.False(sheet.Cell(2, 1).HasFormula);
    }
}
