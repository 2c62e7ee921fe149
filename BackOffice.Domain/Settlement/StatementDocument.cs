using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace BackOffice.Domain.Settlement;

public sealed record AdjustmentTotal(AdjustmentType Type, long AmountFen, int Count);

/// <summary>One entry as a statement shows it, traceable to the order line and the sale's terms snapshot.</summary>
public sealed record StatementLine(
    long EntryId, EntryKind Kind, string? OrderLine, int? AdjustmentId, string? SaleCode, DateOnly DueDate, long AmountFen, long BasisFen,
    int BookedMonth, int? CommissionBp, int? AdvancePercent, int? AdvanceDays, int? BalanceDays, string? AgreementCode, AdjustmentType? AdjustmentType, string? Reason);

/// <summary>Everything an exported statement carries; the same model feeds JSON, Excel and PDF.</summary>
public sealed record StatementDocument(
    int Id, string Number, string SupplierCode, string SupplierName, string BankAccountName, string BankName, string BankAccountNumber,
    int Month, int Version, StatementStatus Status,
    long AdvancesFen, long BalancesFen, long ClawbacksFen, long AdjustmentsFen, long CarryInFen, long PayableFen, long CarryOutFen,
    IReadOnlyList<AdjustmentTotal> AdjustmentsByType, IReadOnlyList<StatementLine> Entries,
    DateTime? IssuedAt, string? VersionReason)
{
    public string MonthText => SettlementMonth.Format(Month);

    /// <summary>The machine-readable statement: snake_case, amounts in fen, dates yyyy-MM-dd; stable byte for byte.</summary>
    public void WriteJson(Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("number", Number);
        json.WriteStartObject("supplier");
        json.WriteString("code", SupplierCode);
        json.WriteString("name", SupplierName);
        json.WriteString("bank_account_name", BankAccountName);
        json.WriteString("bank_name", BankName);
        json.WriteString("bank_account", BankAccountNumber);
        json.WriteEndObject();
        json.WriteString("month", MonthText);
        json.WriteNumber("version", Version);
        json.WriteString("status", Status.ToString().ToLowerInvariant());
        json.WriteNumber("advances_fen", AdvancesFen);
        json.WriteNumber("balances_fen", BalancesFen);
        json.WriteNumber("clawbacks_fen", ClawbacksFen);
        json.WriteNumber("adjustments_fen", AdjustmentsFen);
        json.WriteStartObject("adjustments_by_type_fen");
        foreach (var a in AdjustmentsByType) json.WriteNumber(Snake(a.Type.ToString()), a.AmountFen);
        json.WriteEndObject();
        json.WriteNumber("carry_in_fen", CarryInFen);
        json.WriteNumber("payable_fen", PayableFen);
        json.WriteNumber("carry_out_fen", CarryOutFen);
        if (VersionReason is not null) json.WriteString("version_reason", VersionReason);
        json.WriteStartArray("entries");
        foreach (var e in Entries)
        {
            json.WriteStartObject();
            json.WriteNumber("id", e.EntryId);
            if (e.OrderLine is not null) json.WriteString("order_line", e.OrderLine);
            if (e.AdjustmentId is { } adjustment) json.WriteNumber("adjustment", adjustment);
            json.WriteString("kind", e.Kind.ToString().ToLowerInvariant());
            if (e.SaleCode is not null) json.WriteString("sale", e.SaleCode);
            json.WriteString("due_date", e.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteNumber("amount_fen", e.AmountFen);
            if (e.OrderLine is not null) json.WriteNumber("basis_fen", e.BasisFen);
            if (e.CommissionBp is { } bp) json.WriteNumber("commission_bp", bp);
            if (e.AgreementCode is not null) json.WriteString("agreement", e.AgreementCode);
            if (e.AdjustmentType is { } type) json.WriteString("adjustment_type", Snake(type.ToString()));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public byte[] ToJsonBytes()
    {
        using var stream = new MemoryStream();
        WriteJson(stream);
        return stream.ToArray();
    }

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
