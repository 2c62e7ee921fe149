namespace BackOffice.Domain.Common;

/// <summary>The person doing a business action, as the server knows them.</summary>
public sealed record Actor(string UserId, string DisplayName, IReadOnlySet<string> Roles)
{
    public static readonly Actor System = new("system", "系统 System", new HashSet<string> { Identity.Roles.Admin });

    public bool IsIn(string role) => Roles.Contains(role);

    public void Require(string role, string? action = null)
    {
        if (!IsIn(role))
            throw new AccessDeniedException(
                $"需要角色 {role} · This {(action is null ? "action" : action)} needs the {role} role");
    }

    /// <summary>Four eyes: the second person must be a different user, whatever roles they hold.</summary>
    public void RequireOtherThan(string userId, string what)
    {
        if (string.Equals(UserId, userId, StringComparison.Ordinal))
            throw new DomainException($"四眼原则：{what}须由另一人完成 · Four eyes: {what} must be done by someone else");
    }
}
