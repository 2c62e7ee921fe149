using System.Text;
using Microsoft.Playwright;

namespace BackOffice.Tests.Infrastructure;

/// <summary>
/// One Playwright driver and one headless Debian Chromium (/usr/bin/chromium, never a downloaded browser)
/// for the run; each test opens its own context, so cookies and culture never leak between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: BACKOFFICE_SCREENSHOTS if set (test.sh sets TestResults/screenshots), else screenshots/ beside the test assembly.</summary>
    public static string ScreenshotFolder =>
        Environment.GetEnvironmentVariable("BACKOFFICE_SCREENSHOTS") is { Length: > 0 } folder
            ? folder
            : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium not found at {ChromiumPath}; install Debian's chromium package (test.sh does).");
        // Every server round trip of a Blazor circuit shares two cores with the test run itself; Playwright's
        // 5 s default for expectations is for pages served by a quiet machine.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh context (cookies, storage) on the app; dispose it at the end of the test.</summary>
    public async Task<IBrowserContext> NewContextAsync(AppHost app)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 860 },
            Locale = "zh-CN",
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    /// <summary>Opens the sign-in page and presses the persona's button; returns once the app shows who is signed in.</summary>
    public static async Task SignInAsAsync(IPage page, string personaId)
    {
        await page.GotoAsync("/signin");
        await page.Locator($"[data-testid='persona-{personaId}'] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='user-name']")).ToBeVisibleAsync();
    }

    /// <summary>
    /// Completes when the page has become interactive, so its menus and buttons work. The layout's
    /// MudPopoverProvider calls <c>mudPopover.initialize</c> from its first OnAfterRender, which Blazor Server
    /// runs only once the browser has applied that render batch; the call arrives over the circuit's socket.
    /// Call before navigating, so no frame is missed.
    /// </summary>
    public static Task WhenInteractive(IPage page)
    {
        var rendered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
        {
            var payload = frame.Binary is { } bytes ? Encoding.UTF8.GetString(bytes) : frame.Text;
            if (payload?.Contains("mudPopover.initialize", StringComparison.Ordinal) == true) rendered.TrySetResult();
        };
        return rendered.Task;
    }

    /// <summary>
    /// Opens a page and waits until its own circuit has rendered and then gone quiet. Leaving through about:blank
    /// first closes the previous page's circuit, whose late messages would otherwise count as this page being
    /// ready. The layout renders first; a page that loads its data in OnInitializedAsync renders its content
    /// (and moves the focus to an AutoFocus field) in a later batch, so text typed before that batch lands in
    /// the replaced prerendered inputs or in the wrong field. Quiet: no message from the server for 300 ms.
    /// </summary>
    public static async Task GotoInteractiveAsync(IPage page, string url)
    {
        await page.GotoAsync("about:blank");
        var lastFrame = Environment.TickCount64;
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, _) => Interlocked.Exchange(ref lastFrame, Environment.TickCount64);
        var interactive = WhenInteractive(page);
        await page.GotoAsync(url);
        await interactive.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var quietBy = Environment.TickCount64 + 5_000;
        while (Environment.TickCount64 - Interlocked.Read(ref lastFrame) < 300 && Environment.TickCount64 < quietBy)
            await Task.Delay(50, TestContext.Current.CancellationToken);
    }

    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
