using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BackOffice.Domain.Imports;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Tests.Api;

/// <summary>The HTTP feeds, asked of the real app process with keys made in its database.</summary>
[Collection(RunningAppCollection.Name)]
public sealed class ImportApiTests(AppHost app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int Id, string Secret)> NewKeyAsync(string name)
    {
        await using var data = await RunningAppData.OpenAsync(app);
        var (key, secret) = await data.Get<ApiKeyService>().CreateAsync(People.Admin, name);
        return (key.Id, secret);
    }

    private HttpClient Client(string? bearer = null)
    {
        var client = app.CreateClient();
        if (bearer is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string LineJson(string externalId, string orderId, string sku, long paid) => $$"""
        {"external_id":"{{externalId}}","order_id":"{{orderId}}","sale_code":"SALE-000001","sku_code":"{{sku}}","shopkeeper_id":"SK-0000001",
         "quantity":1,"paid_fen":{{paid}},"shopkeeper_commission_fen":{{paid / 10}},"ordered_at":"2026-11-20T10:15:00+08:00","shipped_at":null,"refund_fen":0,"refunded_at":null}
        """;

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    [Fact]
    public async Task PostOrderLines_NoKey_Returns401WithJsonProblem()
    {
        using var client = Client();

        using var response = await client.PostAsync("/api/v1/order-lines", Json("[]"), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, (await BodyAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task PostOrderLines_WrongKey_Returns401()
    {
        var (_, secret) = await NewKeyAsync("wrong-key test");
        using var client = Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", secret[..^2] + "zz");

        using var response = await client.PostAsync("/api/v1/order-lines", Json("[]"), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Invalid API key", (await BodyAsync(response)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task PostOrderLines_RevokedKey_Returns401()
    {
        var (id, secret) = await NewKeyAsync("revoked-key test");
        await using (var data = await RunningAppData.OpenAsync(app))
            await data.Get<ApiKeyService>().RevokeAsync(People.Admin, id);
        using var client = Client(secret);

        using var response = await client.PostAsync("/api/v1/order-lines", Json("[]"), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PostShopkeepers_ValidKeyInEitherHeader_Returns200WithCountsAuditedAsTheKey()
    {
        await RunningAppData.EnsureTradingDataAsync(app);
        var (_, secret) = await NewKeyAsync("valid-key test");
        const string batch = """[{"shopkeeper_id":"SK-0000009","phone":"13800000009","real_name":"王小九","province":"浙江","city":"杭州","joined_at":"2025-03-01"}]""";
        using var bearer = Client(secret);
        using var header = Client();
        header.DefaultRequestHeaders.Add("X-Api-Key", secret);

        using var first = await bearer.PostAsync("/api/v1/shopkeepers", Json(batch), Ct);
        using var again = await header.PostAsync("/api/v1/shopkeepers", Json(batch), Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var body = await BodyAsync(again);
        Assert.Equal(1, body.GetProperty("rows").GetInt64());
        Assert.Equal(1, body.GetProperty("unchanged").GetInt64());
        await using var data = await RunningAppData.OpenAsync(app);
        await using var db = data.NewContext();
        var entry = await db.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync(e => e.Action == "import.shopkeepers");
        Assert.Equal(("api-key:" + secret[..10], "valid-key test"), (entry.ActorId, entry.ActorName));
        Assert.Contains(body.GetProperty("sha256").GetString()!, entry.After!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostOrderLines_BadRowInTheMiddle_Returns422WithReportAndWritesNothing()
    {
        await RunningAppData.EnsureTradingDataAsync(app);
        var (_, secret) = await NewKeyAsync("bad-row test");
        var run = Guid.NewGuid().ToString("N")[..8];
        var batch = $"[{LineJson($"A-{run}-1", $"O-{run}-1", "SKU-1-1", 1000)},{LineJson($"A-{run}-2", $"O-{run}-2", "SKU-2-1", 1000)},{LineJson($"A-{run}-3", $"O-{run}-3", "SKU-1-2", 1000)}]";
        using var client = Client(secret);

        using var response = await client.PostAsync("/api/v1/order-lines", Json(batch), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await BodyAsync(response);
        Assert.Equal(3, body.GetProperty("rows").GetInt64());
        Assert.Equal(1, body.GetProperty("problem_count").GetInt64());
        var problem = Assert.Single(body.GetProperty("problems").EnumerateArray().ToList());
        Assert.Equal(2, problem.GetProperty("row").GetInt64());
        Assert.Equal("sku_code", problem.GetProperty("field").GetString());
        await using var data = await RunningAppData.OpenAsync(app);
        await using var db = data.NewContext();
        Assert.False(await db.OrderLines.AnyAsync(l => l.ExternalId.StartsWith($"A-{run}")));
    }

    [Fact]
    public async Task PostOrderLines_SameBatchTwice_SecondChangesNothing()
    {
        await RunningAppData.EnsureTradingDataAsync(app);
        var (_, secret) = await NewKeyAsync("idempotence test");
        var run = Guid.NewGuid().ToString("N")[..8];
        var batch = $"[{LineJson($"B-{run}-1", $"P-{run}-1", "SKU-1-1", 2500)},{LineJson($"B-{run}-2", $"P-{run}-1", "SKU-1-2", 1500)}]";
        using var client = Client(secret);

        using var first = await client.PostAsync("/api/v1/order-lines", Json(batch), Ct);
        long gmvAfterFirst;
        await using (var data = await RunningAppData.OpenAsync(app))
        await using (var db = data.NewContext())
            gmvAfterFirst = await db.DailySales.SumAsync(d => d.GmvFen, Ct);
        using var second = await client.PostAsync("/api/v1/order-lines", Json(batch), Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(2, (await BodyAsync(first)).GetProperty("inserted").GetInt64());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var again = await BodyAsync(second);
        Assert.Equal((0L, 0L, 2L), (again.GetProperty("inserted").GetInt64(), again.GetProperty("updated").GetInt64(), again.GetProperty("unchanged").GetInt64()));
        await using var check = await RunningAppData.OpenAsync(app);
        await using var checkDb = check.NewContext();
        Assert.Equal(2, await checkDb.OrderLines.CountAsync(l => l.ExternalId.StartsWith($"B-{run}"), Ct));
        Assert.Equal(gmvAfterFirst, await checkDb.DailySales.SumAsync(d => d.GmvFen, Ct));
    }

    [Fact]
    public async Task PostOrderLines_NotAnArray_Returns400()
    {
        var (_, secret) = await NewKeyAsync("not-an-array test");
        using var client = Client(secret);

        using var response = await client.PostAsync("/api/v1/order-lines", Json("""{"external_id":"x"}"""), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_MoreThanPermitsPerMinute_Returns429WithRetryAfterForThatKeyOnly()
    {
        var (_, secret) = await NewKeyAsync("rate-limit test");
        var (_, other) = await NewKeyAsync("rate-limit neighbour");
        using var client = Client(secret);
        // Plain text is refused (415) without touching the database, but still counts against the key's permits.
        for (var i = 0; i < 60; i++)
        {
            using var allowed = await client.PostAsync("/api/v1/order-lines", new StringContent("x"), Ct);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, allowed.StatusCode);
            Assert.Equal("application/problem+json", allowed.Content.Headers.ContentType?.MediaType);
        }

        using var limited = await client.PostAsync("/api/v1/order-lines", new StringContent("x"), Ct);
        using var neighbour = await Client(other).PostAsync("/api/v1/order-lines", new StringContent("x"), Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");
        Assert.Equal(429, (await BodyAsync(limited)).GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, neighbour.StatusCode);
    }

    [Fact]
    public async Task GetOpenApi_Anonymous_DescribesBothPathsAndTheKeyScheme()
    {
        using var client = Client();

        using var response = await client.GetAsync("/openapi/v1.json", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await BodyAsync(response);
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/shopkeepers", out var shopkeepers));
        Assert.True(paths.TryGetProperty("/api/v1/order-lines", out var lines));
        Assert.True(lines.GetProperty("post").GetProperty("responses").TryGetProperty("422", out _));
        var content = shopkeepers.GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.Equal(["application/json"], content.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(2, paths.EnumerateObject().Count());
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("ApiKey").GetProperty("scheme").GetString());
        Assert.Equal("X-Api-Key", schemes.GetProperty("X-Api-Key").GetProperty("name").GetString());
        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("OrderLineRecord", out var record));
        Assert.True(record.GetProperty("properties").TryGetProperty("paid_fen", out _));
    }
}
