using System.Security.Claims;
using BackOffice.Domain.Common;

namespace BackOffice.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The person's id: the local persona's name identifier, or Entra ID's object id; null when anonymous.</summary>
    public static string? UserIdOrNull(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("oid");

    /// <summary>The signed-in person as the domain sees them; roles are the app roles in the principal.</summary>
    public static Actor ToActor(this ClaimsPrincipal user)
    {
        var id = user.UserIdOrNull() ?? throw new AccessDeniedException("未登录 · Not signed in");
        var name = user.FindFirstValue("name") ?? user.Identity?.Name ?? id;
        var roles = user.FindAll(ClaimTypes.Role).Concat(user.FindAll("roles")).Select(c => c.Value).ToHashSet();
        return new Actor(id, name, roles);
    }
}
