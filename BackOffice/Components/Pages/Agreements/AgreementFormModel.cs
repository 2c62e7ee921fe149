using System.Text.Json.Serialization;
using BackOffice.Components.Shared;
using BackOffice.Domain.Agreements;
using BackOffice.Domain.Common;

namespace BackOffice.Components.Pages.Agreements;

/// <summary>What the agreement form edits, as typed: amounts stay text until parsed exactly, dates are China calendar dates.</summary>
public sealed class AgreementFormModel
{
    public int? SupplierId { get; set; }
    // Populated in place when a kept draft is read back (FormDraft); get-only collections are otherwise skipped.
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public HashSet<int> BrandIds { get; } = [];
    public DateTime? TermStart { get; set; }
    public DateTime? TermEnd { get; set; }
    public string GmvTargetYuan { get; set; } = "";
    public int CommissionBp { get; set; } = 800;
    public int AdvancePercent { get; set; } = 80;
    public int AdvanceDays { get; set; } = 7;
    public int BalanceDays { get; set; } = 30;
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public List<TierInput> Tiers { get; } = [];
    public string Signatories { get; set; } = "";
    public string DocumentReference { get; set; } = "";

    public sealed class TierInput
    {
        public string ThresholdYuan { get; set; } = "";
        public int ReductionBp { get; set; }
    }

    public static AgreementFormModel From(AgreementDetails details)
    {
        var model = new AgreementFormModel
        {
            SupplierId = details.SupplierId,
            TermStart = details.Terms.TermStart.ToDateTime(TimeOnly.MinValue),
            TermEnd = details.Terms.TermEnd.ToDateTime(TimeOnly.MinValue),
            GmvTargetYuan = new Money(details.Terms.GmvTargetFen).ToYuanString(),
            CommissionBp = details.Terms.CommissionBp,
            AdvancePercent = details.Terms.AdvancePercent,
            AdvanceDays = details.Terms.AdvanceDays,
            BalanceDays = details.Terms.BalanceDays,
            Signatories = details.Signatories,
            DocumentReference = details.DocumentReference,
        };
        model.BrandIds.UnionWith(details.Brands.Select(b => b.Id));
        model.Tiers.AddRange(details.Terms.Tiers.Select(t => new TierInput { ThresholdYuan = new Money(t.ThresholdFen).ToYuanString(), ReductionBp = t.ReductionBp }));
        return model;
    }

    /// <summary>Takes everything a kept draft holds; the supplier only where the form lets it change.</summary>
    public void Restore(AgreementFormModel kept, bool withSupplier)
    {
        if (withSupplier) SupplierId = kept.SupplierId;
        BrandIds.Clear();
        BrandIds.UnionWith(kept.BrandIds);
        (TermStart, TermEnd, GmvTargetYuan, CommissionBp, AdvancePercent, AdvanceDays, BalanceDays, Signatories, DocumentReference) =
            (kept.TermStart, kept.TermEnd, kept.GmvTargetYuan, kept.CommissionBp, kept.AdvancePercent, kept.AdvanceDays, kept.BalanceDays, kept.Signatories, kept.DocumentReference);
        Tiers.Clear();
        Tiers.AddRange(kept.Tiers);
    }

    /// <summary>A new draft with a calendar-year term starting on the first of next month.</summary>
    public static AgreementFormModel New(DateOnly today)
    {
        var start = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        return new AgreementFormModel
        {
            TermStart = start.ToDateTime(TimeOnly.MinValue),
            TermEnd = start.AddYears(1).AddDays(-1).ToDateTime(TimeOnly.MinValue),
        };
    }

    /// <summary>The picker's value is a calendar date, whatever the server's time zone.</summary>
    public static DateOnly? Date(DateTime? picked) => picked is { } value ? DateOnly.FromDateTime(value) : null;

    public int? TermDays => Date(TermStart) is { } s && Date(TermEnd) is { } e ? e.DayNumber - s.DayNumber + 1 : null;

    public bool CommissionAboveMarketNorm => CommissionBp > AgreementTerms.CommissionWarningAboveBp;

    /// <summary>Every problem keyed by field name (TermStart, GmvTargetFen, Tiers[0], ...), in the current UI language.</summary>
    public Dictionary<string, string> Problems()
    {
        var problems = new Dictionary<string, string>();
        void Add(string field, string message) { if (!problems.ContainsKey(field)) problems[field] = Bilingual.Pick(message); }

        if (SupplierId is null) Add(nameof(SupplierId), "请选择供应商 · Choose a supplier");
        if (BrandIds.Count == 0) Add(nameof(BrandIds), "请至少选择一个品牌 · Choose at least one brand");
        if (Date(TermStart) is null) Add(nameof(AgreementTerms.TermStart), "请选择开始日期 · Choose the start date");
        if (Date(TermEnd) is null) Add(nameof(AgreementTerms.TermEnd), "请选择结束日期 · Choose the end date");
        var targetFen = 0L;
        if (!Money.TryParseYuan(GmvTargetYuan, out var target, out var error)) Add(nameof(AgreementTerms.GmvTargetFen), error);
        else targetFen = target.Fen;
        var tiers = new List<RebateTier>();
        for (var i = 0; i < Tiers.Count; i++)
        {
            if (Money.TryParseYuan(Tiers[i].ThresholdYuan, out var threshold, out var tierError)) tiers.Add(new RebateTier(threshold.Fen, Tiers[i].ReductionBp));
            else { Add($"Tiers[{i}]", tierError); tiers.Add(new RebateTier(1, Tiers[i].ReductionBp)); }
        }
        if (Terms(targetFen, tiers) is { } terms)
        {
            foreach (var (field, message) in terms.Problems()) Add(field, message);
        }
        return problems;
    }

    /// <summary>The draft to send, or null while a field is missing or cannot be parsed.</summary>
    public AgreementDraft? ToDraft()
    {
        if (SupplierId is not { } supplierId || !Money.TryParseYuan(GmvTargetYuan, out var target, out _)) return null;
        var tiers = new List<RebateTier>();
        foreach (var tier in Tiers)
        {
            if (!Money.TryParseYuan(tier.ThresholdYuan, out var threshold, out _)) return null;
            tiers.Add(new RebateTier(threshold.Fen, tier.ReductionBp));
        }
        return Terms(target.Fen, tiers) is { } terms ? new AgreementDraft(supplierId, BrandIds.ToList(), terms, Signatories, DocumentReference) : null;
    }

    private AgreementTerms? Terms(long targetFen, List<RebateTier> tiers) =>
        Date(TermStart) is { } start && Date(TermEnd) is { } end
            ? new AgreementTerms(start, end, targetFen, CommissionBp, AdvancePercent, AdvanceDays, BalanceDays, tiers)
            : null;
}
