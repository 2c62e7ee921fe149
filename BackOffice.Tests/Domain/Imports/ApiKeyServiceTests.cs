using BackOffice.Domain.Common;
using BackOffice.Domain.Imports;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Tests.Domain.Imports;

public class ApiKeyServiceTests
{
    [Fact]
    public async Task Create_ByAdmin_StoresOnlyHashAndPrefixAndAudits()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (key, secret) = await database.Get<ApiKeyService>().CreateAsync(People.Admin, "交易系统 production");

        Assert.StartsWith(ApiKey.KeyPrefix, secret, StringComparison.Ordinal);
        Assert.Equal(secret[..10], key.Prefix);
        await using var db = database.NewContext();
        var stored = await db.ApiKeys.SingleAsync();
        Assert.Equal(ApiKey.HashOf(secret), stored.Hash);
        Assert.DoesNotContain(secret, stored.Hash + stored.Prefix + stored.Name, StringComparison.Ordinal);
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "api-key.created");
        Assert.Equal(("ApiKey", "admin.zhou"), (entry.EntityType, entry.ActorId));
        Assert.DoesNotContain(secret, entry.After!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ByFinance_IsDenied()
    {
        await using var database = await TestDatabase.CreateAsync();
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Get<ApiKeyService>().CreateAsync(People.FinanceChen, "x"));
    }

    [Fact]
    public async Task Authenticate_RightWrongAndRevokedKeys_OnlyTheActiveRightKeyPasses()
    {
        await using var database = await TestDatabase.CreateAsync();
        var keys = database.Get<ApiKeyService>();
        var (key, secret) = await keys.CreateAsync(People.Admin, "feed");

        var found = await keys.AuthenticateAsync(secret);
        Assert.Equal(key.Id, found?.Id);
        Assert.Equal($"api-key:{key.Prefix}", found!.AsActor().UserId);
        Assert.Null(await keys.AuthenticateAsync(secret[..^1] + (secret[^1] == '0' ? '1' : '0')));
        Assert.Null(await keys.AuthenticateAsync(""));

        await keys.RevokeAsync(People.Admin, key.Id);
        Assert.Null(await keys.AuthenticateAsync(secret));
        await using var db = database.NewContext();
        var entityId = key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "api-key.revoked" && e.EntityId == entityId));
        await Assert.ThrowsAsync<DomainException>(() => keys.RevokeAsync(People.Admin, key.Id));
    }
}
