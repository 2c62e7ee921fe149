namespace BackOffice.Tests.Infrastructure;

/// <summary>Tests against the real app process share one app and one browser, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class RunningAppCollection : ICollectionFixture<AppHost>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "Running app";
}
