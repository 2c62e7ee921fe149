namespace BackOffice.Domain.Reporting.Pdf;

/// <summary>
/// Greedy line breaking: Chinese may break between any two characters, Latin only at spaces (a word longer
/// than the line is cut by characters), and closing punctuation never starts a line.
/// </summary>
public static class TextWrapper
{
    public static IReadOnlyList<string> Wrap(string text, double maxWidth, Func<string, double> measure)
    {
        var lines = new List<string>();
        foreach (var hardLine in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (measure(hardLine) <= maxWidth)
            {
                lines.Add(hardLine.TrimEnd());
                continue;
            }

            WrapLine(hardLine, maxWidth, measure, lines);
        }

        return lines;
    }

    private static void WrapLine(string text, double maxWidth, Func<string, double> measure, List<string> lines)
    {
        var line = new List<string>();
        foreach (var token in Tokenise(text))
        {
            if (Fits(line, token, maxWidth, measure))
            {
                line.Add(token);
            }
            else if (string.IsNullOrWhiteSpace(token))
            {
                Flush(line, lines);
            }
            else if (CjkText.IsNoBreakBefore(token[0]) && line.Count > 1 && !string.IsNullOrWhiteSpace(line[^1]))
            {
                var carried = line[^1];
                line.RemoveAt(line.Count - 1);
                Flush(line, lines);
                line.Add(carried);
                line.Add(token);
            }
            else
            {
                Flush(line, lines);
                if (measure(token) <= maxWidth)
                {
                    line.Add(token);
                }
                else
                {
                    BreakLongWord(token, maxWidth, measure, line, lines);
                }
            }
        }

        Flush(line, lines);
    }

    private static void BreakLongWord(string word, double maxWidth, Func<string, double> measure, List<string> line, List<string> lines)
    {
        var start = 0;
        for (var end = 1; end <= word.Length; end++)
        {
            if (measure(word[start..end]) > maxWidth && end - 1 > start)
            {
                lines.Add(word[start..(end - 1)]);
                start = end - 1;
            }
        }

        line.Add(word[start..]);
    }

    private static bool Fits(List<string> line, string token, double maxWidth, Func<string, double> measure) =>
        measure((string.Concat(line) + token).TrimEnd()) <= maxWidth;

    private static void Flush(List<string> line, List<string> lines)
    {
        var text = string.Concat(line).Trim();
        if (text.Length > 0)
        {
            lines.Add(text);
        }

        line.Clear();
    }

    /// <summary>Break opportunities: every wide (CJK) character alone, runs of spaces, and Latin words.</summary>
    internal static IEnumerable<string> Tokenise(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var c = text[start];
            var end = start + 1;
            if (char.IsWhiteSpace(c))
            {
                while (end < text.Length && char.IsWhiteSpace(text[end]))
                {
                    end++;
                }
            }
            else if (!CjkText.IsWide(c))
            {
                while (end < text.Length && !char.IsWhiteSpace(text[end]) && !CjkText.IsWide(text[end]))
                {
                    end++;
                }
            }

            yield return text[start..end];
            start = end;
        }
    }
}
