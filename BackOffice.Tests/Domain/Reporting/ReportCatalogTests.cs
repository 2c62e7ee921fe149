using BackOffice.Domain.Reporting;
using BackOffice.Domain.Reporting.Definitions;

namespace BackOffice.Tests.Domain.Reporting;

public class ReportCatalogTests
{
    [Fact]
    public void LoadFromAppDirectory_CopiedReportsFolder_HasSupplierList()
    {
        var catalog = ReportCatalog.LoadFromAppDirectory();

        var supplierList = catalog.Get("supplier-list");
        Assert.Equal("供应商列表", supplierList.Title.Zh);
        Assert.Equal(
            ["supplierCode", "name", "unifiedSocialCreditCode", "contact", "brandCount", "approvedBrandCount", "createdOn"],
            supplierList.Columns.Select(c => c.Key));
        Assert.Equal(["brandCount", "approvedBrandCount"], supplierList.Columns.Where(c => c.Totalled).Select(c => c.Key));
        Assert.Equal(ColumnFormat.Date, supplierList.Columns[^1].Format);
    }

    [Fact]
    public void Get_UnknownId_ListsKnownReports()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => ReportCatalog.LoadFromAppDirectory().Get("nope"));

        Assert.Contains("supplier-list", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFolder_Throws() =>
        Assert.Throws<ReportDefinitionException>(() => ReportCatalog.Load("/nonexistent/reports"));
}
