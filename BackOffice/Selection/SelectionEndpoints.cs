using BackOffice.Auth;
using BackOffice.Domain.Brands;

namespace BackOffice.Selection;

public static class SelectionEndpoints
{
    private static readonly string Xlsx = Domain.Exports.ExportFormats.ContentType(Domain.Exports.ExportFormats.Xlsx);

    /// <summary>The product import template, and brand documents for every staff member who may see the brand.</summary>
    public static void MapSelectionDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/products/import-template.xlsx", () => Results.File(ProductSheet.Template(), Xlsx, "product-import-template.xlsx"))
            .RequireAuthorization(Policies.Selection);

        endpoints.MapGet("/brands/documents/{id:int}", async (int id, BrandService brands, CancellationToken ct) =>
            await brands.ReadDocumentAsync(id, ct) is { } d
                // The stored name is only a download name; the content type is the sniffed one, never the browser's.
                ? Results.File(d.Content, d.ContentType, d.FileName)
                : Results.NotFound())
            .RequireAuthorization(Policies.Staff);
    }
}
