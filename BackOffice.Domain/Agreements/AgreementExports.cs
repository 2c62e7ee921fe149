using System.Globalization;
using BackOffice.Domain.Common;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Reporting.Definitions;
using BackOffice.Domain.Reporting.Pdf;

namespace BackOffice.Domain.Agreements;

/// <summary>
/// The agreement summary PDF and the portfolio workbook, through the reporting layer and the definitions
/// reports/agreement-summary.json and reports/agreement-portfolio.json (their .md files say what each figure means).
/// </summary>
public sealed class AgreementExports(AgreementService agreements, ReportCatalog reports, TimeProvider clock)
{
    public const string SummaryReport = "agreement-summary";
    public const string PortfolioReport = "agreement-portfolio";

    public ReportDefinition Definition(string id) => reports.Get(id);

    public async Task<(byte[] Content, string FileName)?> SummaryPdfAsync(Actor actor, int id, ReportLanguage language, CancellationToken ct = default)
    {
        actor.Require(Roles.AccountManager, "agreement exports");
        var d = await agreements.GetAsync(id, ct);
        if (d is null) return null;
        var en = language == ReportLanguage.En;
        string Pick(string zh, string english) => en ? english : zh;
        var definition = Definition(SummaryReport);
        var title = definition.Title.In(language);
        var terms = d.Terms;
        var p = d.Progress;

        var report = new PdfReport(new PdfReportOptions { Title = $"{title} {d.Code}" })
            .AddHeading($"{title} {d.Code}")
            .AddHeading(Pick("协议条款", "Terms"), 2)
            .AddKeyValues(
            [
                Pair(Pick("供应商", "Supplier"), $"{d.SupplierCode} {d.SupplierName}"),
                Pair(Pick("覆盖品牌", "Brands covered"), string.Join("、", d.Brands.Select(b => b.Name))),
                Pair(Pick("状态", "Status"), StatusName(d.Status, en)),
                Pair(Pick("协议期限", "Term"), $"{Date(terms.TermStart)} – {Date(terms.TermEnd)}（{terms.TermDaysInclusive} {Pick("天，含首尾", "days inclusive")}）"),
                Pair(Pick("年度 GMV 目标", "Annual GMV target"), new Money(terms.GmvTargetFen).ToString()),
                Pair(Pick("平台佣金率", "Platform commission"), $"{new BasisPoints(terms.CommissionBp)}（{terms.CommissionBp} bp）"),
                Pair(Pick("回款条件", "Payment terms"), en
                    ? $"{terms.AdvancePercent}% advance {terms.AdvanceDays} days after shipment; balance after {terms.BalanceDays} days"
                    : $"发货后 {terms.AdvanceDays} 天预付 {terms.AdvancePercent}%；尾款发货后 {terms.BalanceDays} 天"),
                Pair(Pick("签署人", "Signatories"), Or(d.Signatories)),
                Pair(Pick("合同编号", "Document reference"), Or(d.DocumentReference)),
                Pair(Pick("客户经理", "Account manager"), d.AuthorName),
                Pair(Pick("审批签署", "Approved and signed"), d.ApproverName is null ? "—" : $"{d.ApproverName} {Date(d.SignedOn)}"),
                .. d.RenewedFromCode is { } from ? [Pair(Pick("续签自", "Renewal of"), from)] : Array.Empty<KeyValuePair<string, string>>(),
                .. d.TerminationReason is { } reason ? [Pair(Pick("终止理由", "Termination reason"), reason)] : Array.Empty<KeyValuePair<string, string>>(),
            ])
            .AddHeading(Pick("返佣阶梯", "Rebate tiers"), 2);

        if (terms.Tiers.Count == 0) report.AddParagraph(Pick("无返佣阶梯。", "No rebate tiers."));
        else report.AddTable(Table(definition, language, TierRows(d, en)));

        report.AddHeading(Pick("完成进度", "Progress"), 2)
            .AddKeyValues(
            [
                Pair(Pick("统计区间", "Counted"), p.MeasuredTo is { } to
                    ? $"{Date(terms.TermStart)} – {Date(to)}（{Pick("第", "day ")}{p.ElapsedDays}/{p.TermDays}{Pick(" 天", "")}）"
                    : Pick("期限尚未开始", "The term has not started")),
                Pair(Pick("期内净 GMV", "Net GMV to date"), p.NetGmv.ToString()),
                Pair(Pick("目标完成率", "Of target"), AgreementProgress.FormatPercent(p.PercentOfTargetBp)),
                Pair(Pick("按当前速度预计全期", "Run-rate projection"), $"{p.Projected}（{AgreementProgress.FormatPercent(p.ProjectedPercentOfTargetBp)}）"),
                Pair(Pick("已达阶梯", "Tier reached"), p.TierReached is { } t ? $"{new Money(t.ThresholdFen)}（−{t.ReductionBp} bp）" : Pick("未达任何阶梯", "None yet")),
                Pair(Pick("距下一档", "Gap to next tier"), p.GapToNextTier?.ToString() ?? "—"),
                Pair(Pick("适用佣金率", "Effective commission"), new BasisPoints(p.EffectiveCommissionBp).ToString()),
            ])
            .AddParagraph(Pick(
                "净 GMV = 协议品牌在期限内（按下单中国日期）实付减退款之和；预计 = 净 GMV ÷ 已过天数（含今天）× 期限天数，四舍五入到分。",
                "Net GMV = paid minus refunds of the covered brands' order lines over the term (by China order date); projection = net GMV ÷ days elapsed (today included) × term days, rounded to the fen."))
            .AddParagraph($"{Pick("生成于", "Generated")} {ChinaTime.Format(clock.GetUtcNow().UtcDateTime)} · {actor.DisplayName}");

        return (report.ToBytes(), $"{d.Code}-{Pick("协议摘要", "summary")}.pdf");
    }

    public async Task<byte[]> PortfolioExcelAsync(Actor actor, AgreementQuery query, string? sortBy, bool descending, ReportLanguage language, CancellationToken ct = default)
    {
        actor.Require(Roles.AccountManager, "agreement exports");
        var rows = await agreements.AllAsync(query, sortBy, descending, ct);
        var en = language == ReportLanguage.En;
        var data = rows.Select(r => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["code"] = r.Code,
            ["supplierCode"] = r.SupplierCode,
            ["supplierName"] = r.SupplierName,
            ["brands"] = string.Join("、", r.Brands),
            ["termStart"] = r.TermStart,
            ["termEnd"] = r.TermEnd,
            ["status"] = StatusName(r.Status, en),
            ["manager"] = r.ManagerName,
            ["commissionBp"] = r.CommissionBp,
            ["gmvTarget"] = r.GmvTargetFen,
            ["netGmv"] = r.Progress.NetGmvFen,
            ["percentOfTargetBp"] = r.Progress.PercentOfTargetBp,
            ["projected"] = r.Progress.ProjectedFen,
            ["tierReached"] = r.Progress.TierReached?.ThresholdFen,
            ["gapToNextTier"] = r.Progress.GapToNextTierFen,
            ["effectiveCommissionBp"] = r.Progress.EffectiveCommissionBp,
        }).ToList();
        using var output = new MemoryStream();
        ReportRenderer.WriteExcel(Definition(PortfolioReport), data, output, language);
        return output.ToArray();
    }

    public static string StatusName(AgreementStatus status, bool english) => status switch
    {
        AgreementStatus.Draft => english ? "Draft" : "草稿",
        AgreementStatus.PendingApproval => english ? "Pending approval" : "待审批",
        AgreementStatus.Signed => english ? "Signed" : "已签署",
        AgreementStatus.Active => english ? "Active" : "生效中",
        AgreementStatus.Expired => english ? "Expired" : "已到期",
        AgreementStatus.Terminated => english ? "Terminated" : "已终止",
        _ => status.ToString(),
    };

    private static IEnumerable<IReadOnlyDictionary<string, object?>> TierRows(AgreementDetails d, bool en)
    {
        var net = d.Progress.NetGmvFen;
        return d.Terms.Tiers.Select((tier, i) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["tier"] = i + 1,
            ["threshold"] = tier.ThresholdFen,
            ["reductionBp"] = tier.ReductionBp,
            ["effectiveRateBp"] = Math.Max(0, d.Terms.CommissionBp - tier.ReductionBp),
            ["reached"] = d.Progress.TierReached == tier ? (en ? "Reached" : "已达到") : net >= tier.ThresholdFen ? (en ? "Passed" : "已超过") : "",
            ["gap"] = net >= tier.ThresholdFen ? null : tier.ThresholdFen - net,
        });
    }

    /// <summary>The definition's columns as a PDF table, cells formatted as the reporting layer formats them.</summary>
    private static PdfTable Table(ReportDefinition definition, ReportLanguage language, IEnumerable<IReadOnlyDictionary<string, object?>> rows)
    {
        var columns = definition.TableColumns(language);
        var table = new PdfTable(columns.Select(c => new PdfTableColumn(c.Caption, c.Width > 0 ? c.Width : 12, Alignment: c.EffectiveAlignment)).ToArray());
        foreach (var row in rows)
        {
            table.AddRow(columns.Select(c => Reporting.ReportValues.Display(c.Format, row.TryGetValue(c.Key, out var v) ? v : null)).ToArray());
        }
        return table;
    }

    private static KeyValuePair<string, string> Pair(string key, string value) => new(key, value);

    private static string Or(string text) => string.IsNullOrWhiteSpace(text) ? "—" : text;

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Date(DateOnly? date) => date is { } d ? Date(d) : "";
}
