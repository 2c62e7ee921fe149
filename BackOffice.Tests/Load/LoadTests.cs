using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Imports;
using BackOffice.Domain.Sales;
using BackOffice.Domain.Settlement;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace BackOffice.Tests.Load;

/// <summary>
/// Issue 9's load test: the app under signed-in HTTP users, live circuits, an order-line import and a settlement
/// run at once; stops by itself after BACKOFFICE_LOAD_SECONDS. Explicit only, e.g.
/// <c>BACKOFFICE_LOAD_SECONDS=90 dotnet test -- --filter-class "*LoadTests" --explicit only</c>.
/// On demo data by default; <c>BACKOFFICE_LOAD_DATAFOLDER=DIR</c> runs over an existing data set instead (the
/// large one: <c>seed --scale large --DataFolder DIR</c>), on a copy taken with SQLite's backup API so DIR is
/// left as it was (<c>BACKOFFICE_LOAD_INPLACE=1</c> skips the copy; the run then adds its 5,000 LOAD-* lines and
/// settles one month in DIR, and a second run changes nothing more). Over a data folder the settlement run goes
/// through the end of the month of the first sale (one month for all suppliers, issue 8's measure). The report (p50/p95/p99 overall and per page,
/// errors, memory per circuit, server memory at the end) is written to BACKOFFICE_LOAD_REPORT, by default
/// load-report.txt beside the test assembly.
/// </summary>
public sealed class LoadTests : IClassFixture<BrowserFixture>
{
    private static readonly string[] CommonPages =
        ["/", "/dashboards", "/dashboards/leaderboard", "/dashboards/geography", "/suppliers", "/brands", "/sales", "/sales/calendar"];

    private readonly BrowserFixture _browser;

    public LoadTests(BrowserFixture browser) => _browser = browser;

    [Fact(Explicit = true)]
    public async Task DemoData_UsersCircuitsImportAndSettlement_NoErrors()
    {
        var seconds = Setting("BACKOFFICE_LOAD_SECONDS", 120);
        var users = Setting("BACKOFFICE_LOAD_USERS", 200);
        var circuits = Setting("BACKOFFICE_LOAD_CIRCUITS", 20);
        var source = Environment.GetEnvironmentVariable("BACKOFFICE_LOAD_DATAFOLDER") is { Length: > 0 } folder ? Path.GetFullPath(folder) : null;
        var report = new LoadReport();

        await using var copy = source is null || Environment.GetEnvironmentVariable("BACKOFFICE_LOAD_INPLACE") == "1" ? null : await DataFolderCopy.CreateAsync(source);
        if (copy is not null) Say($"Copied {source} to {copy.Folder} ({Mb(copy.Bytes)}) in {copy.Elapsed.TotalSeconds:0.0} s.");
        var started = Stopwatch.StartNew();
        await using var app = source is null ? AppHost.WithDemoData() : AppHost.OnExistingData(copy?.Folder ?? source);
        await app.InitializeAsync();
        Say($"App ready on {(source is null ? "demo data" : copy is null ? source + " (in place)" : "a copy of " + source)} at {app.BaseAddress} in {started.Elapsed.TotalSeconds:0.0} s; " +
            $"{users} users, {circuits} circuits, {seconds} s.");

        var personas = Personas.All.Select(p => p.Id).ToArray();
        var clients = new (HttpClient Client, string[] Pages)[users];
        using (var gate = new SemaphoreSlim(8))
        {
            await Task.WhenAll(Enumerable.Range(0, users).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    var persona = personas[i % personas.Length];
                    clients[i] = (await SignedInClient.CreateAsync(app, persona), PagesFor(persona));
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        var beforeCircuits = app.WorkingSetBytes;
        var contexts = new List<IBrowserContext>();
        var pages = new List<IPage>();
        for (var i = 0; i < circuits; i++)
        {
            var context = await _browser.NewContextAsync(app);
            contexts.Add(context);
            var page = await context.NewPageAsync();
            page.Response += (_, response) => { if (response.Status >= 400) report.CircuitError($"{response.Status} {response.Url}"); };
            await BrowserFixture.SignInAsAsync(page, personas[i % personas.Length]);
            pages.Add(page);
        }
        await Task.Delay(TimeSpan.FromSeconds(3));
        var withCircuits = app.WorkingSetBytes;

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var clock = Stopwatch.StartNew();
        var work = new List<Task>();
        work.AddRange(clients.Select((c, i) => HttpUserAsync(c.Client, c.Pages, i, report, deadline.Token)));
        work.AddRange(pages.Select(page => CircuitAsync(page, report, deadline.Token)));
        var background = ImportAndSettleAsync(app, report, settleFirstMonth: source is not null);
        try
        {
            await Task.WhenAll(work);
        }
        catch (Exception e)
        {
            report.CircuitError($"a user task failed: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
        }
        var ran = clock.Elapsed;
        var atEnd = app.WorkingSetBytes;
        var waited = Stopwatch.StartNew();
        try
        {
            await background;
        }
        catch (Exception e)
        {
            report.Background($"Import/settlement failed: {e.GetType().Name}: {e.Message}");
            report.CircuitError("background import or settlement failed");
        }
        report.Background($"Waited {waited.Elapsed.TotalSeconds:0.0} s after the load for the import and settlement run to finish.");

        foreach (var context in contexts) await context.DisposeAsync();
        foreach (var (client, _) in clients) client.Dispose();

        var summary = report.Summary(ran) +
            $"Server working set: before circuits {Mb(beforeCircuits)}, with {circuits} idle circuits {Mb(withCircuits)}, at end of run {Mb(atEnd)}; " +
            $"memory per circuit ≈ {Mb((withCircuits - beforeCircuits) / Math.Max(circuits, 1))}.\n";
        Say(summary);
        var reportFile = Environment.GetEnvironmentVariable("BACKOFFICE_LOAD_REPORT") is { Length: > 0 } path ? path : Path.Combine(AppContext.BaseDirectory, "load-report.txt");
        await File.WriteAllTextAsync(reportFile, $"{DateTime.UtcNow:u} {users} users, {circuits} circuits, {seconds} s on {source ?? "demo data"}{(copy is null ? "" : " (copy)")}\n{summary}");
        Assert.True(report.Errors == 0, report.ErrorSample() + "\n" + app.OutputTail(30));
    }

    private static string[] PagesFor(string persona) => persona switch
    {
        _ when persona.StartsWith("am.", StringComparison.Ordinal) => [.. CommonPages, "/agreements"],
        _ when persona.StartsWith("finance.", StringComparison.Ordinal) => [.. CommonPages, "/statements"],
        _ => CommonPages,
    };

    private static async Task HttpUserAsync(HttpClient client, string[] pages, int offset, LoadReport report, CancellationToken deadline)
    {
        for (var n = offset; !deadline.IsCancellationRequested; n++)
        {
            var path = pages[n % pages.Length];
            var watch = Stopwatch.StartNew();
            try
            {
                using var response = await client.GetAsync(path, deadline);
                await response.Content.ReadAsByteArrayAsync(deadline);
                report.Request(path, (int)response.StatusCode, watch.Elapsed);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                report.Unfinished(path, watch.Elapsed);
                return;
            }
            catch (Exception e)
            {
                report.Failure(path, e, watch.Elapsed);
            }
        }
    }

    private static async Task CircuitAsync(IPage page, LoadReport report, CancellationToken deadline)
    {
        var links = new List<string>();
        foreach (var link in await page.Locator("a.mud-nav-link[href]").AllAsync())
            if (await link.IsVisibleAsync() && await link.GetAttributeAsync("href") is { Length: > 0 } href) links.Add(href);
        if (links.Count == 0)
        {
            report.CircuitError("no visible nav links on " + page.Url);
            return;
        }
        for (var n = 0; !deadline.IsCancellationRequested; n++)
        {
            var href = links[n % links.Count];
            try
            {
                var watch = Stopwatch.StartNew();
                await page.Locator($"a.mud-nav-link[href='{href}']").First.ClickAsync();
                await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == new Uri(new Uri("http://x"), href).AbsolutePath);
                if (await page.Locator("#blazor-error-ui").IsVisibleAsync()) report.CircuitError("blazor error UI after " + href);
                if (await page.Locator("#components-reconnect-modal").IsVisibleAsync()) report.CircuitError("reconnect dialog shown (circuit connection lost) after " + href);
                report.Click(watch.Elapsed);
                await Task.Delay(1000, deadline);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (!deadline.IsCancellationRequested)
            {
                report.CircuitError($"{href}: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            }
            catch (Exception)
            {
                return; // cut short by the deadline (a click or wait still running when it came)
            }
        }
    }

    /// <summary>One order-line CSV import, then one settlement run, through the domain services on the app's database.</summary>
    private static async Task ImportAndSettleAsync(AppHost app, LoadReport report, bool settleFirstMonth)
    {
        await using var data = await RunningAppData.OpenAsync(app);
        string saleCode, shopkeeper;
        List<string> skus;
        DateTime startsAt;
        await using (var db = data.NewContext())
        {
            var sale = await db.Sales.Include(s => s.Products).AsNoTracking()
                // Ended is derived from the clock: a Scheduled sale whose end has passed.
                .Where(s => s.StoredStatus == SaleStatus.Scheduled && s.EndsAt < DateTime.UtcNow)
                .OrderByDescending(s => s.StartsAt).FirstAsync();
            var productIds = sale.Products.Select(p => p.ProductId).ToList();
            skus = await db.Products.Where(p => productIds.Contains(p.Id)).Select(p => p.SkuCode).ToListAsync();
            shopkeeper = await db.Shopkeepers.OrderBy(s => s.Id).Select(s => s.Code).FirstAsync();
            (saleCode, startsAt) = (sale.Code, sale.StartsAt);
        }
        var orderedAt = new DateTimeOffset(DateTime.SpecifyKind(startsAt, DateTimeKind.Utc)).AddHours(1).ToOffset(TimeSpan.FromHours(8))
            .ToString("yyyy-MM-dd'T'HH:mm:ss'+08:00'", CultureInfo.InvariantCulture);
        var rows = Enumerable.Range(1, 5_000).Select(n => string.Join(',', $"LOAD-{n:000000}", $"LOADORDER-{n / 3:000000}", saleCode, skus[n % skus.Count],
            shopkeeper, 1, 9_900, 990, orderedAt, orderedAt, 0, ""));
        var watch = Stopwatch.StartNew();
        var import = await data.Get<ImportService>().ImportCsvAsync(People.Admin, ImportKind.OrderLines, TradingData.Csv(TradingData.OrderLineHeader, rows));
        report.Background($"Import of {import.Rows} order lines into {saleCode}: applied {import.Applied}, inserted {import.Inserted}, problems {import.ProblemCount}" +
            (import.Problems.Count > 0 ? $" (first: row {import.Problems[0].Row} {import.Problems[0].Field}: {import.Problems[0].Message})" : "") +
            $", {watch.Elapsed.TotalSeconds:0.0} s.");
        if (!import.Applied) throw new InvalidOperationException("The background import was refused: " + string.Join("; ", import.Problems.Take(3)));
        // Over a large data set, one month for all suppliers (issue 8's measure): the month of the first sale; a later
        // run over the same folder finds it booked already.
        DateTime firstSale;
        await using (var db = data.NewContext()) firstSale = await db.Sales.Where(s => s.StoredStatus == SaleStatus.Scheduled).MinAsync(s => s.StartsAt);
        var through = settleFirstMonth
            ? SettlementMonth.LastDay(SettlementMonth.Of(BackOffice.Domain.Common.ChinaTime.DateOf(DateTime.SpecifyKind(firstSale, DateTimeKind.Utc))))
            : DateOnly.FromDateTime(DateTime.UtcNow);
        watch.Restart();
        var run = await data.Get<SettlementRunService>().RunAsync(People.FinanceChen, through);
        report.Background($"Settlement run through {run.Through:yyyy-MM-dd}: {run.LinesExamined} lines, {run.EntriesBooked} entries, {run.Drafts} drafts, {run.Elapsed.TotalSeconds:0.0} s.");
    }

    /// <summary>A consistent copy of a data folder (the database through SQLite's backup API, the other files as they are), deleted when disposed.</summary>
    private sealed class DataFolderCopy : IAsyncDisposable
    {
        public required string Folder { get; init; }
        public long Bytes { get; init; }
        public TimeSpan Elapsed { get; init; }

        public static async Task<DataFolderCopy> CreateAsync(string source)
        {
            var watch = Stopwatch.StartNew();
            var target = Directory.CreateTempSubdirectory("backoffice-load-").FullName;
            foreach (var file in Directory.EnumerateFiles(source))
            {
                var name = Path.GetFileName(file);
                if (name.StartsWith("backoffice.db", StringComparison.Ordinal)) continue;
                File.Copy(file, Path.Combine(target, name));
            }
            await Task.Run(() =>
            {
                using var from = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(source, "backoffice.db")};Mode=ReadOnly;Pooling=False");
                using var to = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(target, "backoffice.db")};Pooling=False");
                from.Open();
                to.Open();
                from.BackupDatabase(to);
            });
            return new DataFolderCopy { Folder = target, Bytes = new FileInfo(Path.Combine(target, "backoffice.db")).Length, Elapsed = watch.Elapsed };
        }

        public ValueTask DisposeAsync()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(Folder, recursive: true); }
            catch (IOException) { }
            return ValueTask.CompletedTask;
        }
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    private static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:0.0} MB";

    private static void Say(string message)
    {
        TestContext.Current.SendDiagnosticMessage(message);
        TestContext.Current.TestOutputHelper?.WriteLine(message);
        Console.WriteLine(message);
    }
}
