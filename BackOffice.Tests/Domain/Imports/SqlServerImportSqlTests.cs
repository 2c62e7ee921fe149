using BackOffice.Domain.Imports;
using BackOffice.Domain.Metrics;
using BackOffice.Domain.Persistence;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace BackOffice.Tests.Domain.Imports;

/// <summary>
/// No SQL Server runs here, so the T-SQL an import sends on the production provider is checked statically:
/// every statement parses with the SQL Server 2022 grammar and carries none of SQLite's own syntax.
/// </summary>
public sealed class SqlServerImportSqlTests
{
    public static TheoryData<string, string> Statements()
    {
        var d = SqlDialect.SqlServer;
        var data = new TheoryData<string, string>();
        void Add(string name, IEnumerable<string> statements)
        {
            var i = 0;
            foreach (var statement in statements) data.Add($"{name}[{i++}]", statement);
        }
        Add("problems", ImportService.ImportProblems.Statements(d));
        Add("order-lines", new OrderLineSql(d).All);
        Add("shopkeepers", new ShopkeeperSql(d).All);
        Add("delta", [AggregateBuilder.CreateDelta(d), AggregateBuilder.CreateDailyDelta(d), .. AggregateBuilder.ApplyDelta(d, summed: false),
            .. AggregateBuilder.ApplyDelta(d, summed: true)]);
        Add("sales-packs", SalesPacks.ImportStatements(d));
        var spells = AggregateBuilder.SpellStatements(AggregateBuilder.ImportSpellScope(d));
        Add("spells", [spells.Delete, spells.Read]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Statements))]
    public void Statement_SqlServerDialect_ParsesAsTSql(string name, string statement)
    {
        var errors = Parse(statement);

        Assert.True(errors.Count == 0,
            $"{name}: {string.Join("; ", errors.Select(e => $"line {e.Line} col {e.Column}: {e.Message}"))}\n{statement}");
    }

    [Theory]
    [MemberData(nameof(Statements))]
    public void Statement_SqlServerDialect_HasNoSqliteSyntax(string name, string statement)
    {
        foreach (var sqliteOnly in (string[])["temp.", "||", " LIMIT ", "ON CONFLICT", "excluded.", "substr(", "INTEGER", " TEXT", "BLOB", "WHERE true"])
            Assert.False(statement.Contains(sqliteOnly, StringComparison.Ordinal), $"{name} contains {sqliteOnly}:\n{statement}");
    }

    [Fact]
    public void Statements_BothDialects_SameCount()
    {
        Assert.Equal(new OrderLineSql(SqlDialect.Sqlite).All.Count(), new OrderLineSql(SqlDialect.SqlServer).All.Count());
        Assert.Equal(new ShopkeeperSql(SqlDialect.Sqlite).All.Count(), new ShopkeeperSql(SqlDialect.SqlServer).All.Count());
    }

    [Fact]
    public void Parse_SqliteUpsert_Fails()
    {
        // The check has teeth: SQLite's text of the same statement is not T-SQL.
        var sqlite = AggregateBuilder.ApplyDelta(SqlDialect.Sqlite, summed: false)[0];

        Assert.NotEmpty(Parse(sqlite));
    }

    [Fact]
    public void Literal_SqlServer_IsUnicodeAndEscaped()
    {
        Assert.Equal("N'店主''s'", SqlDialect.SqlServer.Literal("店主's"));
        Assert.Equal("'店主''s'", SqlDialect.Sqlite.Literal("店主's"));
    }

    private static IList<ParseError> Parse(string statement)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(statement);
        parser.Parse(reader, out var errors);
        return errors;
    }
}
