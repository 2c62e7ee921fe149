using BackOffice.Auth;
using BackOffice.Domain.Agreements;
using BackOffice.Domain.Reporting.Definitions;

namespace BackOffice.Agreements;

/// <summary>Agreement downloads: the summary PDF, the portfolio workbook and the signed scan; account managers only.</summary>
public static class AgreementEndpoints
{
    private static readonly string Xlsx = Domain.Exports.ExportFormats.ContentType(Domain.Exports.ExportFormats.Xlsx);

    public static void MapAgreementEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/agreements/{id:int}/summary.pdf", async (int id, string? lang, HttpContext http, AgreementExports exports, CancellationToken ct) =>
            await exports.SummaryPdfAsync(http.User.ToActor(), id, Language(lang), ct) is { } file
                ? Results.File(file.Content, "application/pdf", file.FileName)
                : Results.NotFound())
            .RequireAuthorization(Policies.Agreements);

        endpoints.MapGet("/agreements/export.xlsx", async (string? search, string? status, string? manager, int? expiring, string? sort, bool? desc, string? lang,
            HttpContext http, AgreementExports exports, TimeProvider clock, CancellationToken ct) =>
        {
            var query = new AgreementQuery
            {
                Search = search,
                Status = Enum.TryParse<AgreementStatus>(status, out var s) ? s : null,
                ManagerId = string.IsNullOrWhiteSpace(manager) ? null : manager,
                ExpiringWithinDays = expiring is > 0 and <= 366 ? expiring : null,
            };
            var content = await exports.PortfolioExcelAsync(http.User.ToActor(), query, sort, desc ?? true, Language(lang), ct);
            var today = Domain.Common.ChinaTime.Today(clock).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
            return Results.File(content, Xlsx, $"agreements-{today}.xlsx");
        }).RequireAuthorization(Policies.Agreements);

        endpoints.MapGet("/agreements/{id:int}/scan", async (int id, AgreementService agreements, CancellationToken ct) =>
            await agreements.ScanAsync(id, ct) is { } scan
                ? Results.File(scan.Content, scan.ContentType, scan.SafeName)
                : Results.NotFound())
            .RequireAuthorization(Policies.Agreements);
    }

    private static ReportLanguage Language(string? lang) => lang == "en" ? ReportLanguage.En : ReportLanguage.Zh;
}
