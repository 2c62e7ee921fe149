using System.Security.Cryptography;
using System.Text;

namespace BackOffice.Domain.Imports;

/// <summary>Rows of one feed, from a CSV file or a JSON batch, numbered from 1 after the header.</summary>
public abstract class RowSource
{
    public abstract bool TryRead(List<string> fields, out string? error);
    public abstract long Row { get; }
    public abstract string Sha256();

    /// <summary>Sources over a network stream read asynchronously (Kestrel forbids synchronous reads of a request body).</summary>
    public virtual ValueTask<(bool Read, string? Error)> ReadAsync(List<string> fields, CancellationToken ct) =>
        ValueTask.FromResult(TryRead(fields, out var error) ? (true, error) : (false, null));

    public virtual ValueTask<string> Sha256Async(CancellationToken ct) => ValueTask.FromResult(Sha256());
}

/// <summary>A CSV stream; the header must name the feed's columns in order.</summary>
public sealed class CsvRowSource : RowSource
{
    private readonly HashingStream _stream;
    private readonly CsvRecordReader _reader;
    private long _row;
    private bool _notUtf8;

    public CsvRowSource(Stream csv, IProgress<long>? bytesRead)
    {
        _stream = new HashingStream(csv, bytesRead);
        _reader = new CsvRecordReader(new StreamReader(_stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024));
    }

    public string? ReadHeader(IReadOnlyList<string> expected)
    {
        var fields = new List<string>();
        // The reader decodes a whole buffer at a time, so bytes that are not UTF-8 anywhere in the first 64 KB (GBK, UTF-16, binary) surface here.
        try
        {
            if (!_reader.TryRead(fields, out _)) return "文件为空 · the file is empty";
        }
        catch (DecoderFallbackException)
        {
            return "文件不是 UTF-8 编码（请另存为 CSV UTF-8） · the file is not UTF-8 (save it as CSV UTF-8)";
        }
        var header = fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        return header.SequenceEqual(expected) ? null
            : $"表头应为 {string.Join(',', expected)} · the header must be {string.Join(',', expected)}";
    }

    public override long Row => _row;

    public override bool TryRead(List<string> fields, out string? error)
    {
        while (true)
        {
            bool read;
            if (_notUtf8)
            {
                error = null;
                return false;
            }
            try { read = _reader.TryRead(fields, out error); }
            catch (DecoderFallbackException)
            {
                // The reader throws again on every later read (a file cut inside a character would loop forever): report once and stop.
                _notUtf8 = true;
                error = "文件不是 UTF-8 编码 · the file is not UTF-8";
                _row++;
                fields.Clear();
                return true;
            }
            if (!read) return false;
            _row++;
            if (fields is [""] && error is null) continue;
            return true;
        }
    }

    public override string Sha256()
    {
        var buffer = new byte[81920];
        while (_stream.Read(buffer, 0, buffer.Length) > 0) { }
        return _stream.Finish();
    }
}

/// <summary>A JSON batch already read into field values in the feed's column order.</summary>
public sealed class BatchRowSource(IReadOnlyList<string[]> rows, string sha256) : RowSource
{
    private int _index;

    public override long Row => _index;

    public override bool TryRead(List<string> fields, out string? error)
    {
        error = null;
        fields.Clear();
        if (_index >= rows.Count) return false;
        fields.AddRange(rows[_index++]);
        return true;
    }

    public override string Sha256() => sha256;
}

/// <summary>Passes a stream through while hashing it (SHA-256) and reporting bytes read.</summary>
public sealed class HashingStream(Stream inner, IProgress<long>? progress) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _read;
    private long _reported;
    private string? _final;

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = inner.Read(buffer, offset, count);
        Account(buffer.AsSpan(offset, n));
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken);
        Account(buffer.Span[..n]);
        return n;
    }

    private void Account(ReadOnlySpan<byte> data)
    {
        _hash.AppendData(data);
        _read += data.Length;
        if (progress is not null && (_read - _reported >= 1 << 20 || data.Length == 0))
        {
            _reported = _read;
            progress.Report(_read);
        }
    }

    public string Finish()
    {
        progress?.Report(_read);
        return _final ??= Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _hash.Dispose();
        base.Dispose(disposing);
    }
}
