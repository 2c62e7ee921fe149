using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using BackOffice.Auth;
using BackOffice.Domain.Imports;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace BackOffice.Api;

/// <summary><c>Api:PermitsPerMinute</c> per key (default 60) and <c>Api:MaxBodyMegabytes</c> (default 64).</summary>
public sealed class ApiOptions
{
    public int PermitsPerMinute { get; init; } = 60;
    public int MaxBodyMegabytes { get; init; } = 64;
    public long MaxBodyBytes => MaxBodyMegabytes * 1024L * 1024L;
}

/// <summary>
/// The trading system's feeds over HTTP: <c>POST /api/v1/shopkeepers</c> and <c>POST /api/v1/order-lines</c>
/// with JSON batches, through the same importer as the page and the command line. Authenticated by API
/// key only (no cookie, no antiforgery: the body is JSON, not a form), rate limited per key, described
/// at <c>/openapi/v1.json</c>.
/// </summary>
public static class ImportApi
{
    public const string RateLimitPolicy = "api-key";

    // Routing answers a content type outside Accepts with its own 415 endpoint, which the app's fallback
    // (cookie) policy would turn into a sign-in redirect; accepting any type lets the endpoint, behind the
    // key and the rate limit, answer 415 in JSON. The wildcard is left out of the OpenAPI document.
    private const string AnyContentType = "*/*";

    public static void AddImportApi(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Api").Get<ApiOptions>() ?? new ApiOptions();
        if (options.PermitsPerMinute < 1 || options.MaxBodyMegabytes < 1)
            throw new InvalidOperationException("Api:PermitsPerMinute and Api:MaxBodyMegabytes must be at least 1.");
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(o => o.AddPolicy(Policies.Api, p => p
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireRole(ImportService.ApiClientRole)));
        services.AddRateLimiter(o => o.AddPolicy<string, KeyRateLimit>(RateLimitPolicy));
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddOperationTransformer((operation, _, _) =>
            {
                if (operation.RequestBody is OpenApiRequestBody body)
                {
                    body.Content?.Remove(AnyContentType);
                    body.Required = true;
                }
                return Task.CompletedTask;
            });
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "BackOffice data-in API",
                    Version = "v1",
                    Description = "Shopkeepers and order lines from the trading system, as JSON batches with the CSV layouts' fields. " +
                        "A batch with any bad row is rejected whole (422, the first 1,000 problems and the total) and nothing is written; " +
                        $"sending the same data again changes nothing. At most {options.PermitsPerMinute} requests a minute per key (429 with Retry-After) " +
                        $"and {options.MaxBodyMegabytes} MB a request (413).",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "An API key created by an Admin at /admin/api-keys: Authorization: Bearer <key>.",
                };
                document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.HeaderName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyAuthenticationHandler.HeaderName,
                    Description = "The same key in the X-Api-Key header.",
                };
                document.Security =
                [
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [] },
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.HeaderName, document)] = [] },
                ];
                return Task.CompletedTask;
            });
        });
    }

    public static void UseImportApi(this WebApplication app)
    {
        // The console's HTML status pages are for people; API clients get the JSON the endpoint wrote, or none.
        app.Use((http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/api") && http.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
            return next(http);
        });
    }

    public static void MapImportApi(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<ApiOptions>();
        // Anonymous: the document is the integration contract for the trading system's developers, who
        // have no console sign-in; it holds no data, and every operation it describes needs a key.
        endpoints.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();

        var api = endpoints.MapGroup("/api/v1")
            .RequireAuthorization(Policies.Api)
            .RequireRateLimiting(RateLimitPolicy)
            .DisableAntiforgery()
            .WithTags("Data in")
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxBodyBytes));

        api.MapPost("/shopkeepers", (HttpContext http, ImportService importer, CancellationToken ct) => ImportAsync(http, importer, ImportKind.Shopkeepers, options, ct))
            .WithName("ImportShopkeepers")
            .WithSummary("Upsert shopkeepers by shopkeeper_id")
            .Accepts<List<ShopkeeperRecord>>(isOptional: true, "application/json", AnyContentType)
            .WithDocumentedResponses();

        api.MapPost("/order-lines", (HttpContext http, ImportService importer, CancellationToken ct) => ImportAsync(http, importer, ImportKind.OrderLines, options, ct))
            .WithName("ImportOrderLines")
            .WithSummary("Insert or update order lines by external_id")
            .Accepts<List<OrderLineRecord>>(isOptional: true, "application/json", AnyContentType)
            .WithDocumentedResponses();
    }

    private static RouteHandlerBuilder WithDocumentedResponses(this RouteHandlerBuilder route) => route
        .Produces<ImportApplied>(StatusCodes.Status200OK)
        .Produces<ImportRejected>(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<IResult> ImportAsync(HttpContext http, ImportService importer, ImportKind kind, ApiOptions options, CancellationToken ct)
    {
        if (!http.Request.HasJsonContentType())
            return Results.Problem(title: "Unsupported media type", detail: "请求体须为 application/json · The body must be application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        if (http.Request.ContentLength > options.MaxBodyBytes) return TooLarge(options);
        try
        {
            var result = await importer.ImportJsonAsync(http.User.ToActor(), kind, http.Request.Body, ct);
            return result.Applied
                ? Results.Ok(ImportApplied.From(result))
                : Results.Json(ImportRejected.From(result), statusCode: StatusCodes.Status422UnprocessableEntity);
        }
        catch (InvalidBatchException ex)
        {
            return Results.Problem(title: "Not a JSON batch", detail: ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(options);
        }
    }

    private static IResult TooLarge(ApiOptions options) => Results.Problem(title: "Request body too large",
        detail: $"请求体不能超过 {options.MaxBodyMegabytes} MB，请分批发送 · The body may be at most {options.MaxBodyMegabytes} MB; send smaller batches.",
        statusCode: StatusCodes.Status413PayloadTooLarge);

    /// <summary>A fixed window of requests a minute per API key, answered with its own 429 problem (whatever else limits the app).</summary>
    private sealed class KeyRateLimit(ApiOptions options) : IRateLimiterPolicy<string>
    {
        public RateLimitPartition<string> GetPartition(HttpContext http) => RateLimitPartition.GetFixedWindowLimiter(
            http.User.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim) ?? "",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, _) =>
        {
            var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
            context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await Results.Problem(title: "Too many requests",
                detail: $"每个密钥每分钟最多 {options.PermitsPerMinute} 次请求，请 {seconds} 秒后重试 · At most {options.PermitsPerMinute} requests a minute per key; retry after {seconds} s.",
                statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context.HttpContext);
        };
    }
}
