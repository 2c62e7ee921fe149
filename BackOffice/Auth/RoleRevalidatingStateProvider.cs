using System.Security.Claims;
using BackOffice.Domain.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace BackOffice.Auth;

/// <summary>
/// A live circuit re-checks the signed-in local user's roles every interval; when they changed or the
/// user was deactivated the circuit loses its authentication and pages send the user to sign in again.
/// </summary>
public sealed class RoleRevalidatingStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, SignInMode mode, IConfiguration configuration)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(configuration.GetValue("LocalSignIn:RevalidateSeconds", 30));

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (!mode.Local) return true;
        var principal = authenticationState.User;
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null) return true;
        await using var scope = scopes.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<LocalUserService>().FindActiveAsync(id, cancellationToken);
        if (user is null) return false;
        var current = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        return current.SetEquals(user.Roles);
    }
}
