using System.Data.Common;
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
    private const string Figures = "SUM(gmv), SUM(refund), SUM(items), SUM(orders), SUM(commission), SUM(lines)";

    /// <summary>Every statement an import's pack upkeep sends (the SQL Server ones are parsed by a test).</summary>
    internal static IReadOnlyList<string> ImportStatements(SqlDialect d) =>
    [
        $"SELECT DISTINCT category, day FROM {d.Temp("import_delta")}",
        d.CreateTempIndex("import_delta_pack", "import_delta", "day, category, shopkeeper_id"),
        DeltaOf(d, month: false, category: false), DeltaOf(d, month: false, category: true), DeltaOf(d, month: true, category: false), DeltaOf(d, month: true, category: true),
        ReadPack, DeletePack, InsertPack, DaySql,
    ];

    private const string ReadPack = "SELECT Data FROM ShopkeeperSalesPacks WHERE Span = @s AND Category = @c AND Start = @d";
    private const string DeletePack = "DELETE FROM ShopkeeperSalesPacks WHERE Span = @s AND Category = @c AND Start = @d";
    private const string InsertPack = """
        INSERT INTO ShopkeeperSalesPacks(Span, Category, Start, Shopkeepers, GmvFen, RefundFen, Items, Data) VALUES (@s, @c, @d, @n, @g, @r, @i, @b)
        """;

    private const string DaySql = """
        SELECT Category, ShopkeeperId, SUM(GmvFen), SUM(RefundFen), SUM(Items), SUM(Orders), SUM(CommissionFen), SUM(Lines)
        FROM ShopkeeperDailySales WHERE Day = @d GROUP BY Category, ShopkeeperId ORDER BY Category, ShopkeeperId
        """;

    private static string DeltaOf(SqlDialect d, bool month, bool category) =>
        $"SELECT shopkeeper_id, {Figures} FROM {d.Temp("import_delta")} WHERE "
        + (month ? "day >= @d AND day <= @e" : "day = @d") + (category ? " AND category = @c" : "")
        + " GROUP BY shopkeeper_id ORDER BY shopkeeper_id";

    /// <summary>
    /// Replaces every pack with one computed from <see cref="ShopkeeperDailySales"/>: day by day, each
    /// day's packs from one query, and each month's packs as the sum of its days'.
    /// </summary>
    public static async Task RebuildAsync(RawSql sql, CancellationToken ct)
    {
        await sql.ExecAsync("DELETE FROM ShopkeeperSalesPacks", ct);
        var month = new Dictionary<string, SortedDictionary<int, PackEntry>>(StringComparer.Ordinal);
        DateOnly? currentMonth = null;
        foreach (var day in (await DatesAsync(sql, "SELECT DISTINCT Day FROM ShopkeeperDailySales", ct)).Order())
        {
            if (currentMonth is { } m && m != FirstOfMonth(day)) await WriteMonthAsync(m);
            currentMonth = FirstOfMonth(day);
            var byCategory = new Dictionary<string, List<PackEntry>>(StringComparer.Ordinal);
            var all = new SortedDictionary<int, PackEntry>();
            await using (var read = sql.Command(DaySql))
            {
                RawSql.Parameter(read, "@d").Value = day;
                await using var reader = await read.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    var e = new PackEntry(reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6),
                        reader.GetInt64(7));
                    var category = reader.GetString(0);
                    if (!byCategory.TryGetValue(category, out var list)) byCategory[category] = list = [];
                    list.Add(e);
                    Accumulate(all, e);
                    Accumulate(Month(category), e);
                    Accumulate(Month(All), e);
                }
            }
            foreach (var (category, entries) in byCategory) await WriteAsync(sql, PackSpan.Day, day, category, entries, ct);
            await WriteAsync(sql, PackSpan.Day, day, All, all.Values.ToList(), ct);
        }
        if (currentMonth is { } last) await WriteMonthAsync(last);

        SortedDictionary<int, PackEntry> Month(string category) =>
            month.TryGetValue(category, out var entries) ? entries : month[category] = new SortedDictionary<int, PackEntry>();

        async Task WriteMonthAsync(DateOnly first)
        {
            foreach (var (category, entries) in month) await WriteAsync(sql, PackSpan.Month, first, category, entries.Values.ToList(), ct);
            month.Clear();
        }
    }

    /// <summary>Adds the import's delta table to the packs of its days and months, each for all categories and for its own.</summary>
    public static async Task ApplyImportDeltaAsync(RawSql sql, SqlDialect d, CancellationToken ct)
    {
        var keys = new List<(string Category, DateOnly Day)>();
        await using (var command = sql.Command($"SELECT DISTINCT category, day FROM {d.Temp("import_delta")}"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) keys.Add((reader.GetString(0), reader.GetFieldValue<DateOnly>(1)));
        }
        if (keys.Count == 0) return;
        // Dropped with the delta table at the end of the import.
        await sql.ExecAsync(d.CreateTempIndex("import_delta_pack", "import_delta", "day, category, shopkeeper_id"), ct);
        foreach (var day in keys.Select(k => k.Day).Distinct().Order())
            await AddAsync(sql, PackSpan.Day, day, All, DeltaOf(d, month: false, category: false), day, ct);
        foreach (var (category, day) in keys.Order())
            await AddAsync(sql, PackSpan.Day, day, category, DeltaOf(d, month: false, category: true), day, ct);
        var months = keys.Select(k => (k.Category, Month: FirstOfMonth(k.Day))).Distinct().Order().ToList();
        foreach (var month in months.Select(m => m.Month).Distinct())
            await AddAsync(sql, PackSpan.Month, month, All, DeltaOf(d, month: true, category: false), month.AddMonths(1).AddDays(-1), ct);
        foreach (var (category, month) in months)
            await AddAsync(sql, PackSpan.Month, month, category, DeltaOf(d, month: true, category: true), month.AddMonths(1).AddDays(-1), ct);
    }

    private static async Task AddAsync(RawSql sql, PackSpan span, DateOnly start, string category, string deltaSql, DateOnly end, CancellationToken ct)
    {
        var delta = new List<PackEntry>();
        await using (var read = sql.Command(deltaSql))
        {
            RawSql.Parameter(read, "@d").Value = start;
            if (deltaSql.Contains("@e", StringComparison.Ordinal)) RawSql.Parameter(read, "@e").Value = end;
            if (deltaSql.Contains("@c", StringComparison.Ordinal)) RawSql.Parameter(read, "@c").Value = category;
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var e = new PackEntry(reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5),
                    reader.GetInt64(6));
                // A province move adds and takes away the same figures: nothing to write.
                if (!e.IsZero) delta.Add(e);
            }
        }
        if (delta.Count == 0) return;
        byte[]? existing;
        await using (var read = PackCommand(sql, ReadPack, span, category, start)) existing = await read.ExecuteScalarAsync(ct) as byte[];
        await WriteAsync(sql, span, start, category, SalesPackFormat.Merge(existing, delta), ct);
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

    private static void Accumulate(SortedDictionary<int, PackEntry> entries, PackEntry e) =>
        entries[e.ShopkeeperId] = entries.TryGetValue(e.ShopkeeperId, out var sum) ? sum.Plus(e) : e;

    private static async Task<List<DateOnly>> DatesAsync(RawSql sql, string text, CancellationToken ct)
    {
        var dates = new List<DateOnly>();
        await using var command = sql.Command(text);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) dates.Add(reader.GetFieldValue<DateOnly>(0));
        return dates;
    }

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);
}
