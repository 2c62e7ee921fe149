using BackOffice.Domain.Reporting;
using BackOffice.Domain.Reporting.Definitions;

namespace BackOffice.Tests.Domain.Reporting;

public class ReportDefinitionTests
{
    private const string Valid = """
        {
          "id": "demo-report",
          "title": { "zh": "演示", "en": "Demo" },
          "columns": [
            { "key": "code", "caption": { "zh": "编码", "en": "Code" }, "format": "text" },
            { "key": "gmv", "caption": { "zh": "GMV", "en": "GMV" }, "format": "money", "width": 14, "alignment": "right", "totalled": true },
            { "key": "rate", "caption": { "zh": "佣金率", "en": "Rate" }, "format": "percent-bp" }
          ]
        }
        """;

    [Fact]
    public void Parse_ValidJson_ReadsEveryField()
    {
        var definition = ReportDefinition.Parse(Valid);

        Assert.Equal("demo-report", definition.Id);
        Assert.Equal("Demo", definition.Title.In(ReportLanguage.En));
        Assert.Equal(
            [new TableColumn("code", "编码"), new TableColumn("gmv", "GMV", ColumnFormat.Money, 14, ColumnAlignment.Right, true), new TableColumn("rate", "佣金率", ColumnFormat.PercentBp)],
            definition.TableColumns(ReportLanguage.Zh));
    }

    [Theory]
    [InlineData("\"format\": \"money\"", "\"format\": \"float\"", "format 'float'")]
    [InlineData("\"format\": \"percent-bp\"", "\"format\": \"percent-bp\", \"totalled\": true", "only integer and money")]
    [InlineData("\"key\": \"rate\"", "\"key\": \"code\"", "'code' appears more than once")]
    [InlineData("\"en\": \"Demo\"", "\"en\": \"\"", "title needs both zh and en")]
    [InlineData("\"id\": \"demo-report\"", "\"id\": \"Demo Report\"", "lower-case")]
    [InlineData("\"alignment\": \"right\"", "\"alignment\": \"middle\"", "alignment 'middle'")]
    public void Parse_InvalidDefinition_ThrowsSayingWhatIsWrong(string find, string replace, string expected)
    {
        var error = Assert.Throws<ReportDefinitionException>(() => ReportDefinition.Parse(Valid.Replace(find, replace, StringComparison.Ordinal), "demo.json"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("demo.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_IdDiffersFromFileName_Throws()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "other-name.json");
        File.WriteAllText(path, Valid);

        var error = Assert.Throws<ReportDefinitionException>(() => ReportDefinition.Load(path));

        Assert.Contains("must match the file name 'other-name'", error.Message, StringComparison.Ordinal);
    }
}
