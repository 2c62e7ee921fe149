using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BackOffice.Domain.Reporting.Excel;

/// <summary>Writes the rows of one worksheet as SAX events; element instances are reused because only their names are written.</summary>
internal sealed class StreamingSheetWriter : IDisposable
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    private readonly Stream _stream;
    private readonly OpenXmlWriter _writer;
    private readonly IReadOnlyList<TableColumn> _columns;
    private readonly string[] _letters;
    private readonly uint[] _styles;
    private readonly Row _row = new();
    private readonly Cell _cell = new();
    private readonly CellValue _value = new();
    private readonly InlineString _inline = new();
    private readonly Text _text = new();
    private readonly OpenXmlAttribute[] _rowAttributes = new OpenXmlAttribute[1];
    private readonly List<OpenXmlAttribute> _cellAttributes = new(3);
    private readonly OpenXmlAttribute[] _preserveSpace = [new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")];

    public StreamingSheetWriter(Stream sheetStream, IReadOnlyList<TableColumn> columns)
    {
        _stream = sheetStream;
        _writer = OpenXmlWriter.Create(sheetStream, new UTF8Encoding(false));
        _columns = columns;
        _letters = Enumerable.Range(1, columns.Count).Select(ColumnLetters).ToArray();
        _styles = columns.Select(c => StreamingStyles.For(c.Format)).ToArray();
    }

    public int RowCount { get; private set; }

    public void Start(ColumnWidths widths)
    {
        _writer.WriteStartDocument(true);
        _writer.WriteStartElement(new Worksheet());
        _writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { TabSelected = true, WorkbookViewId = 0 }));
        var cols = new Columns();
        for (var i = 0; i < _columns.Count; i++)
        {
            cols.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = widths.WidthOf(i), CustomWidth = true });
        }

        _writer.WriteElement(cols);
        _writer.WriteStartElement(new SheetData());

        StartRow();
        for (var i = 0; i < _columns.Count; i++)
        {
            WriteText(i, _columns[i].Caption, StreamingStyles.Header);
        }

        _writer.WriteEndElement();
    }

    public void WriteRow(IReadOnlyDictionary<string, object?> row)
    {
        StartRow();
        for (var i = 0; i < _columns.Count; i++)
        {
            if (row.TryGetValue(_columns[i].Key, out var value) && value is not null)
            {
                WriteTyped(i, value);
            }
        }

        _writer.WriteEndElement();
    }

    public void WriteTotals(ColumnTotals totals, string caption)
    {
        StartRow();
        var captionIndex = totals.CaptionColumnIndex;
        for (var i = 0; i < _columns.Count; i++)
        {
            if (_columns[i].Totalled)
            {
                var sum = totals.Sum(i);
                var isMoney = _columns[i].Format == ColumnFormat.Money;
                WriteNumber(i, isMoney ? ReportValues.FenToYuan(sum).ToString(s_invariant) : sum.ToString(s_invariant),
                    isMoney ? StreamingStyles.TotalMoney : StreamingStyles.TotalWholeNumber);
            }
            else if (i == captionIndex)
            {
                WriteText(i, caption, StreamingStyles.TotalText);
            }
        }

        _writer.WriteEndElement();
    }

    /// <summary>Closes sheetData and adds the auto-filter over header and data rows; returns the filter range.</summary>
    public string Finish(int lastFilterRow)
    {
        _writer.WriteEndElement();
        var range = $"$A$1:${_letters[^1]}${lastFilterRow}";
        _writer.WriteElement(new AutoFilter { Reference = $"A1:{_letters[^1]}{lastFilterRow}" });
        _writer.WriteEndElement();
        _writer.Close();
        _stream.Dispose();
        return range;
    }

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }

    private void StartRow()
    {
        RowCount++;
        _rowAttributes[0] = new OpenXmlAttribute("r", "", RowCount.ToString(s_invariant));
        _writer.WriteStartElement(_row, _rowAttributes);
    }

    private void WriteTyped(int column, object value)
    {
        var format = _columns[column].Format;
        switch (format)
        {
            case ColumnFormat.WholeNumber:
                WriteNumber(column, ReportValues.ToInteger(value).ToString(s_invariant), _styles[column]);
                break;
            case ColumnFormat.Money:
                WriteNumber(column, ReportValues.FenToYuan(ReportValues.ToFen(value)).ToString(s_invariant), _styles[column]);
                break;
            case ColumnFormat.PercentBp:
                WriteNumber(column, (ReportValues.ToInteger(value) / 10000m).ToString(s_invariant), _styles[column]);
                break;
            case ColumnFormat.Date:
                WriteNumber(column, ReportValues.ToDate(value).ToDateTime(TimeOnly.MinValue).ToOADate().ToString(s_invariant), _styles[column]);
                break;
            case ColumnFormat.DateTime:
                WriteNumber(column, ReportValues.ToChinaDateTime(value).ToOADate().ToString("R", s_invariant), _styles[column]);
                break;
            default:
                WriteText(column, ReportValues.Text(value), StreamingStyles.Default);
                break;
        }
    }

    private void WriteNumber(int column, string number, uint style)
    {
        StartCell(column, style, inlineString: false);
        _writer.WriteStartElement(_value);
        _writer.WriteString(number);
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    private void WriteText(int column, string text, uint style)
    {
        StartCell(column, style, inlineString: true);
        _writer.WriteStartElement(_inline);
        _writer.WriteStartElement(_text, _preserveSpace);
        _writer.WriteString(XmlSafe(CellTextNeutraliser.Neutralise(text)));
        _writer.WriteEndElement();
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    private void StartCell(int column, uint style, bool inlineString)
    {
        _cellAttributes.Clear();
        _cellAttributes.Add(new OpenXmlAttribute("r", "", _letters[column] + RowCount.ToString(s_invariant)));
        if (style != StreamingStyles.Default)
        {
            _cellAttributes.Add(new OpenXmlAttribute("s", "", style.ToString(s_invariant)));
        }

        if (inlineString)
        {
            _cellAttributes.Add(new OpenXmlAttribute("t", "", "inlineStr"));
        }

        _writer.WriteStartElement(_cell, _cellAttributes);
    }

    /// <summary>XML 1.0 cannot carry most control characters; they are dropped rather than failing a large export.</summary>
    private static string XmlSafe(string text)
    {
        foreach (var c in text)
        {
            if (c < ' ' && c is not ('\t' or '\n' or '\r'))
            {
                return new string(text.Where(ch => ch >= ' ' || ch is '\t' or '\n' or '\r').ToArray());
            }
        }

        return text;
    }

    internal static string ColumnLetters(int number)
    {
        var letters = "";
        while (number > 0)
        {
            var remainder = (number - 1) % 26;
            letters = (char)('A' + remainder) + letters;
            number = (number - 1) / 26;
        }

        return letters;
    }
}
