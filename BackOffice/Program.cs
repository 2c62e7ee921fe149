using BackOffice.Cli;
using BackOffice.Hosting;

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddBackOfficeWeb();
var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseBackOffice();
await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to the tests that host the app.</summary>
public partial class Program;
