using System.Net;
using System.Text.RegularExpressions;
using BackOffice.Auth;
using BackOffice.Domain.Identity;
using BackOffice.Tests.Infrastructure;

namespace BackOffice.Tests.Hosting;

/// <summary>
/// DESIGN.md's roles table is the contract: the policies must say the same, and every page and GET endpoint of
/// the running app must let in exactly the roles its policy names — and refuse everyone else before any data is read.
/// </summary>
[Collection(RunningAppCollection.Name)]
public sealed partial class RoleMatrixTests(AppHost app)
{
    /// <summary>Each row of the table, by the start of its action text, and the policy that carries it out.</summary>
    private static readonly (string ActionStartsWith, string Policy)[] RowPolicies =
    [
        ("view dashboards", Policies.Staff),
        ("export what a dashboard shows", Policies.Staff),
        ("register suppliers", Policies.Selection),
        ("change a supplier's bank account", Policies.Selection),
        ("approve a bank account change", Policies.BankApproval),
        ("products, selection", Policies.Selection),
        ("draft, submit, approve", Policies.Agreements),
        ("import order lines", Policies.Import),
        ("settlement runs", Policies.Settlement),
        ("API keys", Policies.Admin),
    ];

    /// <summary>One persona per role.</summary>
    private static readonly (string Role, string Persona)[] Personas =
    [
        (Roles.Selection, "selection.li"),
        (Roles.AccountManager, "am.wang"),
        (Roles.Finance, "finance.chen"),
        (Roles.Analyst, "analyst.sun"),
        (Roles.Admin, "admin.zhou"),
    ];

    [Fact]
    public void RolesTable_HeaderNamesEveryAppRole()
    {
        var table = DesignDocument.ReadRolesTable();

        Assert.Equal(Roles.All.Order(), table.Roles.Order());
    }

    [Fact]
    public void RolesByPolicy_EqualsDesignRolesTable()
    {
        var table = DesignDocument.ReadRolesTable();
        var fromDocument = new Dictionary<string, HashSet<string>>();
        foreach (var row in table.Rows)
        {
            var mapped = RowPolicies.Where(m => row.Action.StartsWith(m.ActionStartsWith, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(mapped.Count == 1, $"DESIGN.md's roles table row \"{row.Action}\" maps to {mapped.Count} policies; map it to exactly one in {nameof(RowPolicies)}.");
            var policy = mapped[0].Policy;
            if (fromDocument.TryGetValue(policy, out var earlier))
                Assert.True(earlier.SetEquals(row.Roles), $"Rows mapped to policy {policy} disagree: [{string.Join(", ", earlier)}] vs \"{row.Action}\" [{string.Join(", ", row.Roles)}].");
            else
                fromDocument[policy] = [.. row.Roles];
        }

        Assert.Equal(fromDocument.Keys.Order(), Policies.RolesByPolicy.Keys.Order());
        foreach (var (policy, roles) in fromDocument)
            Assert.True(roles.SetEquals(Policies.RolesByPolicy[policy]),
                $"Policy {policy}: DESIGN.md says [{string.Join(", ", roles.Order())}], Policies.cs says [{string.Join(", ", Policies.RolesByPolicy[policy].Order())}].");
    }

    [Fact]
    public void Pages_EveryOneNamesAPolicyOrIsAnonymousOnPurpose()
    {
        var anonymousOnPurpose = new[] { "/signin", "/denied", "/not-found", "/Error" };

        foreach (var page in AppEndpoints.Pages())
        {
            if (page.Anonymous) Assert.Contains(page.Pattern, anonymousOnPurpose);
            else Assert.True(page.Policies.Count > 0 && page.Policies.All(Policies.RolesByPolicy.ContainsKey), $"{page} has no known policy");
        }
    }

    [Fact]
    public async Task Get_EveryPageAndEndpointForEveryRole_AllowedOrRefusedAsTheTableSays()
    {
        var routes = AppEndpoints.Pages().Concat(AppEndpoints.GetEndpoints()).ToList();
        Assert.Contains(routes, r => r.Pattern == "/agreements/export.xlsx");
        Assert.Contains(routes, r => r.Pattern == "/exports/{id:guid}/download");
        var failures = new List<string>();
        var checks = 0;

        foreach (var (role, persona) in Personas.Select(p => (p.Role, (string?)p.Persona)).Append(("(anonymous)", null)))
        {
            using var client = persona is null ? SignedInClient.Anonymous(app) : await SignedInClient.CreateAsync(app, persona);
            foreach (var route in routes)
            {
                var allowed = route.Anonymous || (persona is not null && AllowedRoles(route).Contains(role));
                var path = Concrete(route.Pattern);
                using var response = await client.GetAsync(path);
                checks++;
                var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : "";
                var refusedTo = persona is null ? "/signin" : "/denied";
                var ok = allowed
                    ? response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound
                      || (response.StatusCode == HttpStatusCode.Redirect && !location.StartsWith("/signin", StringComparison.Ordinal) && !location.StartsWith("/denied", StringComparison.Ordinal))
                    : response.StatusCode == HttpStatusCode.Redirect && location.StartsWith(refusedTo, StringComparison.Ordinal);
                if (!ok) failures.Add($"{persona ?? "anonymous"} ({role}) GET {path} [{route.Source}]: expected {(allowed ? "allowed" : "refused → " + refusedTo)}, got {(int)response.StatusCode} {location}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {checks} checks failed:\n{string.Join('\n', failures)}\n{string.Join('\n', app.OutputTail(500).Split('\n').Where(l => !l.Contains("Authorization refused", StringComparison.Ordinal) && !l.Contains("RefusalLogging", StringComparison.Ordinal)).TakeLast(60))}");
        Assert.True(checks >= 6 * 30, $"only {checks} checks");
    }

    [Fact]
    public async Task Get_RefusedPage_LogsUserPathAndPolicy()
    {
        using var client = await SignedInClient.CreateAsync(app, "analyst.sun");
        var marker = "/admin/users?probe=" + Guid.NewGuid().ToString("N")[..8];

        using var response = await client.GetAsync(marker);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await Task.Delay(300); // the app's console output reaches the test asynchronously
        Assert.Matches(RefusalLine(), app.OutputTail(500));
    }

    [GeneratedRegex(@"Authorization refused: user analyst\.sun GET /admin/users policy Admin \(forbidden\)")]
    private static partial Regex RefusalLine();

    private static IReadOnlySet<string> AllowedRoles(AppRoute route) =>
        (route.Policies.Count == 0 ? [Policies.Staff] : route.Policies)
            .Select(p => Policies.RolesByPolicy[p].ToHashSet())
            .Aggregate((a, b) => { a.IntersectWith(b); return a; });

    /// <summary>Route parameters get a value that may or may not exist: refusal must come before any lookup either way.</summary>
    private static string Concrete(string pattern)
    {
        var path = RouteParameter().Replace(pattern, m => m.Groups["constraint"].Value.ToLowerInvariant() switch
        {
            ":int" => "1",
            ":guid" => Guid.NewGuid().ToString(),
            ":file" => "no-such-file.txt",
            "" when m.Groups["name"].Value == "documentName" => "v1",
            _ => throw new InvalidOperationException($"No sample value for route parameter {m.Value} in {pattern}; add one to {nameof(Concrete)}."),
        });
        return path == "/culture" ? "/culture?culture=en&redirectUri=/" : path;
    }

    [GeneratedRegex(@"\{(\*\*)?(?<name>\w+)(?<constraint>:\w+)?\??\}")]
    private static partial Regex RouteParameter();
}
