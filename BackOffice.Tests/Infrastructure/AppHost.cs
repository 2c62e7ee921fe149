using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BackOffice.Tests.Infrastructure;

/// <summary>
/// The real app in its own process: <c>dotnet BackOffice.dll</c> from the test output folder, in Development
/// (persona sign-in, and static web assets served from the build's manifest), on a free loopback port,
/// with its own temp data folder and no demo data. Ready when <c>/health/ready</c> answers 200.
/// </summary>
public sealed class AppHost : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan DemoDataStartTimeout = TimeSpan.FromMinutes(5);
    private readonly ConcurrentQueue<string> _output = new();
    private readonly string _dataFolder;
    private readonly bool _ownsDataFolder;
    private readonly bool _demoData;
    private readonly bool _existingData;
    private Process? _process;

    /// <summary>An app on its own temp data folder, deleted when it stops.</summary>
    public AppHost() : this(null)
    {
    }

    private AppHost(string? sharedDataFolder, bool demoData = false, bool existingData = false)
    {
        _demoData = demoData;
        _existingData = existingData;
        _ownsDataFolder = sharedDataFolder is null;
        _dataFolder = sharedDataFolder ?? Path.Combine(Path.GetTempPath(), "backoffice-apphost", Guid.NewGuid().ToString("N"));
    }

    /// <summary>An app on <paramref name="dataFolder"/>, shared with other instances (one database); the folder is left in place. Call InitializeAsync.</summary>
    public static AppHost OnSharedDataFolder(string dataFolder) => new(dataFolder);

    /// <summary>An app on its own temp data folder that seeds the demo data on first start (slower to be ready), without the tests' trading data.</summary>
    public static AppHost WithDemoData() => new(null, demoData: true);

    /// <summary>An app on a data folder that already holds a data set (e.g. <c>seed --scale large</c>): no seeding, none of the tests' trading data; the folder is left in place. Call InitializeAsync.</summary>
    public static AppHost OnExistingData(string dataFolder) => new(dataFolder, existingData: true);

    /// <summary>The app process's working set now, in bytes.</summary>
    public long WorkingSetBytes
    {
        get
        {
            _process!.Refresh();
            return _process.WorkingSet64;
        }
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The app's data folder, so a test can reach the same database through the domain services.</summary>
    public string DataFolder => _dataFolder;

    /// <summary>How often the app re-reads a signed-in local user's roles; short, so role-removal tests stay quick.</summary>
    public static readonly TimeSpan RoleRevalidation = TimeSpan.FromSeconds(2);

    /// <summary>A client that does not follow redirects, so tests see what the app answers.</summary>
    public HttpClient CreateClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };

    public async ValueTask InitializeAsync()
    {
        var appDll = Path.Combine(AppContext.BaseDirectory, "BackOffice.dll");
        if (!File.Exists(appDll)) throw new InvalidOperationException($"BackOffice.dll not found next to the tests at {appDll}; build the solution first.");
        Directory.CreateDirectory(_dataFolder);
        var port = FreeLoopbackPort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(appDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString());
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(AppContext.BaseDirectory);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["DataFolder"] = _dataFolder;
        start.Environment["DemoData__SeedOnFirstStart"] = _demoData ? "true" : "false";
        start.Environment["LocalSignIn__RevalidateSeconds"] = ((int)RoleRevalidation.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";

        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        await WaitUntilReadyAsync(_demoData || _existingData ? DemoDataStartTimeout : StartTimeout);
        if (_demoData || _existingData) return;
        // Arranged before any test runs, so the fixed codes it uses (SUP-000001, SALE-000001, SKU-1-1…) are never
        // taken first by another test's data in this shared database.
        await RunningAppData.EnsureTradingDataAsync(this);
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = CreateClient();
        client.Timeout = TimeSpan.FromSeconds(5);
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < timeout)
        {
            if (_process!.HasExited)
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} before it was ready.\n{OutputTail()}");
            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but slow to answer while it starts.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The app did not answer 200 on {BaseAddress}health/ready within {timeout.TotalSeconds:0} s.\n{OutputTail()}");
    }

    /// <summary>The last lines the app wrote, for failure messages.</summary>
    public string OutputTail(int lines = 60) => "--- app output (tail) ---\n" + string.Join('\n', _output.TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
            _process.Dispose();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!_ownsDataFolder) return;
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing the run over.
        }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 500) _output.TryDequeue(out _);
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
