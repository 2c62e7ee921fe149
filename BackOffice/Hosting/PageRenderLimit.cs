using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.RateLimiting;

namespace BackOffice.Hosting;

/// <summary>
/// Admission control for server-rendered pages: at most <c>PageRenders:Concurrent</c> pages (default two per
/// core) render at once and the others wait their turn in arrival order, up to <c>PageRenders:Queue</c>
/// (default 2,000; beyond that 503 with Retry-After). Under a flood of page requests every request is then
/// answered in turn, instead of all of them slowing down together until clients give up, and the live circuits
/// (SignalR, not limited here) keep enough CPU to stay connected.
/// </summary>
public static class PageRenderLimit
{
    public const int RetryAfterSeconds = 5;

    public static void AddPageRenderLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new ConcurrencyLimiterOptions
        {
            PermitLimit = configuration.GetValue("PageRenders:Concurrent", 2 * Environment.ProcessorCount),
            QueueLimit = configuration.GetValue("PageRenders:Queue", 2_000),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        };
        if (options.PermitLimit < 1 || options.QueueLimit < 0)
            throw new InvalidOperationException("PageRenders:Concurrent must be at least 1 and PageRenders:Queue at least 0.");
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                IsPage(http) ? RateLimitPartition.GetConcurrencyLimiter("pages", _ => options) : RateLimitPartition.GetNoLimiter(""));
            // The global limiter limits pages only; a policy's rejection (the API key's) answers with the policy's own handler.
            o.OnRejected = (context, _) => new ValueTask(RejectAsync(context.HttpContext));
        });
    }

    /// <summary>A request for a Razor component page (prerendered HTML), as opposed to the circuit, assets, API or health.</summary>
    public static bool IsPage(HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;

    public static Task RejectAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync($"服务器繁忙，请 {RetryAfterSeconds} 秒后重试 · The server is busy: try again in {RetryAfterSeconds} s.");
    }
}
