using BackOffice.Domain.Identity;
using Microsoft.AspNetCore.Authorization;

namespace BackOffice.Auth;

/// <summary>DESIGN.md's role table as authorization policies, used by every page and endpoint.</summary>
public static class Policies
{
    /// <summary>Dashboards, sale pages, brand and supplier pages, exports of what a dashboard shows.</summary>
    public const string Staff = nameof(Staff);
    /// <summary>Suppliers, brand applications, scoring, reviews, products, selection, scheduling.</summary>
    public const string Selection = nameof(Selection);
    /// <summary>Approving a supplier's bank account change.</summary>
    public const string BankApproval = nameof(BankApproval);
    /// <summary>Framework agreements.</summary>
    public const string Agreements = nameof(Agreements);
    /// <summary>Importing order lines and shopkeepers from a page.</summary>
    public const string Import = nameof(Import);
    /// <summary>Settlement, statements, adjustments, payments.</summary>
    public const string Settlement = nameof(Settlement);
    /// <summary>API keys, local users, settings, audit log, unmasked personal data.</summary>
    public const string Admin = nameof(Admin);
    /// <summary>The HTTP feeds (<c>/api/v1/*</c>): an API key, not a person; registered by BackOffice.Api.ImportApi, outside the role table.</summary>
    public const string Api = nameof(Api);

    public static readonly IReadOnlyDictionary<string, string[]> RolesByPolicy = new Dictionary<string, string[]>
    {
        [Staff] = [.. Roles.All],
        [Selection] = [Roles.Selection],
        [BankApproval] = [Roles.Finance],
        [Agreements] = [Roles.AccountManager],
        [Import] = [Roles.Finance, Roles.Admin],
        [Settlement] = [Roles.Finance],
        [Admin] = [Roles.Admin],
    };

    public static void Add(AuthorizationOptions options)
    {
        foreach (var (policy, roles) in RolesByPolicy)
        {
            options.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }
        options.FallbackPolicy = options.GetPolicy(Staff);
    }
}
