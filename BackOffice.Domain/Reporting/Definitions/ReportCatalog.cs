namespace BackOffice.Domain.Reporting.Definitions;

/// <summary>The report definitions of a folder; the app reads the <c>reports</c> folder copied next to its binaries.</summary>
public sealed class ReportCatalog
{
    public const string FolderName = "reports";

    private readonly Dictionary<string, ReportDefinition> _definitions;

    private ReportCatalog(Dictionary<string, ReportDefinition> definitions) => _definitions = definitions;

    public IReadOnlyCollection<ReportDefinition> All => _definitions.Values;

    public static ReportCatalog LoadFromAppDirectory() => Load(Path.Combine(AppContext.BaseDirectory, FolderName));

    public static ReportCatalog Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new ReportDefinitionException($"The report definitions folder '{directory}' does not exist.");
        }

        var definitions = Directory.EnumerateFiles(directory, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(ReportDefinition.Load)
            .ToDictionary(d => d.Id, StringComparer.Ordinal);
        return new ReportCatalog(definitions);
    }

    public ReportDefinition Get(string id) => _definitions.TryGetValue(id, out var definition)
        ? definition
        : throw new KeyNotFoundException($"No report '{id}'. Known: {string.Join(", ", _definitions.Keys.Order(StringComparer.Ordinal))}.");

    public bool TryGet(string id, out ReportDefinition? definition) => _definitions.TryGetValue(id, out definition);
}
