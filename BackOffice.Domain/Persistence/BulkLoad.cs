namespace BackOffice.Domain.Persistence;

/// <summary>
/// A write far larger than the table it goes into (an empty database's first import). On SQLite the
/// tables' secondary indexes are dropped, the rows written, and the indexes built again from their own
/// definitions: one sort per index instead of a random b-tree insert per row and index. It all happens
/// in the caller's transaction, so a failure, or a duplicate a unique index refuses when it is built
/// again, rolls everything back. Primary keys stay (upserts need them). Other providers just write.
/// </summary>
internal static class BulkLoad
{
    public static async Task WithoutIndexesAsync(RawSql sql, IReadOnlyList<string> tables, Func<Task> write, CancellationToken ct)
    {
        if (sql.Dialect.IsSqlServer)
        {
            await write();
            return;
        }
        var indexes = new List<(string Name, string Definition)>();
        foreach (var table in tables)
        {
            await using var read = sql.Command("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = @t AND sql IS NOT NULL");
            RawSql.Parameter(read, "@t").Value = table;
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in indexes) await sql.ExecAsync($"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", ct);
        await write();
        foreach (var (_, definition) in indexes) await sql.ExecAsync(definition, ct);
    }
}
