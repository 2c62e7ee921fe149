using BackOffice.Auth;
using BackOffice.Domain.Common;
using BackOffice.Domain.Exports;

namespace BackOffice.Exports;

public static class ExportEndpoints
{
    /// <summary>Downloads of finished background exports; only the person who asked may download.</summary>
    public static void MapExportDownloads(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/exports/{id:guid}/download", async (Guid id, HttpContext http, ExportService exports, CancellationToken ct) =>
        {
            try
            {
                var (content, fileName, contentType) = await exports.OpenAsync(http.User.ToActor(), id, ct);
                return Results.Stream(content, contentType, fileName);
            }
            catch (AccessDeniedException)
            {
                return Results.NotFound();
            }
            catch (DomainException ex)
            {
                return Results.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict);
            }
        }).RequireAuthorization(Policies.Staff);
}
