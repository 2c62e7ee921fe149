using PdfSharp.Drawing;

namespace BackOffice.Domain.Reporting.Pdf;

internal sealed class TableBlock(PdfTable table) : IPdfBlock
{
    private const double Padding = 3.5;
    private static readonly XColor s_headerFill = XColor.FromArgb(0xED, 0xEF, 0xF2);
    private static readonly XColor s_rule = XColor.FromArgb(0xC8, 0xCC, 0xD2);

    public void Layout(PdfLayoutContext context)
    {
        var regular = context.Font(context.Options.BodySize);
        var bold = context.Font(context.Options.BodySize, bold: true);
        var widths = WidenForUnbreakableWords(table.ColumnWidths(context.Width), MinimumWidths(context, bold));
        var header = Measure(context, widths, table.Columns.Select(c => c.Caption).ToArray(), bold);

        var first = true;
        foreach (var row in table.Rows)
        {
            var measured = Measure(context, widths, row.Cells, row.IsTotal ? bold : regular);
            if (measured.Height + header.Height > context.ContentHeight)
            {
                throw new InvalidOperationException(
                    $"A table row is {measured.Height:0} pt tall, more than a page holds; shorten the text of: {string.Join(" | ", row.Cells)}");
            }

            if (first)
            {
                context.EnsureSpace(header.Height + measured.Height);
                DrawRow(context, widths, header, bold, isHeader: true, isTotal: false);
                first = false;
            }
            else if (measured.Height > context.Remaining)
            {
                // The whole row moves to the next page, and the header comes with it.
                context.NewPage();
                DrawRow(context, widths, header, bold, isHeader: true, isTotal: false);
            }

            DrawRow(context, widths, measured, row.IsTotal ? bold : regular, isHeader: false, row.IsTotal);
        }

        if (first)
        {
            context.EnsureSpace(header.Height);
            DrawRow(context, widths, header, bold, isHeader: true, isTotal: false);
        }

        context.Y += context.Options.BodySize;
    }

    /// <summary>Per column, the widest word that cannot be broken (codes, dates, amounts), so it never gets cut mid-word.</summary>
    private double[] MinimumWidths(PdfLayoutContext context, XFont bold)
    {
        var minimums = new double[table.Columns.Count];
        var widest = new string[table.Columns.Count];
        foreach (var row in table.Rows)
        {
            for (var c = 0; c < minimums.Length; c++)
            {
                foreach (var word in TextWrapper.Tokenise(row.Cells[c]))
                {
                    // Comparing lengths first keeps measuring to the few candidates that can win.
                    if (word.Length > (widest[c]?.Length ?? 0) - 2 && !string.IsNullOrWhiteSpace(word))
                    {
                        var width = context.Measure(word, bold);
                        if (width > minimums[c])
                        {
                            minimums[c] = width;
                            widest[c] = word;
                        }
                    }
                }
            }
        }

        return minimums.Select(m => m + (2 * Padding) + 0.5).ToArray();
    }

    /// <summary>Gives narrow columns their minimum by taking width from columns that have room to spare.</summary>
    internal static double[] WidenForUnbreakableWords(double[] widths, double[] minimums)
    {
        var deficit = widths.Zip(minimums, (w, m) => Math.Max(0, m - w)).Sum();
        var slack = widths.Zip(minimums, (w, m) => Math.Max(0, w - m)).Sum();
        if (deficit <= 0 || slack < deficit)
        {
            return widths;
        }

        return widths.Zip(minimums, (w, m) => w < m ? m : w - ((w - m) * deficit / slack)).ToArray();
    }

    private MeasuredRow Measure(PdfLayoutContext context, double[] widths, IReadOnlyList<string> cells, XFont font)
    {
        var lines = new IReadOnlyList<string>[cells.Count];
        var count = 1;
        for (var i = 0; i < cells.Count; i++)
        {
            lines[i] = context.Wrap(cells[i], font, Math.Max(1, widths[i] - (2 * Padding)));
            count = Math.Max(count, lines[i].Count);
        }

        return new MeasuredRow(lines, (count * context.LineHeight(font)) + (2 * Padding));
    }

    private void DrawRow(PdfLayoutContext context, double[] widths, MeasuredRow row, XFont font, bool isHeader, bool isTotal)
    {
        var right = context.Left + widths.Sum();
        if (isHeader)
        {
            context.Page.Add(new FillOp(context.Left, context.Y, right - context.Left, row.Height, s_headerFill));
        }

        if (isTotal)
        {
            context.Page.Add(new LineOp(context.Left, context.Y, right, context.Y, XColors.Black, 0.9));
        }

        var x = context.Left;
        var lineHeight = context.LineHeight(font);
        for (var c = 0; c < widths.Length; c++)
        {
            var alignment = table.Columns[c].Alignment;
            for (var l = 0; l < row.Lines[c].Count; l++)
            {
                context.DrawText(row.Lines[c][l], font, x + Padding, context.Y + Padding + (l * lineHeight), widths[c] - (2 * Padding), alignment);
            }

            x += widths[c];
        }

        context.Y += row.Height;
        context.Page.Add(new LineOp(context.Left, context.Y, right, context.Y, s_rule, 0.4));
    }

    private sealed record MeasuredRow(IReadOnlyList<string>[] Lines, double Height);
}
