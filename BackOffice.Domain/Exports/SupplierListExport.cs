using BackOffice.Domain.Brands;
using BackOffice.Domain.Common;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Persistence;
using BackOffice.Domain.Reporting.Definitions;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Exports;

/// <summary>The supplier list (reports/supplier-list.json) in Excel, PDF or CSV, for every staff role.</summary>
public sealed class SupplierListExport(IDbContextFactory<BackOfficeDbContext> factory, ReportCatalog reports, string format) : IExportHandler
{
    public const string ReportId = "supplier-list";

    public string Kind => $"{ReportId}.{format}";

    public void Authorize(Actor actor)
    {
        if (!Roles.All.Any(actor.IsIn)) throw new AccessDeniedException("需要员工角色 · Staff only");
    }

    public (string FileName, string ContentType, string Title) Describe(string parametersJson, DateTime utcNow) =>
        ($"{ReportId}-{ChinaTime.DateOf(utcNow):yyyyMMdd}.{format}", ExportFormats.ContentType(format), "供应商列表 Supplier list");

    public async Task WriteAsync(ExportRequest request, Stream output, IProgress<int> progress, CancellationToken ct)
    {
        var definition = reports.Get(ReportId);
        var rows = await RowsAsync(ct);
        progress.Report(50);
        switch (format)
        {
            case ExportFormats.Xlsx: ReportRenderer.WriteExcel(definition, rows, output); break;
            case ExportFormats.Csv: ReportRenderer.WriteCsv(definition, rows, output); break;
            default:
                ReportRenderer.WritePdf(definition, rows, output, parameters:
                    [new("生成时间 Generated", ChinaTime.Format(request.UtcNow)), new("供应商数 Suppliers", rows.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))]);
                break;
        }
    }

    internal async Task<List<IReadOnlyDictionary<string, object?>>> RowsAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var suppliers = await db.Suppliers.AsNoTracking()
            .OrderBy(s => s.Code)
            .Select(s => new
            {
                s.Code, s.Name, s.CreditCode, s.ContactName, s.ContactPhone, s.CreatedAt,
                Brands = db.Brands.Count(b => b.SupplierId == s.Id),
                Approved = db.Brands.Count(b => b.SupplierId == s.Id && b.Status == BrandStatus.Approved),
            })
            .ToListAsync(ct);
        return suppliers.Select(s => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["supplierCode"] = s.Code,
            ["name"] = s.Name,
            ["unifiedSocialCreditCode"] = s.CreditCode,
            ["contact"] = $"{s.ContactName} {s.ContactPhone}".Trim(),
            ["brandCount"] = (long)s.Brands,
            ["approvedBrandCount"] = (long)s.Approved,
            ["createdOn"] = ChinaTime.DateOf(s.CreatedAt),
        }).ToList();
    }
}

public static class ExportFormats
{
    public const string Xlsx = "xlsx";
    public const string Pdf = "pdf";
    public const string Csv = "csv";
    public const string Zip = "zip";
    public const string Json = "json";

    public static string ContentType(string format) => format switch
    {
        Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Pdf => "application/pdf",
        Csv => "text/csv; charset=utf-8",
        Zip => "application/zip",
        Json => "application/json",
        _ => "application/octet-stream",
    };
}
