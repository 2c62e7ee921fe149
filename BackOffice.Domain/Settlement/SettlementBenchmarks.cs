using System.Diagnostics;
using System.Globalization;
using BackOffice.Domain.Common;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Domain.Settlement;

/// <summary>Prints settlement figures (the lead wires <c>bench settlement</c>); never asserts timings.</summary>
public static class SettlementBenchmarks
{
    private static readonly Actor Operator = new("bench", "基准 Benchmark", new HashSet<string> { Roles.Finance });

    /// <summary>
    /// On a data set without a ledger: the first run through the end of the month before the last complete one
    /// (every earlier month at once), then the run over that last month for all suppliers (the figure),
    /// then the same run again (books nothing); then a 5,000-entry statement to Excel and PDF.
    /// </summary>
    public static async Task RunAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var factory = services.GetRequiredService<IDbContextFactory<BackOfficeDbContext>>();
        DateOnly through;
        long lines;
        bool booked;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            lines = await db.OrderLines.LongCountAsync(ct);
            var last = await db.OrderLines.MaxAsync(l => l.ShippedAt, ct);
            through = last is null ? ChinaTime.Today(TimeProvider.System) : SettlementMonth.FirstDay(SettlementMonth.Of(ChinaTime.DateOf(last.Value))).AddDays(-1);
            booked = await db.LineSettlements.AnyAsync(ct);
        }
        var runs = services.GetRequiredService<SettlementRunService>();
        var month = SettlementMonth.FirstDay(SettlementMonth.Of(through));
        if (booked)
        {
            output.WriteLine("the ledger already holds entries: the first run and the month run need a data set without a ledger (only the rerun is measured)");
        }
        else
        {
            Print(output, "first run (every month before the last)", lines, await runs.RunAsync(Operator, month.AddDays(-1), ct: ct));
            Print(output, "month run (all suppliers; target < 60 s)", lines, await runs.RunAsync(Operator, through, ct: ct));
        }
        Print(output, "rerun (books nothing)", lines, await runs.RunAsync(Operator, through, ct: ct));

        var document = Synthetic(5_000);
        var files = services.GetRequiredService<StatementFiles>();
        // A running console has rendered before: a small statement first loads the fonts and compiles both paths.
        var watch = Stopwatch.StartNew();
        files.Render(Synthetic(20), "xlsx");
        files.Render(Synthetic(20), "pdf");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first 20-entry statement to Excel and PDF after start (fonts, compilation): {watch.Elapsed.TotalSeconds:0.00} s"));
        watch.Restart();
        var xlsx = files.Render(document, "xlsx");
        var excel = watch.Elapsed;
        watch.Restart();
        var pdf = files.Render(document, "pdf");
        var pdfTime = watch.Elapsed;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"5,000-entry statement: Excel {excel.TotalMilliseconds:N0} ms ({xlsx.Length / 1024:N0} KB), PDF {pdfTime.TotalMilliseconds:N0} ms ({pdf.Length / 1024:N0} KB), together {(excel + pdfTime).TotalSeconds:0.00} s (targets < 2 s, PDF < 1 MB)"));
    }

    private static void Print(TextWriter output, string what, long lines, SettlementRunResult run) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"settlement run through {run.Through:yyyy-MM-dd}, {what}, over {lines:N0} lines: {run.LinesExamined:N0} examined, {run.EntriesBooked:N0} entries booked, {run.Drafts:N0} drafts in {run.Elapsed.TotalSeconds:0.0} s"));

    internal static StatementDocument Synthetic(int count)
    {
        var entries = Enumerable.Range(1, count).Select(i => new StatementLine(i, (EntryKind)(i % 3), $"OL{i:0000000000}", null, "SALE-000204",
            new DateOnly(2026, 10, 1 + (i % 30)), i % 3 == 2 ? -(i % 5000) : i % 9000 + 100, 10_000, 202610, 800, 80, 7, 30, null, null, null)).ToList();
        long Sum(EntryKind k) => entries.Where(e => e.Kind == k).Sum(e => e.AmountFen);
        var total = Sum(EntryKind.Advance) + Sum(EntryKind.Balance) + Sum(EntryKind.Clawback);
        return new StatementDocument(0, "ST-SUP-000166-202610-v1", "SUP-000166", "嘉兴朗润农业发展有限公司", "嘉兴朗润农业发展有限公司", "浦发银行嘉兴分行", "6215147191714975187",
            202610, 1, StatementStatus.Issued, Sum(EntryKind.Advance), Sum(EntryKind.Balance), -Sum(EntryKind.Clawback), 0, 0, Math.Max(0, total), Math.Min(0, total), [], entries, null, null);
    }
}
