using System.Reflection;
using BackOffice.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace BackOffice.Tests.Infrastructure;

/// <summary>A GET route of the app and who may use it, as its metadata says.</summary>
public sealed record AppRoute(string Pattern, bool Anonymous, IReadOnlyList<string> Policies, string Source)
{
    public override string ToString() => $"{Pattern} ({Source})";
}

/// <summary>Lists the app's routable pages (by reflection) and its GET endpoints (the real wiring, built in-process, never started).</summary>
public static class AppEndpoints
{
    public static IReadOnlyList<AppRoute> Pages() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => Describe(r.Template, t.GetCustomAttributes(true), "page " + t.Name)))
            .OrderBy(r => r.Pattern, StringComparer.Ordinal).ToList();

    public static IReadOnlyList<AppRoute> GetEndpoints()
    {
        var dataFolder = Directory.CreateTempSubdirectory("backoffice-endpoints-").FullName;
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                EnvironmentName = Environments.Development,
                ApplicationName = "BackOffice",
                ContentRootPath = AppContext.BaseDirectory,
            });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["DataFolder"] = dataFolder, ["DemoData:SeedOnFirstStart"] = "false" });
            builder.AddBackOfficeWeb();
            using var app = builder.Build();
            app.UseBackOffice();
            return ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
                .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is not { } methods || methods.Contains(HttpMethods.Get))
                .Where(e => !e.Metadata.Any(m => m.GetType().Name == "ComponentTypeMetadata")) // pages come from Pages()
                .Where(e => !IsFrameworkOrStaticAsset(e))
                .Select(e => Describe("/" + e.RoutePattern.RawText!.TrimStart('/'), e.Metadata, "endpoint " + e.DisplayName))
                .DistinctBy(r => r.Pattern)
                .OrderBy(r => r.Pattern, StringComparer.Ordinal).ToList();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataFolder, recursive: true);
        }
    }

    private static bool IsFrameworkOrStaticAsset(RouteEndpoint endpoint) =>
        endpoint.RoutePattern.RawText!.TrimStart('/').StartsWith('_')
        || endpoint.Metadata.Any(m => m.GetType().FullName == "Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor");

    private static AppRoute Describe(string pattern, IEnumerable<object> metadata, string source)
    {
        var items = metadata.ToList();
        var anonymous = items.OfType<IAllowAnonymous>().Any();
        var policies = items.OfType<IAuthorizeData>().Select(a => a.Policy ?? throw new InvalidOperationException($"{source} authorizes without a named policy")).ToList();
        return new AppRoute(pattern, anonymous, policies, source);
    }
}
