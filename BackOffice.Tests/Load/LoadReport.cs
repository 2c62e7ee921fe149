using System.Collections.Concurrent;
using System.Text;

namespace BackOffice.Tests.Load;

/// <summary>What a load run saw: HTTP latencies and statuses, circuit clicks and errors, background jobs; safe to record into from many tasks.</summary>
public sealed class LoadReport
{
    private readonly ConcurrentBag<double> _latenciesMs = [];
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _byPath = new();
    private readonly ConcurrentBag<double> _clicksMs = [];
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly ConcurrentQueue<string> _background = new();
    private long _requests;
    private long _redirects;
    private long _httpErrors;
    private long _circuitErrors;
    private long _unfinished;
    private readonly ConcurrentBag<double> _unfinishedMs = [];

    public long Errors => Interlocked.Read(ref _httpErrors) + Interlocked.Read(ref _circuitErrors);

    public void Request(string path, int status, TimeSpan elapsed)
    {
        Interlocked.Increment(ref _requests);
        _latenciesMs.Add(elapsed.TotalMilliseconds);
        _byPath.GetOrAdd(path, _ => []).Add(elapsed.TotalMilliseconds);
        if (status is >= 300 and < 400) Interlocked.Increment(ref _redirects);
        if (status is < 200 or >= 400) Error(ref _httpErrors, $"{status} {path}");
    }

    public void Failure(string path, Exception e, TimeSpan elapsed)
    {
        Interlocked.Increment(ref _requests);
        _latenciesMs.Add(elapsed.TotalMilliseconds);
        Error(ref _httpErrors, $"{path}: {e.GetType().Name}: {e.Message}");
    }

    /// <summary>A request still waiting for its answer when the run ended: not in the percentiles (its latency is unknown), counted and reported.</summary>
    public void Unfinished(string path, TimeSpan elapsed)
    {
        Interlocked.Increment(ref _unfinished);
        _unfinishedMs.Add(elapsed.TotalMilliseconds);
    }

    public void Click(TimeSpan elapsed) => _clicksMs.Add(elapsed.TotalMilliseconds);

    public void CircuitError(string message) => Error(ref _circuitErrors, "circuit " + message);

    public void Background(string message) => _background.Enqueue(message);

    public string ErrorSample() => $"{Errors} errors; first ones:\n" + string.Join('\n', _errors.Take(20));

    public string Summary(TimeSpan ran)
    {
        var http = _latenciesMs.Order().ToArray();
        var clicks = _clicksMs.Order().ToArray();
        var text = new StringBuilder();
        text.AppendLine($"Ran {ran.TotalSeconds:0.0} s.");
        text.AppendLine($"HTTP: {_requests} requests ({_requests / ran.TotalSeconds:0.0}/s), {_redirects} redirects, {_httpErrors} errors; " +
            $"latency p50 {Percentile(http, 50):0} ms, p95 {Percentile(http, 95):0} ms, p99 {Percentile(http, 99):0} ms, max {http.LastOrDefault():0} ms.");
        if (_unfinished > 0) text.AppendLine($"HTTP: {_unfinished} requests still unanswered when the run ended (waiting for up to {_unfinishedMs.Max():0} ms).");
        text.AppendLine($"Circuits: {clicks.Length} nav clicks, {_circuitErrors} errors; click-to-URL p50 {Percentile(clicks, 50):0} ms, p95 {Percentile(clicks, 95):0} ms, p99 {Percentile(clicks, 99):0} ms.");
        foreach (var (path, bag) in _byPath.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var sorted = bag.Order().ToArray();
            text.AppendLine($"  {path}: {sorted.Length} requests, p50 {Percentile(sorted, 50):0} ms, p95 {Percentile(sorted, 95):0} ms, p99 {Percentile(sorted, 99):0} ms");
        }
        foreach (var line in _background) text.AppendLine(line);
        if (!_errors.IsEmpty) text.AppendLine(ErrorSample());
        return text.ToString();
    }

    private void Error(ref long counter, string message)
    {
        Interlocked.Increment(ref counter);
        if (_errors.Count < 50) _errors.Enqueue(message);
    }

    private static double Percentile(double[] sorted, int percent) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
