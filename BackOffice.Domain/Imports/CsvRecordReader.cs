using System.Buffers;
using System.Text;

namespace BackOffice.Domain.Imports;

/// <summary>
/// Streams RFC 4180 records from a reader: quoted fields with doubled quotes, CR LF or LF line
/// ends, a leading BOM skipped. Holds one record at a time, so memory stays flat in the file's size.
/// </summary>
public sealed class CsvRecordReader(TextReader reader)
{
    private static readonly SearchValues<char> Special = SearchValues.Create(",\r\n\"");
    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringBuilder _field = new();
    private int _length;
    private int _position;
    private bool _started;

    /// <summary>The 1-based line number where the current record started (the header is line 1).</summary>
    public long LineNumber { get; private set; }
    private long _physicalLine = 1;

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end of the input.</summary>
    public bool TryRead(List<string> fields, out string? error)
    {
        fields.Clear();
        error = null;
        if (!EnsureData()) return false;
        if (!_started)
        {
            _started = true;
            if (_buffer[_position] == '\uFEFF') _position++;
            if (!EnsureData()) return false;
        }
        LineNumber = _physicalLine;
        _field.Clear();
        var quoted = false;
        var afterQuote = false;
        while (true)
        {
            if (!EnsureData())
            {
                if (quoted) error = "引号未闭合 · unterminated quoted field";
                fields.Add(_field.ToString());
                return true;
            }
            if (!quoted)
            {
                // Copy a run of ordinary characters at once; only separators, line ends and quotes go one by one.
                var rest = _buffer.AsSpan(_position, _length - _position);
                var run = rest.IndexOfAny(Special);
                if (run != 0)
                {
                    if (afterQuote) error ??= "引号位置不对 · a quote in the middle of a field";
                    var text = run < 0 ? rest : rest[..run];
                    _field.Append(text);
                    _position += text.Length;
                    continue;
                }
            }
            var c = _buffer[_position++];
            if (quoted)
            {
                if (c == '"')
                {
                    if (EnsureData() && _buffer[_position] == '"') { _field.Append('"'); _position++; }
                    else { quoted = false; afterQuote = true; }
                }
                else
                {
                    if (c == '\n') _physicalLine++;
                    _field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case ',':
                    fields.Add(_field.ToString());
                    _field.Clear();
                    afterQuote = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    _physicalLine++;
                    fields.Add(_field.ToString());
                    return true;
                case '"' when _field.Length == 0 && !afterQuote:
                    quoted = true;
                    break;
                default:
                    if (afterQuote || c == '"') error ??= "引号位置不对 · a quote in the middle of a field";
                    _field.Append(c);
                    break;
            }
        }
    }

    private bool EnsureData()
    {
        if (_position < _length) return true;
        _length = reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
