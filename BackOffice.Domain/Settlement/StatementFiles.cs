using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using BackOffice.Domain.Common;
using BackOffice.Domain.Exports;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Persistence;
using BackOffice.Domain.Reporting;
using BackOffice.Domain.Reporting.Definitions;
using BackOffice.Domain.Reporting.Excel;
using BackOffice.Domain.Reporting.Pdf;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Settlement;

/// <summary>
/// A statement as Excel (summary + entries sheets), PDF (letterhead, summary, entries) and JSON. Files of an
/// issued statement are archived on first export and returned byte for byte afterwards.
/// </summary>
public sealed class StatementFiles(IDbContextFactory<BackOfficeDbContext> factory, StatementService statements, StatementArchive archive, ReportCatalog reports)
{
    public static readonly string[] Formats = [ExportFormats.Xlsx, ExportFormats.Pdf, ExportFormats.Json];

    public async Task<byte[]> GetAsync(Actor actor, int statementId, string format, CancellationToken ct = default) =>
        (await GetAsync(actor, statementId, [format], ct))[format];

    /// <summary>
    /// One statement in several formats: its document model (every entry with its order line, sale and terms) is
    /// read once and rendered to each format the archive does not already hold.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, byte[]>> GetAsync(Actor actor, int statementId, IReadOnlyCollection<string> formats, CancellationToken ct = default)
    {
        actor.Require(Roles.Finance, "statement exports");
        if (formats.FirstOrDefault(f => !Formats.Contains(f)) is { } unknown) throw new DomainException($"不支持的格式 {unknown} · Unknown format {unknown}");
        await using var db = await factory.CreateDbContextAsync(ct);
        var statement = await db.Statements.FirstOrDefaultAsync(s => s.Id == statementId, ct) ?? throw new DomainException($"找不到对账单 {statementId} · No statement {statementId}");
        var files = new Dictionary<string, byte[]>();
        StatementDocument? document = null;
        foreach (var format in formats.Distinct())
        {
            if (statement.IsFrozen && await archive.ReadAsync(statement.Number, format, ct) is { } kept)
            {
                files[format] = kept;
                continue;
            }
            document ??= await statements.DocumentAsync(statementId, ct);
            var bytes = files[format] = Render(document, format);
            if (statement.IsFrozen && format != ExportFormats.Json)
            {
                await archive.KeepAsync(statement.Number, format, bytes, ct);
                statement.KeepFileHash(format, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            }
        }
        await db.SaveChangesAsync(ct);
        return files;
    }

    public byte[] Render(StatementDocument document, string format)
    {
        using var stream = new MemoryStream();
        switch (format)
        {
            case ExportFormats.Xlsx: WriteExcel(document, stream); break;
            case ExportFormats.Pdf: WritePdf(document, stream); break;
            default: document.WriteJson(stream); break;
        }
        return stream.ToArray();
    }

    /// <summary>Every current statement of a month (optionally one supplier), each in the formats asked, as one zip.</summary>
    public async Task<int> WriteMonthZipAsync(Actor actor, int month, string? supplierCode, IReadOnlyCollection<string> formats, Stream output,
        IProgress<int>? progress, CancellationToken ct)
    {
        actor.Require(Roles.Finance, "statement exports");
        var ids = await IdsAsync(month, supplierCode, ct);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var done = 0;
        foreach (var (id, number) in ids)
        {
            var files = await GetAsync(actor, id, formats, ct);
            foreach (var format in formats)
            {
                var entry = zip.CreateEntry($"{number}.{format}", CompressionLevel.Fastest);
                await using var stream = entry.Open();
                await stream.WriteAsync(files[format], ct);
            }
            progress?.Report(++done * 100 / Math.Max(1, ids.Count));
        }
        return ids.Count;
    }

    public async Task<IReadOnlyList<(int Id, string Number)>> IdsAsync(int month, string? supplierCode, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var q = from s in db.Statements.AsNoTracking()
                join p in db.Suppliers on s.SupplierId equals p.Id
                where s.Month == month && s.Status != StatementStatus.Superseded
                select new { s.Id, s.Number, p.Code };
        if (!string.IsNullOrWhiteSpace(supplierCode)) q = q.Where(x => x.Code == supplierCode.Trim());
        return (await q.OrderBy(x => x.Number).ToListAsync(ct)).Select(x => (x.Id, x.Number)).ToList();
    }

    public static string KindName(EntryKind kind) => kind switch
    {
        EntryKind.Advance => "预付款 Advance",
        EntryKind.Balance => "尾款 Balance",
        EntryKind.Clawback => "退款扣回 Clawback",
        _ => "调整 Adjustment",
    };

    public static string StatusName(StatementStatus status) => status switch
    {
        StatementStatus.Draft => "草稿 Draft",
        StatementStatus.Issued => "已开具 Issued",
        StatementStatus.Paid => "已付款 Paid",
        StatementStatus.Settled => "已结清 Settled",
        _ => "已取代 Superseded",
    };

    /// <summary>The summary as (item, detail, amount fen) rows: supplier details first, then the figures.</summary>
    public static IReadOnlyList<(string Item, string Detail, long? AmountFen)> Summary(StatementDocument d)
    {
        var rows = new List<(string, string, long?)>
        {
            ("对账单号 Statement", d.Number, null),
            ("供应商 Supplier", $"{d.SupplierCode} {d.SupplierName}", null),
            ("收款账户 Bank account", $"{d.BankAccountName} {d.BankName} {d.BankAccountNumber}".Trim(), null),
            ("月份 Month", d.MonthText, null),
            ("版本 Version", $"v{d.Version.ToString(CultureInfo.InvariantCulture)}{(d.VersionReason is null ? "" : " · " + d.VersionReason)}", null),
            ("状态 Status", StatusName(d.Status), null),
            ("预付款 Advances", "", d.AdvancesFen),
            ("尾款 Balances", "", d.BalancesFen),
            ("退款扣回 Clawbacks (−)", "", d.ClawbacksFen),
        };
        foreach (var a in d.AdjustmentsByType) rows.Add(("调整 Adjustment", Adjustment.TypeName(a.Type), a.AmountFen));
        rows.Add(("调整合计 Adjustments", "", d.AdjustmentsFen));
        rows.Add(("上月结转 Carry-in", "", d.CarryInFen));
        rows.Add(("应付金额 Payable", "", d.PayableFen));
        rows.Add(("结转下月 Carry-out", "", d.CarryOutFen));
        return rows;
    }

    private static string Terms(StatementLine e) => e.CommissionBp is null ? ""
        : string.Create(CultureInfo.InvariantCulture, $"{e.CommissionBp}bp {e.AdvancePercent}% {e.AdvanceDays}/{e.BalanceDays}d {e.AgreementCode ?? "默认 default"}");

    private static string Reference(StatementLine e) => e.OrderLine ?? $"ADJ-{e.AdjustmentId} {e.Reason}";

    private IEnumerable<IReadOnlyDictionary<string, object?>> EntryRows(StatementDocument d) => d.Entries.Select(e => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
    {
        ["entryId"] = e.EntryId,
        ["kind"] = KindName(e.Kind),
        ["reference"] = Reference(e),
        ["sale"] = e.SaleCode,
        ["terms"] = Terms(e),
        ["basis"] = e.OrderLine is null ? null : e.BasisFen,
        ["dueDate"] = e.DueDate,
        ["amount"] = e.AmountFen,
    });

    public void WriteExcel(StatementDocument d, Stream output)
    {
        var summary = reports.Get("statement-summary");
        var entries = reports.Get("statement-entries");
        ExcelWorkbookWriter.Write(output,
            new ExcelSheet("汇总 Summary", summary.TableColumns(ReportLanguage.Zh),
                Summary(d).Select(r => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["item"] = r.Item, ["detail"] = r.Detail, ["amount"] = r.AmountFen })),
            new ExcelSheet("明细 Entries", entries.TableColumns(ReportLanguage.Zh), EntryRows(d), ReportDefinition.TotalsCaption(ReportLanguage.Zh)));
    }

    public void WritePdf(StatementDocument d, Stream output)
    {
        var entries = reports.Get("statement-entries");
        var title = $"对账单 Statement {d.Number}";
        var report = new PdfReport(new PdfReportOptions { Title = title, CompanyName = "爱库存 · 供应商对账单 Supplier statement" })
            .AddHeading($"{d.SupplierName} · {d.MonthText} 对账单")
            .AddKeyValues(Summary(d).Take(6).Select(r => new KeyValuePair<string, string>(r.Item, r.Detail)).ToArray());
        var figures = new PdfTable([new PdfTableColumn("项目 Item", 3), new PdfTableColumn("说明 Detail", 3), new PdfTableColumn("金额 Amount", 2, Alignment: ColumnAlignment.Right)]);
        foreach (var (item, detail, amount) in Summary(d).Skip(6))
        {
            if (item.StartsWith("应付", StringComparison.Ordinal)) figures.AddTotalsRow(item, detail, new Money(amount ?? 0).ToString());
            else figures.AddRow(item, detail, new Money(amount ?? 0).ToString());
        }
        report.AddTable(figures).AddSpace(8).AddHeading("明细 Entries", 2);
        var columns = entries.TableColumns(ReportLanguage.Zh);
        var table = new PdfTable(columns.Select(c => new PdfTableColumn(c.Caption, c.Width > 0 ? c.Width : 12, Alignment: c.EffectiveAlignment)).ToArray());
        long total = 0;
        foreach (var row in EntryRows(d))
        {
            table.AddRow(columns.Select(c => ReportValues.Display(c.Format, row[c.Key])).ToArray());
            total += (long)row["amount"]!;
        }
        table.AddTotalsRow(columns.Select(c => c.Key == "amount" ? new Money(total).ToString() : c.Key == "entryId" ? "合计" : "").ToArray());
        report.AddTable(table).Save(output);
    }
}

/// <summary>Background exports of statements: one statement in a format, a month as a zip, a month's bank batch file.</summary>
public sealed class StatementExport(StatementFiles files, BankBatchFile bank, string kind) : IExportHandler
{
    public const string Statement = "statement";
    public const string MonthZip = "statements-month";
    public const string BankBatch = "statement-bank-batch";

    public static IEnumerable<string> Kinds =>
        StatementFiles.Formats.Select(f => $"{Statement}.{f}").Append($"{MonthZip}.{ExportFormats.Zip}").Append($"{BankBatch}.{ExportFormats.Csv}");

    public string Kind => kind;

    public void Authorize(Actor actor) => actor.Require(Roles.Finance, "statement exports");

    public (string FileName, string ContentType, string Title) Describe(string parametersJson, DateTime utcNow)
    {
        var p = Parameters.Parse(parametersJson);
        var format = kind[(kind.LastIndexOf('.') + 1)..];
        return kind.StartsWith(Statement + ".", StringComparison.Ordinal)
            ? ($"{p.Number ?? "statement-" + p.StatementId}.{format}", ExportFormats.ContentType(format), $"对账单 Statement {p.Number}")
            : kind.StartsWith(MonthZip, StringComparison.Ordinal)
                ? ($"statements-{p.Month}.zip", ExportFormats.ContentType(format), $"对账单 Statements {SettlementMonth.Format(p.Month)}")
                : ($"bank-batch-{p.Month}.csv", ExportFormats.ContentType(format), $"银行批量付款 Bank batch {SettlementMonth.Format(p.Month)}");
    }

    public async Task WriteAsync(ExportRequest request, Stream output, IProgress<int> progress, CancellationToken ct)
    {
        var p = Parameters.Parse(request.ParametersJson);
        if (kind.StartsWith(Statement + ".", StringComparison.Ordinal))
        {
            var bytes = await files.GetAsync(request.Actor, p.StatementId, kind[(Statement.Length + 1)..], ct);
            await output.WriteAsync(bytes, ct);
        }
        else if (kind.StartsWith(MonthZip, StringComparison.Ordinal))
        {
            await files.WriteMonthZipAsync(request.Actor, p.Month, p.Supplier, StatementFiles.Formats, output, progress, ct);
        }
        else
        {
            await bank.WriteAsync(request.Actor, p.Month, output, ct);
        }
    }

    public sealed record Parameters(int StatementId, string? Number, int Month, string? Supplier)
    {
        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

        public static Parameters Parse(string json) => JsonSerializer.Deserialize<Parameters>(string.IsNullOrWhiteSpace(json) ? "{}" : json, Json) ?? new(0, null, 0, null);

        public string ToJson() => JsonSerializer.Serialize(this, Json);
    }
}
