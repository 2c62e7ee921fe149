using System.Data.Common;
using System.Globalization;
using BackOffice.Domain.Common;
using BackOffice.Domain.Metrics;
using BackOffice.Domain.Persistence;
using BackOffice.Domain.Orders;

namespace BackOffice.Domain.Imports;

public sealed partial class ImportService
{
    /// <summary>
    /// Order lines, by external id. Sales with their SKUs, and shopkeepers, are looked up once each and
    /// cached for the batch (memory grows with the distinct sales and shopkeepers, not with the file);
    /// existing lines and duplicates are checked set-based against the staging table.
    /// </summary>
    internal sealed class OrderLineBatch(RawSql sql, ImportProblems problems, int deltaCapacity) : FeedBatch
    {
        private sealed record SaleInfo(int Id, int BrandId, string Category, Dictionary<string, int> ProductsBySku);

        private sealed record ShopkeeperInfo(int Id, string Province);

        /// <summary>Staged columns, in <see cref="StageAsync"/>'s binding order.</summary>
        private static readonly string[] StageColumns =
        [
            "row_no", "external_id", "order_id", "sale_id", "product_id", "brand_id", "category", "shopkeeper_id", "province",
            "quantity", "paid", "commission", "ordered_at", "ordered_on", "shipped_at", "refund", "refunded_at",
        ];

        private sealed class ParsedLine(long row) : ParsedRow(row)
        {
            public string ExternalId = "", OrderId = "", SaleCode = "", Sku = "", Shopkeeper = "";
            public int Quantity;
            public long Paid, Commission, Refund;
            public DateTime OrderedAt;
            public DateOnly OrderedOn;
            public DateTime? ShippedAt, RefundedAt;
        }

        private readonly Dictionary<string, SaleInfo?> _sales = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ShopkeeperInfo?> _shopkeepers = new(StringComparer.Ordinal);
        private RowWriter? _stage;
        private DbCommand? _findSale;
        private DbCommand? _findShopkeeper;

        private readonly OrderLineSql _q = new(sql.Dialect);
        private readonly ImportDelta _delta = new(deltaCapacity);

        /// <summary>The last line id before the import (0: no lines yet, so nothing staged can be there already).</summary>
        private long _lastLineId;

        public override async Task CreateStagingAsync(CancellationToken ct)
        {
            await problems.CreateAsync(ct);
            await sql.ExecAllAsync(_q.CreateStaging, ct);
            _stage = RowWriter.Create(sql, sql.Dialect.Temp("stage_lines"), StageColumns);
            _findShopkeeper = RawSql.Prepare(sql.Command(_q.FindShopkeeper), "@code");
            _findSale = RawSql.Prepare(sql.Command(_q.FindSale), "@code");
        }

        public override ParsedRow Parse(long row, List<string> f)
        {
            var line = new ParsedLine(row);
            var externalId = line.ExternalId = f[0].Trim();
            var orderId = line.OrderId = f[1].Trim();
            line.SaleCode = f[2].Trim();
            line.Sku = f[3].Trim();
            var shopkeeper = line.Shopkeeper = f[4].Trim();
            if (externalId.Length is 0 or > OrderLine.ExternalIdMaxLength) line.Problem("external_id", $"external_id 须为 1–{OrderLine.ExternalIdMaxLength} 字符 · external_id must have 1–{OrderLine.ExternalIdMaxLength} characters");
            if (orderId.Length is 0 or > 64) line.Problem("order_id", "order_id 须为 1–64 字符 · order_id must have 1–64 characters");
            if (shopkeeper.Length == 0) line.Problem("shopkeeper_id", "缺少店主编号 · shopkeeper_id is missing");
            if (!int.TryParse(f[5].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var quantity) || quantity <= 0)
                line.Problem("quantity", $"数量须为正整数：{f[5]} · quantity must be a whole number above zero: {f[5]}");
            if (!long.TryParse(f[6].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var paid))
                line.Problem("paid_fen", $"实付须为非负整数（分）：{f[6]} · paid_fen must be a whole number of fen, not negative: {f[6]}");
            if (!long.TryParse(f[7].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var commission))
                line.Problem("shopkeeper_commission_fen", $"佣金须为非负整数（分）：{f[7]} · shopkeeper_commission_fen must be a whole number of fen, not negative: {f[7]}");
            if (!TryInstant(f[8], out var orderedAt))
                line.Problem("ordered_at", $"下单时间须为带时区的 ISO 8601：{f[8]} · ordered_at must be ISO 8601 with an offset: {f[8]}");
            DateTime? shippedAt = null;
            if (f[9].Trim().Length > 0)
            {
                if (TryInstant(f[9], out var shipped)) shippedAt = shipped;
                else line.Problem("shipped_at", $"发货时间须为带时区的 ISO 8601：{f[9]} · shipped_at must be ISO 8601 with an offset: {f[9]}");
            }
            var refund = 0L;
            if (f[10].Trim().Length > 0 && !long.TryParse(f[10].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out refund))
                line.Problem("refund_fen", $"退款须为非负整数（分）：{f[10]} · refund_fen must be a whole number of fen, not negative: {f[10]}");
            else if (refund > paid && paid >= 0) line.Problem("refund_fen", $"退款 {refund} 超过实付 {paid} · refund_fen {refund} exceeds paid_fen {paid}");
            DateTime? refundedAt = null;
            if (f[11].Trim().Length > 0)
            {
                if (TryInstant(f[11], out var refunded)) refundedAt = refunded;
                else line.Problem("refunded_at", $"退款时间须为带时区的 ISO 8601：{f[11]} · refunded_at must be ISO 8601 with an offset: {f[11]}");
            }
            else if (refund > 0) line.Problem("refunded_at", "有退款时须填写退款时间 · refunded_at is required when refund_fen is above zero");
            (line.Quantity, line.Paid, line.Commission, line.OrderedAt, line.ShippedAt, line.Refund, line.RefundedAt) =
                (quantity, paid, commission, orderedAt, shippedAt, refund, refundedAt);
            if (!line.Bad)
            {
                line.OrderedOn = ChinaTime.DateOf(orderedAt);
                _delta.AddParsedLine(orderId, line.SaleCode, shopkeeper, line.OrderedOn, quantity, paid, commission, refund);
            }
            return line;
        }

        public override async ValueTask StageAsync(ParsedRow parsed, CancellationToken ct)
        {
            var line = (ParsedLine)parsed;
            var sale = await FindSaleAsync(line.SaleCode, ct);
            var productId = 0;
            if (sale is null) line.Problem("sale_code", $"未知档期：{line.SaleCode} · unknown sale_code: {line.SaleCode}");
            else if (!sale.ProductsBySku.TryGetValue(line.Sku, out productId))
                line.Problem("sku_code", $"SKU {line.Sku} 不属于档期 {line.SaleCode} · sku_code {line.Sku} does not belong to sale {line.SaleCode}");
            var known = line.Bad ? null : await FindShopkeeperAsync(line.Shopkeeper, ct);
            if (!line.Bad && known is null) line.Problem("shopkeeper_id", $"未知店主：{line.Shopkeeper} · unknown shopkeeper_id: {line.Shopkeeper}");
            if (line.Bad) return;
            var stage = _stage!;
            stage.Set(0, line.Row);
            stage.Set(1, line.ExternalId);
            stage.Set(2, line.OrderId);
            stage.Set(3, sale!.Id);
            stage.Set(4, productId);
            stage.Set(5, sale.BrandId);
            stage.Set(6, sale.Category);
            stage.Set(7, known!.Id);
            stage.Set(8, known.Province);
            stage.Set(9, line.Quantity);
            stage.Set(10, line.Paid);
            stage.Set(11, line.Commission);
            stage.Set(12, line.OrderedAt);
            stage.Set(13, line.OrderedOn);
            stage.Set(14, line.ShippedAt);
            stage.Set(15, line.Refund);
            stage.Set(16, line.RefundedAt);
            await stage.EndRowAsync(ct);
        }

        public override Task EndStagingAsync(CancellationToken ct) => _stage!.FlushAsync(ct);

        /// <summary>
        /// Shopkeepers and sales are looked up one by one and cached; once a feed has named this many of either,
        /// all of them are read in one query (a point query each costs more than a scan when a big file names most).
        /// </summary>
        private const int LookupsBeforeReadingAll = 1_000;

        private bool _allShopkeepers;
        private bool _allSales;

        private ValueTask<ShopkeeperInfo?> FindShopkeeperAsync(string code, CancellationToken ct) =>
            _shopkeepers.TryGetValue(code, out var cached) || _allShopkeepers ? ValueTask.FromResult(cached) : new(LoadShopkeeperAsync(code, ct));

        private async Task<ShopkeeperInfo?> LoadShopkeeperAsync(string code, CancellationToken ct)
        {
            if (_shopkeepers.Count >= LookupsBeforeReadingAll)
            {
                await using var all = sql.Command(_q.AllShopkeepers);
                await using var rows = await all.ExecuteReaderAsync(ct);
                while (await rows.ReadAsync(ct)) _shopkeepers[rows.GetString(0)] = new ShopkeeperInfo(rows.GetInt32(1), rows.GetString(2));
                _allShopkeepers = true;
                return _shopkeepers.GetValueOrDefault(code);
            }
            _findShopkeeper!.Parameters[0].Value = code;
            ShopkeeperInfo? info = null;
            await using (var reader = await _findShopkeeper.ExecuteReaderAsync(ct))
            {
                if (await reader.ReadAsync(ct)) info = new ShopkeeperInfo(reader.GetInt32(0), reader.GetString(1));
            }
            _shopkeepers[code] = info;
            return info;
        }

        private ValueTask<SaleInfo?> FindSaleAsync(string code, CancellationToken ct) =>
            _sales.TryGetValue(code, out var cached) || _allSales ? ValueTask.FromResult(cached) : new(LoadSaleAsync(code, ct));

        private async Task<SaleInfo?> LoadSaleAsync(string code, CancellationToken ct)
        {
            var all = _sales.Count >= LookupsBeforeReadingAll;
            await using var readAll = all ? sql.Command(_q.AllSales) : null;
            var command = readAll ?? _findSale!;
            if (!all) command.Parameters[0].Value = code;
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                SaleInfo? info = null;
                while (await reader.ReadAsync(ct))
                {
                    if (info is null || info.Id != reader.GetInt32(0))
                    {
                        info = new SaleInfo(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), new Dictionary<string, int>(StringComparer.Ordinal));
                        _sales[reader.GetString(5)] = info;
                    }
                    if (!reader.IsDBNull(3)) info.ProductsBySku[reader.GetString(3)] = reader.GetInt32(4);
                }
            }
            _allSales = all;
            if (!_sales.ContainsKey(code)) _sales[code] = null;
            return _sales[code];
        }

        public override async Task ValidateAsync(CancellationToken ct)
        {
            await sql.ExecAsync(_q.IndexExternalIds, ct);
            if (await sql.ScalarAsync(_q.AnyDuplicate, ct) > 0 && await sql.ExecAsync(_q.DuplicateProblems, ct) > 0) await sql.ExecAsync(_q.DropDuplicates, ct);
            await sql.ExecAsync(_q.FindExisting, ct);
            await sql.ExecAsync(_q.ChangeProblems, ct);
            _lastLineId = await sql.ScalarAsync(_q.LastLineId, ct);
            // The staged lines' own disagreements are known from the sums when they were kept; the database's only when it has lines.
            if (_delta.Overflowed || _delta.OrdersDisagree) await sql.ExecAsync(_q.OrderProblems, ct);
            else if (_lastLineId > 0) await sql.ExecAsync(_q.OrderProblemsAgainstLines, ct);
        }

        public override async Task<(long Inserted, long Updated)> ApplyAsync(CancellationToken ct)
        {
            // The sums become rows on another core while the lines go in (the sums read nothing else).
            var rows = await TakeBackAsync(ct) is { } delta ? Task.Run(delta.ToRows, ct) : null;
            var updated = await sql.ExecAsync(_q.UpdateLines, ct);
            // A file at least as large as the lines already there (the first imports) is loaded with the
            // indexes built afterwards; later, smaller imports go row by row through the indexes.
            var inserted = 0;
            Func<Task> insert = async () => inserted = await sql.ExecAsync(_q.InsertLines, ct);
            Func<Task> aggregates = () => sql.ExecAllAsync(AggregateBuilder.ApplyDelta(sql.Dialect, rows is not null), ct);
            var bulk = await sql.ScalarAsync(_q.CountStaged, ct) >= _lastLineId;
            if (bulk) await BulkLoad.WithoutIndexesAsync(sql, ["OrderLines"], insert, ct);
            else await insert();
            var summed = rows is null ? null : await rows;
            if (summed is not null) await WriteDeltaAsync(summed, ct);
            if (bulk) await BulkLoad.WithoutIndexesAsync(sql, ["ShopkeeperDailySales", "DailySales"], aggregates, ct);
            else await aggregates();
            // Segment runs and sales packs move with the lines only (a shopkeeper's move leaves both as they are).
            await AggregateBuilder.ApplyImportDeltaAsync(sql, summed?.PackDays, ct);
            return (inserted, updated);
        }

        /// <summary>
        /// While OrderLines still holds the old state: takes back from the sums kept while staging what the database
        /// already held (lines sent again, orders it knows) and adds the changed lines; or, when there were too many
        /// to keep, groups the staged rows into the delta table in SQL and returns null.
        /// </summary>
        private async Task<ImportDelta?> TakeBackAsync(CancellationToken ct)
        {
            if (_delta.Overflowed)
            {
                await sql.ExecAsync(_q.NewLinesDelta, ct);
                await sql.ExecAsync($"{_q.InsertDelta} {_q.ChangedLinesFigures}", ct);
                return null;
            }
            _delta.Resolve(code => (_sales[code]!.BrandId, _sales[code]!.Category), code => (_shopkeepers[code]!.Id, _shopkeepers[code]!.Province));
            if (_lastLineId > 0)
                foreach (var figures in new[] { _q.ExistingLinesFigures, _q.KnownOrdersFigures, _q.ChangedLinesFigures })
                    await AddToDeltaAsync(figures, ct);
            return _delta;
        }

        /// <summary>The summed delta into the delta tables (one row per key in each).</summary>
        private async Task WriteDeltaAsync(ImportDelta.Rows rows, CancellationToken ct)
        {
            using (var delta = RowWriter.Create(sql, sql.Dialect.Temp("import_delta"), AggregateBuilder.DeltaColumns))
            {
                foreach (var group in rows.Groups)
                {
                    delta.Set(0, group.Key.ShopkeeperId);
                    delta.Set(1, DateOnly.FromDayNumber(group.Key.Day));
                    delta.Set(2, group.Key.BrandId);
                    delta.Set(3, group.Province);
                    delta.Set(4, group.Category);
                    SetFigures(delta, 5, group.Figures);
                    await delta.EndRowAsync(ct);
                }
                await delta.FlushAsync(ct);
            }
            using var daily = RowWriter.Create(sql, sql.Dialect.Temp("import_daily_delta"), AggregateBuilder.DailyDeltaColumns);
            foreach (var (day, brandId, province, category, figures) in rows.Daily)
            {
                daily.Set(0, day);
                daily.Set(1, brandId);
                daily.Set(2, province);
                daily.Set(3, category);
                SetFigures(daily, 4, figures);
                await daily.EndRowAsync(ct);
            }
            await daily.FlushAsync(ct);
        }

        /// <summary>The six figures in the delta tables' order (gmv, refund, items, commission, orders, lines) from <paramref name="first"/>.</summary>
        private static void SetFigures(RowWriter row, int first, PackEntry figures)
        {
            row.Set(first, figures.GmvFen);
            row.Set(first + 1, figures.RefundFen);
            row.Set(first + 2, figures.Items);
            row.Set(first + 3, figures.CommissionFen);
            row.Set(first + 4, figures.Orders);
            row.Set(first + 5, figures.Lines);
        }

        /// <summary>Adds a query's rows, in the delta table's columns, to the sums.</summary>
        private async Task AddToDeltaAsync(string select, CancellationToken ct)
        {
            await using var command = sql.Command(select);
            await using var rows = await command.ExecuteReaderAsync(ct);
            while (await rows.ReadAsync(ct))
            {
                var shopkeeper = (int)RawSql.Integer(rows, 0);
                _delta.Add(shopkeeper, rows.GetFieldValue<DateOnly>(1), (int)RawSql.Integer(rows, 2), rows.GetString(4), rows.GetString(3),
                    new PackEntry(shopkeeper, RawSql.Integer(rows, 5), RawSql.Integer(rows, 6), RawSql.Integer(rows, 7), RawSql.Integer(rows, 9),
                        RawSql.Integer(rows, 8), RawSql.Integer(rows, 10)));
            }
        }

        public override Task DropStagingAsync(CancellationToken ct)
        {
            _stage?.Dispose();
            _findSale?.Dispose();
            _findShopkeeper?.Dispose();
            return problems.DropAsync("stage_lines", "stage_existing", "import_delta", "import_daily_delta", "import_problems");
        }
    }
}

/// <summary>The order-line feed's set-based SQL, for one provider (<see cref="SqlDialect"/>).</summary>
internal sealed class OrderLineSql(SqlDialect d)
{
    private readonly string _stage = d.Temp("stage_lines");
    private readonly string _existing = d.Temp("stage_existing");
    private readonly string _problems = d.Temp("import_problems");
    private readonly string _delta = d.Temp("import_delta");

    public IReadOnlyList<string> CreateStaging =>
    [
        d.DropTemp("stage_lines"),
        d.DropTemp("stage_existing"),
        d.DropTemp("import_delta"),
        d.CreateTemp("stage_lines", $"""
            row_no {d.Key}, external_id {d.Text(OrderLine.ExternalIdMaxLength)} NOT NULL, order_id {d.Text(64)} NOT NULL, sale_id {d.Int} NOT NULL,
            product_id {d.Int} NOT NULL, brand_id {d.Int} NOT NULL, category {d.Text(Brands.Categories.CodeMaxLength)} NOT NULL,
            shopkeeper_id {d.Int} NOT NULL, province {d.Text(20)} NOT NULL,
            quantity {d.Int} NOT NULL, paid {d.Int} NOT NULL, commission {d.Int} NOT NULL, ordered_at {d.Instant} NOT NULL, ordered_on {d.Date} NOT NULL,
            shipped_at {d.Instant}, refund {d.Int} NOT NULL, refunded_at {d.Instant}
            """),
        // The staged rows whose line is already in the database, found once (one index probe a row) and used by every later step.
        d.CreateTemp("stage_existing", $"row_no {d.Key}, line_id {d.Int} NOT NULL"),
        d.DropTemp("import_daily_delta"),
        AggregateBuilder.CreateDelta(d),
        AggregateBuilder.CreateDailyDelta(d),
    ];

    public string FindShopkeeper => "SELECT Id, Province FROM Shopkeepers WHERE Code = @code";

    public string FindSale => """
        SELECT s.Id, s.BrandId, s.Category, p.SkuCode, p.Id, s.Code FROM Sales s
        LEFT JOIN SaleProduct sp ON sp.SaleId = s.Id LEFT JOIN Products p ON p.Id = sp.ProductId
        WHERE s.Code = @code
        """;

    public string AllShopkeepers => "SELECT Code, Id, Province FROM Shopkeepers";

    /// <summary>A sale's products come together (ordered by sale).</summary>
    public string AllSales => """
        SELECT s.Id, s.BrandId, s.Category, p.SkuCode, p.Id, s.Code FROM Sales s
        LEFT JOIN SaleProduct sp ON sp.SaleId = s.Id LEFT JOIN Products p ON p.Id = sp.ProductId
        ORDER BY s.Id
        """;

    /// <summary>Indexed once the rows are in (cheaper than keeping a unique index through a million inserts).</summary>
    public string IndexExternalIds => d.CreateTempIndex("stage_lines_external_id", "stage_lines", "external_id");

    private (string Any, string Problems, string Drop) Duplicates => ImportService.ImportProblems.DuplicateKeys(d, _stage, "external_id", "external_id",
        "文件中 external_id 重复：", " · external_id appears twice in the file: ");

    /// <summary>A line whose external id came earlier in the file is a problem, and only the first one stays staged.</summary>
    public string AnyDuplicate => Duplicates.Any;

    public string DuplicateProblems => Duplicates.Problems;

    public string DropDuplicates => Duplicates.Drop;

    public string FindExisting => $"INSERT INTO {_existing}(row_no, line_id) SELECT s.row_no, l.Id FROM {_stage} s JOIN OrderLines l ON l.ExternalId = s.external_id";

    private string Existing => $"{_existing} e JOIN {_stage} s ON s.row_no = e.row_no JOIN OrderLines l ON l.Id = e.line_id";

    private string SameIdentity => "l.OrderId = s.order_id AND l.SaleId = s.sale_id AND l.ProductId = s.product_id AND l.ShopkeeperId = s.shopkeeper_id "
        + "AND l.Quantity = s.quantity AND l.PaidFen = s.paid AND l.OrderedAt = s.ordered_at";

    /// <summary>A line that arrives again: identity never changes, shipment is set once, the refund only grows.</summary>
    public string ChangeProblems => $"""
        INSERT INTO {_problems}(row_no, field, message)
        SELECT row_no, field, message FROM (
            SELECT s.row_no,
                CASE WHEN l.OrderId <> s.order_id THEN 'order_id'
                     WHEN l.SaleId <> s.sale_id THEN 'sale_code'
                     WHEN l.ProductId <> s.product_id THEN 'sku_code'
                     WHEN l.ShopkeeperId <> s.shopkeeper_id THEN 'shopkeeper_id'
                     WHEN l.Quantity <> s.quantity THEN 'quantity'
                     WHEN l.PaidFen <> s.paid THEN 'paid_fen'
                     WHEN l.OrderedAt <> s.ordered_at THEN 'ordered_at'
                     WHEN l.ShippedAt IS NOT NULL AND (s.shipped_at IS NULL OR s.shipped_at <> l.ShippedAt) THEN 'shipped_at'
                     WHEN s.refund < l.RefundFen THEN 'refund_fen'
                END AS field,
                CASE WHEN l.ShippedAt IS NOT NULL AND (s.shipped_at IS NULL OR s.shipped_at <> l.ShippedAt) AND {SameIdentity}
                          THEN {d.Literal("发货时间只能设置一次 · shipped_at may be set only once")}
                     WHEN s.refund < l.RefundFen AND {SameIdentity}
                          THEN {d.Concat(d.Literal("累计退款只能增加（"), "l.RefundFen", d.Literal(" → "), "s.refund", d.Literal("） · refund_fen only grows ("), "l.RefundFen", d.Literal(" → "), "s.refund", "')'")}
                     ELSE {d.Literal("该字段不能改变 · this field never changes once a line has arrived")}
                END AS message
            FROM {Existing}) AS checked
        WHERE field IS NOT NULL
        """;

    /// <summary>All lines of an order belong to one sale, one shopkeeper and one China date: orders then add up across the aggregates.</summary>
    public string OrderProblems => OrderProblemsWhere($"""
        s.order_id IN (SELECT order_id FROM {_stage} GROUP BY order_id
                       HAVING COUNT(DISTINCT sale_id) > 1 OR COUNT(DISTINCT shopkeeper_id) > 1 OR COUNT(DISTINCT ordered_on) > 1)
           OR {DisagreesWithLines}
        """);

    /// <summary><see cref="OrderProblems"/> when the staged lines are known to agree among themselves.</summary>
    public string OrderProblemsAgainstLines => OrderProblemsWhere(DisagreesWithLines);

    private string OrderProblemsWhere(string condition) => $"""
        INSERT INTO {_problems}(row_no, field, message)
        SELECT s.row_no, 'order_id', {d.Concat(d.Literal("同一订单的行须属于同一档期、店主和日期："), "s.order_id", d.Literal(" · all lines of order "), "s.order_id", d.Literal(" must share sale, shopkeeper and date"))}
        FROM {_stage} s
        WHERE {condition}
        """;

    private const string DisagreesWithLines = """
        EXISTS (SELECT 1 FROM OrderLines o
                WHERE o.OrderId = s.order_id AND o.ExternalId <> s.external_id
                  AND (o.SaleId <> s.sale_id OR o.OrderedOn <> s.ordered_on OR o.ShopkeeperId <> s.shopkeeper_id))
        """;

    private string New => $"NOT EXISTS (SELECT 1 FROM {_existing} e WHERE e.row_no = s.row_no)";

    /// <summary>
    /// Deltas first, while OrderLines still holds the old state: new lines count whole (an order counts once,
    /// when its first line arrives), changed lines by the difference.
    /// </summary>
    public string InsertDelta => $"INSERT INTO {_delta}({string.Join(", ", AggregateBuilder.DeltaColumns)})";

    public string NewLinesDelta => $"""
        {InsertDelta}
        SELECT n.shopkeeper_id, n.ordered_on, n.brand_id, MAX(n.province), MAX(n.category), SUM(n.paid), SUM(n.refund), SUM(n.quantity), SUM(n.commission),
               COUNT(DISTINCT CASE WHEN n.new_order = 1 THEN n.order_id END), COUNT(*)
        FROM (SELECT s.shopkeeper_id, s.ordered_on, s.brand_id, s.province, s.category, s.paid, s.refund, s.quantity, s.commission, s.order_id,
                     CASE WHEN EXISTS (SELECT 1 FROM OrderLines o WHERE o.OrderId = s.order_id) THEN 0 ELSE 1 END AS new_order
              FROM {_stage} s WHERE {New}) AS n
        GROUP BY n.shopkeeper_id, n.ordered_on, n.brand_id
        """;

    /// <summary>The changed lines' figures, in the delta table's columns: the refund and commission by the difference.</summary>
    public string ChangedLinesFigures => $"""
        SELECT l.ShopkeeperId, l.OrderedOn, l.BrandId, MAX(k.Province), MAX(l.Category), 0, SUM(s.refund - l.RefundFen), 0, SUM(s.commission - l.ShopkeeperCommissionFen), 0, 0
        FROM {Existing} JOIN Shopkeepers k ON k.Id = l.ShopkeeperId
        WHERE s.refund <> l.RefundFen OR s.commission <> l.ShopkeeperCommissionFen
        GROUP BY l.ShopkeeperId, l.OrderedOn, l.BrandId
        """;

    /// <summary>What the staged lines already in the database added to the sums kept while staging, to take back (a row a group).</summary>
    public string ExistingLinesFigures => $"""
        SELECT s.shopkeeper_id, s.ordered_on, s.brand_id, MAX(s.province), MAX(s.category), -SUM(s.paid), -SUM(s.refund), -SUM(s.quantity), -SUM(s.commission), 0, -COUNT(*)
        FROM {_existing} e JOIN {_stage} s ON s.row_no = e.row_no
        GROUP BY s.shopkeeper_id, s.ordered_on, s.brand_id
        """;

    /// <summary>The staged orders the database already knows, counted as new in the sums kept while staging: taken back.</summary>
    public string KnownOrdersFigures => $"""
        SELECT s.shopkeeper_id, s.ordered_on, s.brand_id, MAX(s.province), MAX(s.category), 0, 0, 0, 0, -COUNT(DISTINCT s.order_id), 0
        FROM {_stage} s WHERE EXISTS (SELECT 1 FROM OrderLines o WHERE o.OrderId = s.order_id)
        GROUP BY s.shopkeeper_id, s.ordered_on, s.brand_id
        """;

    public string UpdateLines => d.UpdateFrom("OrderLines",
        "ShopkeeperCommissionFen = s.commission, ShippedAt = s.shipped_at, RefundFen = s.refund, RefundedAt = s.refunded_at",
        $"{_existing} e JOIN {_stage} s ON s.row_no = e.row_no",
        """
        e.line_id = OrderLines.Id
          AND (s.commission <> OrderLines.ShopkeeperCommissionFen OR s.refund <> OrderLines.RefundFen
               OR s.shipped_at <> OrderLines.ShippedAt OR (s.shipped_at IS NULL AND OrderLines.ShippedAt IS NOT NULL) OR (s.shipped_at IS NOT NULL AND OrderLines.ShippedAt IS NULL)
               OR s.refunded_at <> OrderLines.RefundedAt OR (s.refunded_at IS NULL AND OrderLines.RefundedAt IS NOT NULL) OR (s.refunded_at IS NOT NULL AND OrderLines.RefundedAt IS NULL))
        """);

    public string CountStaged => $"SELECT COUNT(*) FROM {_stage}";

    public string LastLineId => "SELECT COALESCE(MAX(Id), 0) FROM OrderLines";

    public string InsertLines => $"""
        INSERT INTO OrderLines(ExternalId, OrderId, SaleId, ProductId, BrandId, Category, ShopkeeperId, Quantity, PaidFen,
            ShopkeeperCommissionFen, OrderedAt, OrderedOn, ShippedAt, RefundFen, RefundedAt)
        SELECT s.external_id, s.order_id, s.sale_id, s.product_id, s.brand_id, s.category, s.shopkeeper_id, s.quantity, s.paid,
            s.commission, s.ordered_at, s.ordered_on, s.shipped_at, s.refund, s.refunded_at
        FROM {_stage} s
        WHERE {New}
        ORDER BY s.row_no
        """;

    /// <summary>Every statement, for the test that parses the SQL Server text.</summary>
    public IEnumerable<string> All =>
    [
        .. CreateStaging, FindShopkeeper, FindSale, AllShopkeepers, AllSales, IndexExternalIds, AnyDuplicate, DuplicateProblems, DropDuplicates, FindExisting, ChangeProblems, OrderProblems,
        OrderProblemsAgainstLines, NewLinesDelta, $"{InsertDelta} {ChangedLinesFigures}", ExistingLinesFigures, KnownOrdersFigures, UpdateLines, CountStaged, LastLineId,
        InsertLines,
    ];
}
