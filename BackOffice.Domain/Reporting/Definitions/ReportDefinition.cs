using System.Text.Json;
using System.Text.RegularExpressions;

namespace BackOffice.Domain.Reporting.Definitions;

/// <summary>A report as finance specifies it in <c>reports/&lt;id&gt;.json</c>: id, bilingual title and columns.</summary>
public sealed partial class ReportDefinition
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private ReportDefinition(string id, LocalizedText title, IReadOnlyList<ReportColumnDefinition> columns)
    {
        Id = id;
        Title = title;
        Columns = columns;
    }

    public string Id { get; }
    public LocalizedText Title { get; }
    public IReadOnlyList<ReportColumnDefinition> Columns { get; }

    public static string TotalsCaption(ReportLanguage language) => language == ReportLanguage.En ? "Total" : "合计";

    public IReadOnlyList<TableColumn> TableColumns(ReportLanguage language) =>
        Columns.Select(c => c.ToTableColumn(language)).ToArray();

    public static ReportDefinition Load(string path)
    {
        var definition = Parse(File.ReadAllText(path), Path.GetFileName(path));
        var expected = Path.GetFileNameWithoutExtension(path);
        if (definition.Id != expected)
        {
            throw new ReportDefinitionException($"{Path.GetFileName(path)}: id '{definition.Id}' must match the file name '{expected}'.");
        }

        return definition;
    }

    public static ReportDefinition Parse(string json, string source = "report definition")
    {
        Dto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<Dto>(json, s_json);
        }
        catch (JsonException e)
        {
            throw new ReportDefinitionException($"{source}: not valid JSON ({e.Message}).", e);
        }

        if (dto is null)
        {
            throw new ReportDefinitionException($"{source}: empty definition.");
        }

        var id = dto.Id ?? "";
        if (!IdPattern().IsMatch(id))
        {
            throw new ReportDefinitionException($"{source}: id '{id}' must be lower-case letters, digits and dashes.");
        }

        var title = Text(dto.Title, source, "title");
        if (dto.Columns is null || dto.Columns.Count == 0)
        {
            throw new ReportDefinitionException($"{source}: a report needs at least one column.");
        }

        var columns = dto.Columns.Select((c, i) => Column(c, $"{source}: column {i + 1}")).ToArray();
        var duplicate = columns.GroupBy(c => c.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ReportDefinitionException($"{source}: column key '{duplicate.Key}' appears more than once.");
        }

        return new ReportDefinition(id, title, columns);
    }

    private static ReportColumnDefinition Column(ColumnDto dto, string where)
    {
        if (string.IsNullOrWhiteSpace(dto.Key))
        {
            throw new ReportDefinitionException($"{where}: key is required.");
        }

        where = $"{where} ('{dto.Key}')";
        var format = dto.Format switch
        {
            "text" => ColumnFormat.Text,
            "integer" => ColumnFormat.WholeNumber,
            "money" => ColumnFormat.Money,
            "date" => ColumnFormat.Date,
            "datetime" => ColumnFormat.DateTime,
            "percent-bp" => ColumnFormat.PercentBp,
            _ => throw new ReportDefinitionException(
                $"{where}: format '{dto.Format}' is not one of text, integer, money, date, datetime, percent-bp."),
        };
        ColumnAlignment? alignment = dto.Alignment switch
        {
            null => null,
            "left" => ColumnAlignment.Left,
            "right" => ColumnAlignment.Right,
            "center" => ColumnAlignment.Center,
            _ => throw new ReportDefinitionException($"{where}: alignment '{dto.Alignment}' is not one of left, right, center."),
        };
        if (dto.Width is < 0 or > 255)
        {
            throw new ReportDefinitionException($"{where}: width must be between 0 (automatic) and 255 characters.");
        }

        if (dto.Totalled && format is not (ColumnFormat.WholeNumber or ColumnFormat.Money))
        {
            throw new ReportDefinitionException($"{where}: only integer and money columns can be totalled.");
        }

        return new ReportColumnDefinition(dto.Key, Text(dto.Caption, where, "caption"), format, dto.Width ?? 0, alignment, dto.Totalled);
    }

    private static LocalizedText Text(TextDto? dto, string where, string what) =>
        string.IsNullOrWhiteSpace(dto?.Zh) || string.IsNullOrWhiteSpace(dto.En)
            ? throw new ReportDefinitionException($"{where}: {what} needs both zh and en.")
            : new LocalizedText(dto.Zh, dto.En);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    private sealed record Dto(string? Id, TextDto? Title, List<ColumnDto>? Columns);

    private sealed record TextDto(string? Zh, string? En);

    private sealed record ColumnDto(string? Key, TextDto? Caption, string? Format, double? Width, string? Alignment, bool Totalled);
}
