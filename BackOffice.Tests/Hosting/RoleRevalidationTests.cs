using System.Net;
using BackOffice.Domain;
using BackOffice.Domain.Identity;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace BackOffice.Tests.Hosting;

/// <summary>A role an Admin removes stops working for a user who is already signed in.</summary>
[Collection(RunningAppCollection.Name)]
public sealed class RoleRevalidationTests(AppHost app)
{
    [Fact]
    public async Task Get_AdminPageAfterAdminRoleRemoved_RefusedWithinTheRevalidationInterval()
    {
        await using var services = DomainServicesOn(app.DataFolder);
        var users = services.GetRequiredService<LocalUserService>();
        var id = "temp.admin." + Guid.NewGuid().ToString("N")[..6];
        await users.CreateAsync(People.Admin, id, "临时管理员 Temp admin", [Roles.Admin]);

        using var client = await SignedInClient.CreateAsync(app, id);
        using (var allowed = await client.GetAsync("/admin/users"))
        {
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var user = (await users.ListAsync()).Single(u => u.Id == id);
        await users.UpdateAsync(People.Admin, id, user.Revision, user.DisplayName, [Roles.Analyst], isActive: true);
        await Task.Delay(AppHost.RoleRevalidation + TimeSpan.FromSeconds(1));

        using var refused = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/denied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var stillSignedIn = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
    }

    [Fact]
    public async Task Get_AfterUserDeactivated_SignedOut()
    {
        await using var services = DomainServicesOn(app.DataFolder);
        var users = services.GetRequiredService<LocalUserService>();
        var id = "temp.analyst." + Guid.NewGuid().ToString("N")[..6];
        await users.CreateAsync(People.Admin, id, "临时分析师", [Roles.Analyst]);
        using var client = await SignedInClient.CreateAsync(app, id);

        var user = (await users.ListAsync()).Single(u => u.Id == id);
        await users.UpdateAsync(People.Admin, id, user.Revision, user.DisplayName, user.Roles.ToList(), isActive: false);
        await Task.Delay(AppHost.RoleRevalidation + TimeSpan.FromSeconds(1));

        using var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static ServiceProvider DomainServicesOn(string dataFolder)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DataFolder"] = dataFolder }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBackOfficeDomain(configuration, dataFolder, isProduction: false);
        BackOffice.Hosting.FeatureRegistration.AddBackOfficeFeatures(services);
        return services.BuildServiceProvider();
    }
}
