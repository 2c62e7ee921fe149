using System.ComponentModel;
using System.Text.Json.Serialization;
using BackOffice.Domain.Imports;

namespace BackOffice.Api;

// The request records describe the JSON for the OpenAPI document; the importer reads the body itself,
// property by property, so a wrong value becomes a row in the report instead of a 400.

[Description("One shopkeeper; the fields of the shopkeepers CSV (DESIGN.md \"Data in\"), upserted by shopkeeper_id.")]
public sealed record ShopkeeperRecord(
    [property: JsonPropertyName("shopkeeper_id"), Description("SK-0000001")] string ShopkeeperId,
    [property: JsonPropertyName("phone"), Description("11 digits starting with 1; stored encrypted, shown masked")] string Phone,
    [property: JsonPropertyName("real_name"), Description("stored encrypted, shown masked")] string RealName,
    [property: JsonPropertyName("province")] string Province,
    [property: JsonPropertyName("city")] string City,
    [property: JsonPropertyName("joined_at"), Description("yyyy-MM-dd, or ISO 8601 with an offset")] string JoinedAt);

[Description("One order line; the fields of the order-lines CSV (DESIGN.md \"Data in\"), by external_id. A line arrives again when it changes.")]
public sealed record OrderLineRecord(
    [property: JsonPropertyName("external_id")] string ExternalId,
    [property: JsonPropertyName("order_id")] string OrderId,
    [property: JsonPropertyName("sale_code"), Description("SALE-000123")] string SaleCode,
    [property: JsonPropertyName("sku_code"), Description("must belong to the sale")] string SkuCode,
    [property: JsonPropertyName("shopkeeper_id")] string ShopkeeperId,
    [property: JsonPropertyName("quantity")] int Quantity,
    [property: JsonPropertyName("paid_fen"), Description("paid, in fen")] long PaidFen,
    [property: JsonPropertyName("shopkeeper_commission_fen")] long ShopkeeperCommissionFen,
    [property: JsonPropertyName("ordered_at"), Description("ISO 8601 with offset, e.g. 2026-11-03T10:15:00+08:00")] DateTimeOffset OrderedAt,
    [property: JsonPropertyName("shipped_at"), Description("set once; null or absent for none")] DateTimeOffset? ShippedAt,
    [property: JsonPropertyName("refund_fen"), Description("cumulative, only grows, at most paid_fen")] long? RefundFen,
    [property: JsonPropertyName("refunded_at"), Description("date of the latest refund; required when refund_fen > 0")] DateTimeOffset? RefundedAt);

[Description("The batch was valid and applied (or changed nothing, when sent again).")]
public sealed record ImportApplied(
    [property: JsonPropertyName("rows")] long Rows,
    [property: JsonPropertyName("inserted")] long Inserted,
    [property: JsonPropertyName("updated")] long Updated,
    [property: JsonPropertyName("unchanged")] long Unchanged,
    [property: JsonPropertyName("sha256"), Description("SHA-256 of the request body, as recorded in the audit log")] string Sha256)
{
    public static ImportApplied From(ImportResult r) => new(r.Rows, r.Inserted, r.Updated, r.Unchanged, r.Sha256);
}

[Description("One bad row: its number in the batch (1 = the first item), the field, and why.")]
public sealed record ImportApiProblem(
    [property: JsonPropertyName("row")] long Row,
    [property: JsonPropertyName("field")] string? Field,
    [property: JsonPropertyName("message"), Description("\"中文 · English\"")] string Message);

[Description("The batch had bad rows and nothing was written: the first 1,000 problems and the total.")]
public sealed record ImportRejected(
    [property: JsonPropertyName("rows")] long Rows,
    [property: JsonPropertyName("problem_count")] long ProblemCount,
    [property: JsonPropertyName("problems")] IReadOnlyList<ImportApiProblem> Problems,
    [property: JsonPropertyName("sha256")] string Sha256)
{
    public static ImportRejected From(ImportResult r) =>
        new(r.Rows, r.ProblemCount, r.Problems.Select(p => new ImportApiProblem(p.Row, p.Field, p.Message)).ToList(), r.Sha256);
}
