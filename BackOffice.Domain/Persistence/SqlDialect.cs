using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace BackOffice.Domain.Persistence;

/// <summary>
/// What the set-based SQL of imports and aggregate upkeep needs to differ between SQLite and SQL Server,
/// in one place: temp table names and column types, upsert, UPDATE … FROM, the month of a day, string
/// concatenation, Unicode literals, a row limit. Everything else is written once and runs on both, so
/// the SQLite tests exercise it; the SQL Server text is parsed by a test (TSql160Parser).
/// </summary>
internal sealed class SqlDialect
{
    public static readonly SqlDialect Sqlite = new(false);
    public static readonly SqlDialect SqlServer = new(true);

    private SqlDialect(bool sqlServer) => IsSqlServer = sqlServer;

    public static SqlDialect Of(DbConnection connection) => connection is SqliteConnection ? Sqlite : SqlServer;

    public bool IsSqlServer { get; }

    /// <summary>A session's temp table: <c>temp.name</c> or <c>#name</c>.</summary>
    public string Temp(string name) => IsSqlServer ? "#" + name : "temp." + name;

    public string CreateTemp(string name, string columns) => $"CREATE TABLE {Temp(name)}({columns})";

    public string DropTemp(string name) => $"DROP TABLE IF EXISTS {Temp(name)}";

    public string CreateTempIndex(string index, string table, string columns) =>
        IsSqlServer ? $"CREATE INDEX {index} ON #{table}({columns})" : $"CREATE INDEX temp.{index} ON {table}({columns})";

    /// <summary>A row number key given by the writer.</summary>
    public string Key => IsSqlServer ? "bigint NOT NULL PRIMARY KEY" : "INTEGER PRIMARY KEY";

    /// <summary>A key the database numbers.</summary>
    public string Identity => IsSqlServer ? "bigint IDENTITY(1,1) NOT NULL PRIMARY KEY" : "INTEGER PRIMARY KEY";

    public string Int => IsSqlServer ? "bigint" : "INTEGER";

    /// <summary>Text that compares with the database's own columns (a temp table otherwise takes tempdb's collation).</summary>
    public string Text(int length) => IsSqlServer ? $"nvarchar({length}) COLLATE DATABASE_DEFAULT" : "TEXT";

    public string LongText => IsSqlServer ? "nvarchar(max) COLLATE DATABASE_DEFAULT" : "TEXT";

    public string Blob(int length) => IsSqlServer ? $"varbinary({length})" : "BLOB";

    /// <summary>A UTC instant as EF Core maps <see cref="DateTime"/>.</summary>
    public string Instant => IsSqlServer ? "datetime2" : "TEXT";

    /// <summary>A date as EF Core maps <see cref="DateOnly"/>.</summary>
    public string Date => IsSqlServer ? "date" : "TEXT";

    /// <summary>A Unicode string literal (T-SQL needs N'…' for anything beyond its code page).</summary>
    public string Literal(string text) => (IsSqlServer ? "N'" : "'") + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>Concatenation; numbers are converted to text on both.</summary>
    public string Concat(params string[] parts) => IsSqlServer ? $"CONCAT({string.Join(", ", parts)})" : string.Join(" || ", parts);

    /// <summary>The first day of the month of a date column.</summary>
    public string MonthOf(string day) => IsSqlServer ? $"DATEFROMPARTS(YEAR({day}), MONTH({day}), 1)" : $"substr({day}, 1, 8) || '01'";

    /// <summary><c>SELECT {columns} {rest}</c> limited to the first <paramref name="rows"/> rows (rest holds the ORDER BY).</summary>
    public string SelectFirst(int rows, string columns, string rest) =>
        IsSqlServer ? $"SELECT TOP ({rows}) {columns} {rest}" : $"SELECT {columns} {rest} LIMIT {rows}";

    /// <summary>UPDATE of <paramref name="table"/> joined to other tables; <paramref name="where"/> names the table's columns as <c>{table}.Column</c>.</summary>
    public string UpdateFrom(string table, string set, string from, string where) =>
        IsSqlServer ? $"UPDATE {table} SET {set} FROM {table}, {from} WHERE {where}" : $"UPDATE {table} SET {set} FROM {from} WHERE {where}";

    /// <summary>
    /// Adds the rows of <paramref name="select"/> to <paramref name="table"/>: a new key is inserted, an existing
    /// one has the <paramref name="added"/> columns increased. The select returns, named as the table's columns and
    /// in this order, the keys, the columns set only on insert, then the added ones; it must have a WHERE clause
    /// (SQLite reads an ON after a bare FROM as a join constraint).
    /// </summary>
    public string Upsert(string table, IReadOnlyList<string> keys, IReadOnlyList<string> insertOnly, IReadOnlyList<string> added, string select)
    {
        var all = string.Join(", ", keys.Concat(insertOnly).Concat(added));
        if (!IsSqlServer)
        {
            return $"""
                INSERT INTO {table}({all})
                {select}
                ON CONFLICT({string.Join(", ", keys)}) DO UPDATE SET {string.Join(", ", added.Select(c => $"{c} = {c} + excluded.{c}"))}
                """;
        }
        return $"""
            MERGE {table} WITH (HOLDLOCK) AS t
            USING ({select}) AS d
            ON {string.Join(" AND ", keys.Select(k => $"t.{k} = d.{k}"))}
            WHEN MATCHED THEN UPDATE SET {string.Join(", ", added.Select(c => $"t.{c} = t.{c} + d.{c}"))}
            WHEN NOT MATCHED THEN INSERT ({all}) VALUES ({string.Join(", ", keys.Concat(insertOnly).Concat(added).Select(c => "d." + c))});
            """;
    }
}
