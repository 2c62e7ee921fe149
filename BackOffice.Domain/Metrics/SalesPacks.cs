using System.Data.Common;
using System.Runtime.CompilerServices;
using BackOffice.Domain.Persistence;

namespace BackOffice.Domain.Metrics;

/// <summary>
/// Writes the <see cref="ShopkeeperSalesPack"/>s: all of them from the per-shopkeeper daily rows
/// (<see cref="RebuildAsync"/>), or those an import's delta touches (<see cref="ApplyImportDeltaAsync"/>).
/// Each pack is read and written on its own, one at a time, so memory stays within one pack (at most
/// one entry per shopkeeper) whatever the size of the import, and no reader is left open while another
/// command runs (SQL Server needs no MARS).
/// </summary>
internal static class SalesPacks
{
    private const string All = "";

    /// <summary>Every statement an import's pack upkeep sends (the SQL Server ones are parsed by a test).</summary>
    internal static IReadOnlyList<string> ImportStatements(SqlDialect d) => [DeltaDays(d), DeltaIndex(d), DeltaDay(d), ReadPack, DeletePack, InsertPack];

    /// <summary>The delta table by day, category and shopkeeper, for <see cref="DeltaDay"/>; dropped with the delta table at the end of the import.</summary>
    private static string DeltaIndex(SqlDialect d) => d.CreateTempIndex("import_delta_pack", "import_delta", "day, category, shopkeeper_id");

    private const string ReadPack = "SELECT Data FROM ShopkeeperSalesPacks WHERE Span = @s AND Category = @c AND Start = @d";
    private const string DeletePack = "DELETE FROM ShopkeeperSalesPacks WHERE Span = @s AND Category = @c AND Start = @d";
    private const string InsertPack = """
        INSERT INTO ShopkeeperSalesPacks(Span, Category, Start, Shopkeepers, GmvFen, RefundFen, Items, Data) VALUES (@s, @c, @d, @n, @g, @r, @i, @b)
        """;

    /// <summary>One day of the daily rows, per category and shopkeeper, in that order.</summary>
    private const string RowsDay = """
        SELECT Category, ShopkeeperId, SUM(GmvFen), SUM(RefundFen), SUM(Items), SUM(Orders), SUM(CommissionFen), SUM(Lines)
        FROM ShopkeeperDailySales WHERE Day = @d GROUP BY Category, ShopkeeperId ORDER BY Category, ShopkeeperId
        """;

    private static string DeltaDays(SqlDialect d) => $"SELECT DISTINCT day FROM {d.Temp("import_delta")}";

    /// <summary>One day of the import's delta, per category and shopkeeper, in that order.</summary>
    private static string DeltaDay(SqlDialect d) => $"""
        SELECT category, shopkeeper_id, SUM(gmv), SUM(refund), SUM(items), SUM(orders), SUM(commission), SUM(lines)
        FROM {d.Temp("import_delta")} WHERE day = @d GROUP BY category, shopkeeper_id ORDER BY category, shopkeeper_id
        """;

    /// <summary>Replaces every pack with one computed from <see cref="ShopkeeperDailySales"/>.</summary>
    public static async Task RebuildAsync(RawSql sql, CancellationToken ct)
    {
        await sql.ExecAsync("DELETE FROM ShopkeeperSalesPacks", ct);
        await WriteDaysAsync(sql, await DatesAsync(sql, "SELECT DISTINCT Day FROM ShopkeeperDailySales", ct), (day, c) => ReadDayAsync(sql, RowsDay, day, c),
            merge: false, ct);
    }

    /// <summary>Adds the import's delta table to the packs of its days and months, each for all categories and for its own.</summary>
    public static async Task ApplyImportDeltaAsync(RawSql sql, SqlDialect d, CancellationToken ct)
    {
        var days = await DatesAsync(sql, DeltaDays(d), ct);
        if (days.Count == 0) return;
        await sql.ExecAsync(DeltaIndex(d), ct);
        await WriteDaysAsync(sql, days, (day, c) => ReadDayAsync(sql, DeltaDay(d), day, c), merge: true, ct);
    }

    /// <summary>Adds an import's delta summed in memory (per date: category and shopkeeper entries, in that order) to the packs of its days and months.</summary>
    public static Task ApplyImportDeltaAsync(RawSql sql, IReadOnlyDictionary<DateOnly, List<(string Category, PackEntry Entry)>> days, CancellationToken ct) =>
        WriteDaysAsync(sql, days.Keys, (day, _) => days[day].ToAsyncEnumerable(), merge: true, ct);

    /// <summary>
    /// Day by day (each day's rows read whole, from one query or from memory), the day's packs of every category and of all; each month's packs
    /// from the sum of its days, written when the month is done. <paramref name="merge"/>: add to the
    /// packs there (an import's delta) rather than replace them (a rebuild).
    /// </summary>
    private static async Task WriteDaysAsync(RawSql sql, IEnumerable<DateOnly> days, Func<DateOnly, CancellationToken, IAsyncEnumerable<(string Category, PackEntry Entry)>> readDay,
        bool merge, CancellationToken ct)
    {
        var month = new Dictionary<string, Dictionary<int, PackEntry>>(StringComparer.Ordinal);
        DateOnly? currentMonth = null;
        foreach (var day in days.Order())
        {
            if (currentMonth is { } m && m != AnalyticsService.FirstOfMonth(day)) await WriteMonthAsync(m);
            currentMonth = AnalyticsService.FirstOfMonth(day);
            var byCategory = new Dictionary<string, List<PackEntry>>(StringComparer.Ordinal);
            var all = new Dictionary<int, PackEntry>();
            // The day is read whole before anything is written (no reader stays open while another command runs).
            await foreach (var (category, e) in readDay(day, ct))
            {
                // A province move adds and takes away the same figures: nothing to write.
                if (e.IsZero) continue;
                if (!byCategory.TryGetValue(category, out var list)) byCategory[category] = list = [];
                list.Add(e);
                Accumulate(all, e);
                Accumulate(Month(category), e);
                Accumulate(Month(All), e);
            }
            foreach (var (category, entries) in byCategory) await PutAsync(sql, PackSpan.Day, day, category, entries, merge, ct);
            await PutAsync(sql, PackSpan.Day, day, All, InOrder(all), merge, ct);
        }
        if (currentMonth is { } last) await WriteMonthAsync(last);

        Dictionary<int, PackEntry> Month(string category) =>
            month.TryGetValue(category, out var entries) ? entries : month[category] = [];

        async Task WriteMonthAsync(DateOnly first)
        {
            foreach (var (category, entries) in month) await PutAsync(sql, PackSpan.Month, first, category, InOrder(entries), merge, ct);
            month.Clear();
        }
    }

    /// <summary>One day of a query's rows: category, shopkeeper and the six figures, in category then shopkeeper order.</summary>
    private static async IAsyncEnumerable<(string Category, PackEntry Entry)> ReadDayAsync(RawSql sql, string daySql, DateOnly day, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var read = sql.Command(daySql);
        RawSql.Parameter(read, "@d").Value = day;
        await using var reader = await read.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            yield return (reader.GetString(0), new PackEntry((int)RawSql.Integer(reader, 1), RawSql.Integer(reader, 2), RawSql.Integer(reader, 3),
                RawSql.Integer(reader, 4), RawSql.Integer(reader, 5), RawSql.Integer(reader, 6), RawSql.Integer(reader, 7)));
    }

    private static async Task PutAsync(RawSql sql, PackSpan span, DateOnly start, string category, List<PackEntry> entries, bool merge, CancellationToken ct)
    {
        if (entries.Count == 0) return;
        if (merge)
        {
            byte[]? existing;
            await using (var read = PackCommand(sql, ReadPack, span, category, start)) existing = await read.ExecuteScalarAsync(ct) as byte[];
            entries = SalesPackFormat.Merge(existing, entries);
        }
        await WriteAsync(sql, span, start, category, entries, ct);
    }

    private static List<PackEntry> InOrder(Dictionary<int, PackEntry> entries)
    {
        var list = entries.Values.ToList();
        list.Sort((x, y) => x.ShopkeeperId.CompareTo(y.ShopkeeperId));
        return list;
    }

    private static async Task WriteAsync(RawSql sql, PackSpan span, DateOnly start, string category, IReadOnlyList<PackEntry> entries, CancellationToken ct)
    {
        var data = SalesPackFormat.Encode(entries, out var count);
        await using (var delete = PackCommand(sql, DeletePack, span, category, start)) await delete.ExecuteNonQueryAsync(ct);
        if (count == 0) return;
        await using var insert = PackCommand(sql, InsertPack, span, category, start);
        RawSql.Parameter(insert, "@n").Value = count;
        RawSql.Parameter(insert, "@g").Value = entries.Sum(e => e.GmvFen);
        RawSql.Parameter(insert, "@r").Value = entries.Sum(e => e.RefundFen);
        RawSql.Parameter(insert, "@i").Value = entries.Sum(e => e.Items);
        RawSql.Parameter(insert, "@b").Value = data;
        await insert.ExecuteNonQueryAsync(ct);
    }

    private static DbCommand PackCommand(RawSql sql, string text, PackSpan span, string category, DateOnly start)
    {
        var command = sql.Command(text);
        RawSql.Parameter(command, "@s").Value = span.ToString();
        RawSql.Parameter(command, "@c").Value = category;
        RawSql.Parameter(command, "@d").Value = start;
        return command;
    }

    private static void Accumulate(Dictionary<int, PackEntry> entries, PackEntry e) =>
        entries[e.ShopkeeperId] = entries.TryGetValue(e.ShopkeeperId, out var sum) ? sum.Plus(e) : e;

    private static async Task<List<DateOnly>> DatesAsync(RawSql sql, string text, CancellationToken ct)
    {
        var dates = new List<DateOnly>();
        await using var command = sql.Command(text);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) dates.Add(reader.GetFieldValue<DateOnly>(0));
        return dates;
    }
}
