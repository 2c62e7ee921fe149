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

    public static async Task RunAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var factory = services.GetRequiredService<IDbContextFactory<BackOfficeDbContext>>();
        DateOnly through;
        long lines;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            lines = await db.OrderLines.LongCountAsync(ct);
            var last = await db.OrderLines.MaxAsync(l => l.ShippedAt, ct);
            through = last is null ? ChinaTime.Today(TimeProvider.System) : SettlementMonth.FirstDay(SettlementMonth.Of(ChinaTime.DateOf(last.Value))).AddDays(-1);
        }
        var run = await services.GetRequiredService<SettlementRunService>().RunAsync(Operator, through, ct: ct);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"settlement run through {through:yyyy-MM-dd} over {lines:N0} lines: {run.LinesExamined:N0} examined, {run.EntriesBooked:N0} entries booked, {run.Drafts:N0} drafts in {run.Elapsed.TotalSeconds:0.0} s (target < 60 s for a month of 10M lines)"));

        var document = Synthetic(5_000);
        var files = services.GetRequiredService<StatementFiles>();
        files.Render(document, "xlsx");
        var watch = Stopwatch.StartNew();
        var xlsx = files.Render(document, "xlsx");
        var excel = watch.Elapsed;
        watch.Restart();
        var pdf = files.Render(document, "pdf");
        var pdfTime = watch.Elapsed;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"5,000-entry statement: Excel {excel.TotalMilliseconds:N0} ms ({xlsx.Length / 1024:N0} KB), PDF {pdfTime.TotalMilliseconds:N0} ms ({pdf.Length / 1024:N0} KB), together {(excel + pdfTime).TotalSeconds:0.00} s (targets < 2 s, PDF < 1 MB)"));
    }

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
