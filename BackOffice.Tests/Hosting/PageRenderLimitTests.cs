using BackOffice.Hosting;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BackOffice.Tests.Hosting;

public sealed class PageRenderLimitTests
{
    private static System.Threading.RateLimiting.PartitionedRateLimiter<HttpContext> Limiter(int concurrent, int queue)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PageRenders:Concurrent"] = concurrent.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PageRenders:Queue"] = queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection();
        services.AddPageRenderLimit(configuration);
        return services.BuildServiceProvider().GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter!;
    }

    private static HttpContext Request(bool page)
    {
        var http = new DefaultHttpContext();
        var metadata = page ? new EndpointMetadataCollection(new ComponentTypeMetadata(typeof(BackOffice.Components.Pages.Home))) : new EndpointMetadataCollection();
        http.SetEndpoint(new Endpoint(_ => Task.CompletedTask, metadata, page ? "page" : "other"));
        return http;
    }

    [Fact]
    public async Task Pages_BeyondTheConcurrentLimit_WaitInArrivalOrderAndRunWhenOneFinishes()
    {
        var limiter = Limiter(concurrent: 1, queue: 10);
        using var first = await limiter.AcquireAsync(Request(page: true));
        Assert.True(first.IsAcquired);

        var second = limiter.AcquireAsync(Request(page: true)).AsTask();
        var third = limiter.AcquireAsync(Request(page: true)).AsTask();
        await Task.Delay(50);
        Assert.False(second.IsCompleted);

        first.Dispose();
        using var secondLease = await second;
        Assert.True(secondLease.IsAcquired);
        Assert.False(third.IsCompleted); // still one at a time, oldest first
        secondLease.Dispose();
        using var thirdLease = await third;
        Assert.True(thirdLease.IsAcquired);
    }

    [Fact]
    public async Task Pages_QueueFull_Refused()
    {
        var limiter = Limiter(concurrent: 1, queue: 0);
        using var first = await limiter.AcquireAsync(Request(page: true));

        using var refused = await limiter.AcquireAsync(Request(page: true));

        Assert.False(refused.IsAcquired);
    }

    [Fact]
    public async Task CircuitAssetsApiAndHealth_NeverWaitForPages()
    {
        var limiter = Limiter(concurrent: 1, queue: 0);
        using var page = await limiter.AcquireAsync(Request(page: true));

        for (var i = 0; i < 5; i++)
        {
            using var other = await limiter.AcquireAsync(Request(page: false));
            Assert.True(other.IsAcquired);
        }
        Assert.False(PageRenderLimit.IsPage(new DefaultHttpContext()));
    }
}
