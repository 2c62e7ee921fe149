using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using BackOffice.Domain.Metrics;
using BackOffice.Domain.Persistence;
using BackOffice.Domain.Shopkeepers;

namespace BackOffice.Domain.Imports;

public sealed partial class ImportService
{
    /// <summary>Shopkeepers, upserted by id. Personal data is encrypted while staging; a keyed fingerprint tells whether it changed.</summary>
    internal sealed partial class ShopkeeperBatch(RawSql sql, ImportProblems problems, PersonalDataProtector protector, DateOnly today) : FeedBatch
    {
        private static readonly string[] StageColumns =
            ["row_no", "code", "phone_enc", "name_enc", "phone_masked", "name_masked", "fingerprint", "province", "city", "joined_on"];

        private sealed class ParsedShopkeeper(long row) : ParsedRow(row)
        {
            public string Code = "", PhoneMasked = "", NameMasked = "", Fingerprint = "", Province = "", City = "";
            public byte[] Phone = [], Name = [];
            public DateOnly JoinedOn;
        }

        private RowWriter? _stage;

        private readonly ShopkeeperSql _q = new(sql.Dialect);

        public override async Task CreateStagingAsync(CancellationToken ct)
        {
            await problems.CreateAsync(ct);
            await sql.ExecAllAsync(_q.CreateStaging, ct);
            _stage = RowWriter.Create(sql, sql.Dialect.Temp("stage_shopkeepers"), StageColumns);
        }

        public override ParsedRow Parse(long row, List<string> f)
        {
            var parsed = new ParsedShopkeeper(row);
            var code = f[0].Trim();
            var phone = f[1].Trim();
            var name = f[2].Trim();
            var province = f[3].Trim();
            var city = f[4].Trim();
            if (!ShopkeeperCode().IsMatch(code)) parsed.Problem("shopkeeper_id", $"店主编号须形如 SK-0000001：{code} · shopkeeper_id must look like SK-0000001: {code}");
            if (!MobilePhone().IsMatch(phone)) parsed.Problem("phone", "手机号须为 1 开头的 11 位数字 · phone must be 11 digits starting with 1");
            if (name.Length is 0 or > 50) parsed.Problem("real_name", "姓名须为 1–50 字 · real_name must have 1–50 characters");
            if (province.Length is 0 or > 20) parsed.Problem("province", "省份须为 1–20 字 · province must have 1–20 characters");
            if (city.Length is 0 or > 40) parsed.Problem("city", "城市须为 1–40 字 · city must have 1–40 characters");
            if (!TryJoinedOn(f[5], out var joined)) parsed.Problem("joined_at", $"加入日期无效：{f[5]} · joined_at is not a date: {f[5]}");
            else if (joined > today) parsed.Problem("joined_at", $"加入日期在未来：{joined:yyyy-MM-dd} · joined_at is in the future");
            if (parsed.Bad) return parsed;
            (parsed.Code, parsed.Province, parsed.City, parsed.JoinedOn) = (code, province, city, joined);
            parsed.Phone = protector.Protect(phone);
            parsed.Name = protector.Protect(name);
            parsed.PhoneMasked = Masking.Phone(phone);
            parsed.NameMasked = Masking.Name(name);
            parsed.Fingerprint = protector.Fingerprint(phone + "\u001f" + name);
            return parsed;
        }

        public override async ValueTask StageAsync(ParsedRow row, CancellationToken ct)
        {
            if (row.Bad) return;
            var s = (ParsedShopkeeper)row;
            var stage = _stage!;
            stage.Set(0, s.Row);
            stage.Set(1, s.Code);
            stage.Set(2, s.Phone);
            stage.Set(3, s.Name);
            stage.Set(4, s.PhoneMasked);
            stage.Set(5, s.NameMasked);
            stage.Set(6, s.Fingerprint);
            stage.Set(7, s.Province);
            stage.Set(8, s.City);
            stage.Set(9, s.JoinedOn);
            await stage.EndRowAsync(ct);
        }

        public override Task EndStagingAsync(CancellationToken ct) => _stage!.FlushAsync(ct);

        /// <summary>A shopkeeper id that came earlier in the file is a problem; only the first row stays staged.</summary>
        public override async Task ValidateAsync(CancellationToken ct)
        {
            await sql.ExecAsync(_q.IndexCodes, ct);
            if (await sql.ScalarAsync(_q.AnyDuplicate, ct) > 0 && await sql.ExecAsync(_q.DuplicateProblems, ct) > 0) await sql.ExecAsync(_q.DropDuplicates, ct);
        }

        public override async Task<(long Inserted, long Updated)> ApplyAsync(CancellationToken ct)
        {
            // Which existing shopkeepers really change: decrypt what is stored and compare fingerprints.
            var changed = new List<long>();
            await using (var command = sql.Command(_q.Existing))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var stored = protector.Fingerprint(protector.Unprotect((byte[])reader[5]) + "\u001f" + protector.Unprotect((byte[])reader[6]));
                    if (stored != reader.GetString(1) || reader.GetString(2) != reader.GetString(7) || reader.GetString(3) != reader.GetString(8)
                        || !Equals(reader.GetValue(4), reader.GetValue(9)))
                        changed.Add(reader.GetInt64(0));
                }
            }
            await using (var mark = RawSql.Prepare(sql.Command(_q.MarkChanged), "@r"))
            {
                foreach (var row in changed)
                {
                    mark.Parameters[0].Value = row;
                    await mark.ExecuteNonQueryAsync(ct);
                }
            }
            await sql.ExecAsync(_q.ProvinceMoves, ct);
            // The province aggregate moves; the per-shopkeeper rows keep their figures and take the new province.
            var delta = AggregateBuilder.ApplyDelta(sql.Dialect, summed: false);
            await sql.ExecAsync(delta[1], ct);
            await sql.ExecAsync(delta[3], ct);
            await sql.ExecAsync(_q.MoveDailyRows, ct);
            var updated = await sql.ExecAsync(_q.UpdateShopkeepers, ct);
            var inserted = await sql.ExecAsync(_q.InsertShopkeepers, ct);
            return (inserted, updated);
        }

        public override Task DropStagingAsync(CancellationToken ct)
        {
            _stage?.Dispose();
            return problems.DropAsync("stage_shopkeepers", "import_delta", "import_problems");
        }

        private static bool TryJoinedOn(string text, out DateOnly date)
        {
            text = text.Trim();
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return true;
            if (TryInstant(text, out var utc)) { date = Common.ChinaTime.DateOf(utc); return true; }
            return false;
        }

        [GeneratedRegex(@"^SK-\d{7}$")]
        private static partial Regex ShopkeeperCode();

        [GeneratedRegex(@"^1\d{10}$")]
        private static partial Regex MobilePhone();
    }
}

/// <summary>The shopkeeper feed's set-based SQL, for one provider (<see cref="SqlDialect"/>).</summary>
internal sealed class ShopkeeperSql(SqlDialect d)
{
    private readonly string _stage = d.Temp("stage_shopkeepers");

    public IReadOnlyList<string> CreateStaging =>
    [
        d.DropTemp("stage_shopkeepers"),
        d.DropTemp("import_delta"),
        d.CreateTemp("stage_shopkeepers", $"""
            row_no {d.Key}, code {d.Text(Shopkeeper.CodeMaxLength)} NOT NULL, phone_enc {d.Blob(128)} NOT NULL, name_enc {d.Blob(256)} NOT NULL,
            phone_masked {d.Text(20)} NOT NULL, name_masked {d.Text(20)} NOT NULL, fingerprint {d.Text(64)} NOT NULL,
            province {d.Text(20)} NOT NULL, city {d.Text(40)} NOT NULL, joined_on {d.Date} NOT NULL, changed {d.Int} NOT NULL DEFAULT 0
            """),
        AggregateBuilder.CreateDelta(d),
    ];

    public string IndexCodes => d.CreateTempIndex("stage_shopkeepers_code", "stage_shopkeepers", "code");

    private (string Any, string Problems, string Drop) Duplicates => ImportService.ImportProblems.DuplicateKeys(d, _stage, "code", "shopkeeper_id",
        "文件中店主编号重复：", " · shopkeeper_id appears twice in the file: ");

    /// <summary>A shopkeeper id that came earlier in the file is a problem, and only the first row stays staged.</summary>
    public string AnyDuplicate => Duplicates.Any;

    public string DuplicateProblems => Duplicates.Problems;

    public string DropDuplicates => Duplicates.Drop;

    public string Existing => $"""
        SELECT s.row_no, s.fingerprint, s.province, s.city, s.joined_on, k.PhoneEncrypted, k.RealNameEncrypted, k.Province, k.City, k.JoinedOn
        FROM {_stage} s JOIN Shopkeepers k ON k.Code = s.code
        """;

    public string MarkChanged => $"UPDATE {_stage} SET changed = 1 WHERE row_no = @r";

    /// <summary>A shopkeeper who moves province takes their sales with them in the province aggregate.</summary>
    public string ProvinceMoves => $"""
        INSERT INTO {d.Temp("import_delta")}(shopkeeper_id, day, brand_id, province, category, gmv, refund, items, commission, orders, lines)
        SELECT d.ShopkeeperId, d.Day, d.BrandId, k.Province, d.Category, -d.GmvFen, -d.RefundFen, -d.Items, -d.CommissionFen, -d.Orders, -d.Lines
        FROM {_stage} s JOIN Shopkeepers k ON k.Code = s.code JOIN ShopkeeperDailySales d ON d.ShopkeeperId = k.Id
        WHERE s.changed = 1 AND s.province <> k.Province
        UNION ALL
        SELECT d.ShopkeeperId, d.Day, d.BrandId, s.province, d.Category, d.GmvFen, d.RefundFen, d.Items, d.CommissionFen, d.Orders, d.Lines
        FROM {_stage} s JOIN Shopkeepers k ON k.Code = s.code JOIN ShopkeeperDailySales d ON d.ShopkeeperId = k.Id
        WHERE s.changed = 1 AND s.province <> k.Province
        """;

    /// <summary>The per-shopkeeper daily rows take the shopkeeper's new province.</summary>
    public string MoveDailyRows => d.UpdateFrom("ShopkeeperDailySales", "Province = s.province", $"{_stage} s JOIN Shopkeepers k ON k.Code = s.code",
        "s.changed = 1 AND s.province <> k.Province AND ShopkeeperDailySales.ShopkeeperId = k.Id");

    public string UpdateShopkeepers => d.UpdateFrom("Shopkeepers",
        "PhoneEncrypted = s.phone_enc, RealNameEncrypted = s.name_enc, PhoneMasked = s.phone_masked, RealNameMasked = s.name_masked, "
        + "Province = s.province, City = s.city, JoinedOn = s.joined_on",
        $"{_stage} s", "s.changed = 1 AND s.code = Shopkeepers.Code");

    public string InsertShopkeepers => $"""
        INSERT INTO Shopkeepers(Code, PhoneEncrypted, RealNameEncrypted, PhoneMasked, RealNameMasked, Province, City, JoinedOn)
        SELECT code, phone_enc, name_enc, phone_masked, name_masked, province, city, joined_on FROM {_stage} s
        WHERE NOT EXISTS (SELECT 1 FROM Shopkeepers k WHERE k.Code = s.code) ORDER BY row_no
        """;

    /// <summary>Every statement, for the test that parses the SQL Server text.</summary>
    public IEnumerable<string> All =>
    [
        .. CreateStaging, IndexCodes, AnyDuplicate, DuplicateProblems, DropDuplicates, Existing, MarkChanged, ProvinceMoves, MoveDailyRows,
        UpdateShopkeepers, InsertShopkeepers,
    ];
}
