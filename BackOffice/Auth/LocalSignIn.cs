using System.Globalization;
using System.Security.Claims;
using BackOffice.Domain.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Auth;

/// <summary>Persona sign-in and sign-out endpoints, and the cookie revalidation that drops removed roles.</summary>
public static class LocalSignIn
{
    private const string ValidatedAtClaim = "backoffice:validated_at";

    public static void MapLocalSignIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/signin", async ([FromForm] string userId, [FromForm] string? returnUrl, HttpContext http, LocalUserService users, SignInMode mode, ILoggerFactory logs) =>
        {
            if (!mode.Local) return Results.NotFound();
            var user = await users.FindActiveAsync(userId);
            if (user is null)
            {
                logs.CreateLogger("BackOffice.SignIn").LogWarning("Refused local sign-in for unknown or inactive user {UserId}", userId);
                return Results.Redirect("/signin?error=unknown");
            }
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Principal(user, DateTimeOffset.UtcNow));
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous();

        endpoints.MapPost("/account/signout", async (HttpContext http, SignInMode mode, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
        {
            // No form fields are bound here, so the framework would not check the token by itself.
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
            if (mode.Local) await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            else await http.SignOutAsync();
            return Results.LocalRedirect("/signin");
        });
    }

    public static ClaimsPrincipal Principal(LocalUserView user, DateTimeOffset validatedAt)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id),
            new(ClaimTypes.Name, user.DisplayName),
            new("name", user.DisplayName),
            new(ValidatedAtClaim, validatedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    /// <summary>Every so often the cookie is checked against the user store: removed roles stop working, a deactivated user is signed out.</summary>
    public static async Task RevalidateCookieAsync(CookieValidatePrincipalContext context, TimeSpan interval)
    {
        var principal = context.Principal;
        if (principal is null) return;
        var stamp = principal.FindFirstValue(ValidatedAtClaim);
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        if (stamp is not null && long.TryParse(stamp, CultureInfo.InvariantCulture, out var seconds)
            && now - DateTimeOffset.FromUnixTimeSeconds(seconds) < interval) return;
        var users = context.HttpContext.RequestServices.GetRequiredService<LocalUserService>();
        var user = await users.FindActiveAsync(principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "");
        if (user is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        context.ReplacePrincipal(Principal(user, now));
        context.ShouldRenew = true;
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
