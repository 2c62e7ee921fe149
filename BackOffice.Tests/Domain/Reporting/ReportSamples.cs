using BackOffice.Domain.Reporting;

namespace BackOffice.Tests.Domain.Reporting;

internal static class ReportSamples
{
    public static readonly string[] Injections =
        ["=HYPERLINK(\"http://x\")", "+1", "-1+2", "@SUM(A1)", "\tTab-led", "\rCR-led", "\nLF-led"];

    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        new("code", "供应商编码"),
        new("name", "名称 Name"),
        new("brands", "品牌数", ColumnFormat.WholeNumber, Totalled: true),
        new("amount", "金额 Amount", ColumnFormat.Money, Totalled: true),
        new("created", "创建日期", ColumnFormat.Date),
        new("at", "时间", ColumnFormat.DateTime),
        new("rate", "佣金率", ColumnFormat.PercentBp),
    ];

    public static IReadOnlyDictionary<string, object?> Row(
        string code, string name, long brands, long fen, DateOnly created, DateTimeOffset at, int bp) =>
        new Dictionary<string, object?>
        {
            ["code"] = code,
            ["name"] = name,
            ["brands"] = brands,
            ["amount"] = fen,
            ["created"] = created,
            ["at"] = at,
            ["rate"] = bp,
        };

    public static List<IReadOnlyDictionary<string, object?>> Rows()
    {
        var rows = new List<IReadOnlyDictionary<string, object?>>
        {
            Row("SUP-000001", "金龙鱼 Arawana", 3, 1_234_567, new DateOnly(2026, 10, 1), new DateTimeOffset(2026, 11, 3, 2, 15, 0, TimeSpan.Zero), 800),
            Row("SUP-000002", "长城 \"Great\" Wall, Ltd", 12, -1250, new DateOnly(2026, 2, 28), new DateTimeOffset(2026, 11, 3, 23, 30, 0, TimeSpan.Zero), 1250),
        };
        for (var i = 0; i < Injections.Length; i++)
        {
            rows.Add(Row($"SUP-1{i:00000}", Injections[i], 1, 1, new DateOnly(2026, 1, 1), DateTimeOffset.UnixEpoch, 0));
        }

        return rows;
    }
}
