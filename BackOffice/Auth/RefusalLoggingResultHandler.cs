using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace BackOffice.Auth;

/// <summary>
/// Logs every refused request (who, which path, which policy) before the default handler answers with the
/// sign-in or denied redirect, so probing for pages one may not see leaves a trace.
/// </summary>
public sealed partial class RefusalLoggingResultHandler(ILogger<RefusalLoggingResultHandler> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Succeeded)
        {
            var user = context.User.UserIdOrNull() ?? "(anonymous)";
            var policies = context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>()
                .Select(a => a.Policy ?? a.Roles ?? "(authenticated)").ToList() is { Count: > 0 } named
                ? string.Join(", ", named)
                : "(fallback)";
            LogRefused(user, context.Request.Method, context.Request.Path.Value ?? "", policies, authorizeResult.Forbidden ? "forbidden" : "challenged");
        }
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Authorization refused: user {UserId} {Method} {Path} policy {Policy} ({Outcome})")]
    private partial void LogRefused(string userId, string method, string path, string policy, string outcome);
}
