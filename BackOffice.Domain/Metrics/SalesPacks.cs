using System.Data.Common;

namespace BackOffice.Domain.Metrics;

/// <summary>
/// Writes the <see cref="ShopkeeperSalesPack"/>s: all of them from the per-shopkeeper daily rows
/// (<see cref="RebuildAsync"/>), or those an import's delta touches (<see cref="ApplyImportDeltaAsync"/>).
/// Each pack is read and written on its own, one at a time, so memory stays within one pack (at most
/// one entry per shopkeeper) whatever the size of the import, and no command is left open while
/// another runs (SQL Server needs no MARS).
/// </summary>
internal static class SalesPacks
{
    private const string All = "";

    /// <summary>
    /// Replaces every pack with one computed from <see cref="ShopkeeperDailySales"/>: day by day, each
    /// day's packs from one query, and each month's packs as the sum of its days'.
    /// </summary>
    public static async Task RebuildAsync(DbConnection connection, DbTransaction tx, CancellationToken ct)
    {
        await ExecAsync(connection, tx, "DELETE FROM ShopkeeperSalesPacks", ct);
        var month = new Dictionary<string, SortedDictionary<int, PackEntry>>(StringComparer.Ordinal);
        DateOnly? currentMonth = null;
        foreach (var day in (await DatesAsync(connection, tx, "SELECT DISTINCT Day FROM ShopkeeperDailySales", ct)).Order())
        {
            if (currentMonth is { } m && m != FirstOfMonth(day)) await WriteMonthAsync(m);
            currentMonth = FirstOfMonth(day);
            var byCategory = new Dictionary<string, List<PackEntry>>(StringComparer.Ordinal);
            var all = new SortedDictionary<int, PackEntry>();
            await using (var read = Command(connection, tx, """
                SELECT Category, ShopkeeperId, SUM(GmvFen), SUM(RefundFen), SUM(Items), SUM(Orders), SUM(CommissionFen), SUM(Lines)
                FROM ShopkeeperDailySales WHERE Day = @d GROUP BY Category, ShopkeeperId ORDER BY Category, ShopkeeperId
                """))
            {
                Add(read, "@d", day);
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
            foreach (var (category, entries) in byCategory) await WriteAsync(connection, tx, PackSpan.Day, day, category, entries, ct);
            await WriteAsync(connection, tx, PackSpan.Day, day, All, all.Values.ToList(), ct);
        }
        if (currentMonth is { } last) await WriteMonthAsync(last);

        SortedDictionary<int, PackEntry> Month(string category) =>
            month.TryGetValue(category, out var entries) ? entries : month[category] = new SortedDictionary<int, PackEntry>();

        async Task WriteMonthAsync(DateOnly first)
        {
            foreach (var (category, entries) in month) await WriteAsync(connection, tx, PackSpan.Month, first, category, entries.Values.ToList(), ct);
            month.Clear();
        }
    }

    private static void Accumulate(SortedDictionary<int, PackEntry> entries, PackEntry e) =>
        entries[e.ShopkeeperId] = entries.TryGetValue(e.ShopkeeperId, out var sum) ? sum.Plus(e) : e;

    /// <summary>Adds <c>temp.import_delta</c> to the packs of its days and months, each for all categories and for its own.</summary>
    public static async Task ApplyImportDeltaAsync(DbConnection connection, DbTransaction tx, CancellationToken ct)
    {
        var keys = await CategoryDatesAsync(connection, tx, "SELECT DISTINCT category, day FROM temp.import_delta", ct);
        if (keys.Count == 0) return;
        await ExecAsync(connection, tx, "CREATE INDEX temp.import_delta_pack ON import_delta(day, category, shopkeeper_id)", ct);
        try
        {
            const string figures = "SUM(gmv), SUM(refund), SUM(items), SUM(orders), SUM(commission), SUM(lines)";
            var days = keys.Select(k => k.Day).Distinct().Order().ToList();
            foreach (var day in days)
                await AddAsync(connection, tx, PackSpan.Day, day, All,
                    $"SELECT shopkeeper_id, {figures} FROM temp.import_delta WHERE day = @d GROUP BY shopkeeper_id ORDER BY shopkeeper_id", day, day, ct);
            foreach (var (category, day) in keys.Order())
                await AddAsync(connection, tx, PackSpan.Day, day, category,
                    $"SELECT shopkeeper_id, {figures} FROM temp.import_delta WHERE day = @d AND category = @c GROUP BY shopkeeper_id ORDER BY shopkeeper_id", day, day, ct);
            var months = keys.Select(k => (k.Category, Month: FirstOfMonth(k.Day))).Distinct().Order().ToList();
            foreach (var month in months.Select(m => m.Month).Distinct())
                await AddAsync(connection, tx, PackSpan.Month, month, All,
                    $"SELECT shopkeeper_id, {figures} FROM temp.import_delta WHERE day >= @d AND day <= @e GROUP BY shopkeeper_id ORDER BY shopkeeper_id",
                    month, month.AddMonths(1).AddDays(-1), ct);
            foreach (var (category, month) in months)
                await AddAsync(connection, tx, PackSpan.Month, month, category,
                    $"SELECT shopkeeper_id, {figures} FROM temp.import_delta WHERE day >= @d AND day <= @e AND category = @c GROUP BY shopkeeper_id ORDER BY shopkeeper_id",
                    month, month.AddMonths(1).AddDays(-1), ct);
        }
        finally
        {
            await ExecAsync(connection, tx, "DROP INDEX IF EXISTS temp.import_delta_pack", CancellationToken.None);
        }
    }

    private static async Task AddAsync(DbConnection connection, DbTransaction tx, PackSpan span, DateOnly start, string category, string deltaSql, DateOnly from,
        DateOnly to, CancellationToken ct)
    {
        List<PackEntry> delta;
        await using (var read = Command(connection, tx, deltaSql))
        {
            Add(read, "@d", from);
            Add(read, "@e", to);
            Add(read, "@c", category);
            delta = await ReadEntriesAsync(read, ct);
        }
        // A province move adds and takes away the same figures: nothing to write.
        delta.RemoveAll(e => e.IsZero);
        if (delta.Count == 0) return;
        byte[]? existing;
        await using (var read = Command(connection, tx, "SELECT Data FROM ShopkeeperSalesPacks WHERE Span = @s AND Category = @c AND Start = @d"))
        {
            Add(read, "@s", span.ToString());
            Add(read, "@c", category);
            Add(read, "@d", start);
            existing = await read.ExecuteScalarAsync(ct) as byte[];
        }
        await WriteAsync(connection, tx, span, start, category, SalesPackFormat.Merge(existing, delta), ct);
    }

    private static async Task WriteAsync(DbConnection connection, DbTransaction tx, PackSpan span, DateOnly start, string category, IReadOnlyList<PackEntry> entries,
        CancellationToken ct)
    {
        var data = SalesPackFormat.Encode(entries, out var count);
        await using (var delete = Command(connection, tx, "DELETE FROM ShopkeeperSalesPacks WHERE Span = @s AND Category = @c AND Start = @d"))
        {
            Add(delete, "@s", span.ToString());
            Add(delete, "@c", category);
            Add(delete, "@d", start);
            await delete.ExecuteNonQueryAsync(ct);
        }
        if (count == 0) return;
        await using var insert = Command(connection, tx, "INSERT INTO ShopkeeperSalesPacks(Span, Category, Start, Shopkeepers, Data) VALUES (@s, @c, @d, @n, @b)");
        Add(insert, "@s", span.ToString());
        Add(insert, "@c", category);
        Add(insert, "@d", start);
        Add(insert, "@n", count);
        Add(insert, "@b", data);
        await insert.ExecuteNonQueryAsync(ct);
    }

    private static async Task<List<PackEntry>> ReadEntriesAsync(DbCommand command, CancellationToken ct)
    {
        var entries = new List<PackEntry>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            entries.Add(new PackEntry(reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6)));
        return entries;
    }

    private static async Task<List<DateOnly>> DatesAsync(DbConnection connection, DbTransaction tx, string sql, CancellationToken ct)
    {
        var dates = new List<DateOnly>();
        await using var command = Command(connection, tx, sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) dates.Add(reader.GetFieldValue<DateOnly>(0));
        return dates;
    }

    private static async Task<List<(string Category, DateOnly Day)>> CategoryDatesAsync(DbConnection connection, DbTransaction tx, string sql, CancellationToken ct)
    {
        var keys = new List<(string, DateOnly)>();
        await using var command = Command(connection, tx, sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) keys.Add((reader.GetString(0), reader.GetFieldValue<DateOnly>(1)));
        return keys;
    }

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    private static async Task ExecAsync(DbConnection connection, DbTransaction tx, string sql, CancellationToken ct)
    {
        await using var command = Command(connection, tx, sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction tx, string text)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = text;
        command.CommandTimeout = 0;
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
