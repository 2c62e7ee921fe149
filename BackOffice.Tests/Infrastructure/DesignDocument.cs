namespace BackOffice.Tests.Infrastructure;

/// <summary>DESIGN.md, which CI keeps in <c>../shared/</c> beside the clone.</summary>
public static class DesignDocument
{
    public static string Path()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(System.IO.Path.Combine(folder.FullName, "BackOffice.sln"))) folder = folder.Parent;
        if (folder is null)
            throw new InvalidOperationException($"No repository root (a folder holding BackOffice.sln) above {AppContext.BaseDirectory}; DESIGN.md is looked for in ../shared/ beside it.");
        var design = System.IO.Path.GetFullPath(System.IO.Path.Combine(folder.FullName, "..", "shared", "DESIGN.md"));
        if (!File.Exists(design))
            throw new InvalidOperationException($"DESIGN.md not found at {design}: the role tests read the roles table from ../shared/DESIGN.md beside the repository ({folder.FullName}).");
        return design;
    }

    /// <summary>The roles table under "Users, roles and what each may do": each action row with the roles ticked.</summary>
    public static RolesTable ReadRolesTable()
    {
        var lines = File.ReadAllLines(Path());
        var start = Array.FindIndex(lines, l => l.TrimStart().StartsWith("| action |", StringComparison.Ordinal));
        if (start < 0) throw new InvalidOperationException("DESIGN.md has no roles table (a row starting with '| action |').");
        var roles = Cells(lines[start]).Skip(1).ToList();
        var rows = new List<RolesRow>();
        foreach (var line in lines.Skip(start + 2).TakeWhile(l => l.TrimStart().StartsWith('|')))
        {
            var cells = Cells(line);
            if (cells.Count != roles.Count + 1) throw new InvalidOperationException($"Roles table row has {cells.Count} cells, the header {roles.Count + 1}: {line}");
            rows.Add(new RolesRow(cells[0], roles.Where((_, i) => cells[i + 1].Contains('✓', StringComparison.Ordinal)).ToHashSet()));
        }
        return new RolesTable(roles, rows);
    }

    private static List<string> Cells(string line) => line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToList();
}

public sealed record RolesTable(IReadOnlyList<string> Roles, IReadOnlyList<RolesRow> Rows);

public sealed record RolesRow(string Action, IReadOnlySet<string> Roles);
