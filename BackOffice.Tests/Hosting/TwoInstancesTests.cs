using System.Net;
using BackOffice.Tests.Infrastructure;

namespace BackOffice.Tests.Hosting;

/// <summary>Two app processes on one database (behind a load balancer): a cookie one issues, the other honours.</summary>
public sealed class TwoInstancesTests
{
    [Fact]
    public async Task SignInOnA_CookieUsedOnB_SignedInThere()
    {
        var folder = Directory.CreateTempSubdirectory("backoffice-two-instances-").FullName;
        try
        {
            await using var a = AppHost.OnSharedDataFolder(folder);
            await a.InitializeAsync();
            await using var b = AppHost.OnSharedDataFolder(folder);
            await b.InitializeAsync();
            var cookies = new CookieContainer();

            using var onA = await SignedInClient.CreateAsync(a, "admin.zhou", cookies);
            using var onB = SignedInClient.Anonymous(b, cookies);
            using var adminPageOnB = await onB.GetAsync("/admin/users");
            using var anonymousOnB = await SignedInClient.Anonymous(b).GetAsync("/admin/users");

            Assert.True(adminPageOnB.StatusCode == HttpStatusCode.OK, $"B answered {(int)adminPageOnB.StatusCode} {adminPageOnB.Headers.Location}\n{b.OutputTail()}");
            Assert.Contains("admin.zhou", await adminPageOnB.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, anonymousOnB.StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
