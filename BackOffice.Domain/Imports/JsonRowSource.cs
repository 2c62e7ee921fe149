using System.Text.Json;
using BackOffice.Domain.Common;

namespace BackOffice.Domain.Imports;

/// <summary>The body of an HTTP batch is not a JSON array: nothing in it can be read as rows.</summary>
public sealed class InvalidBatchException(string message) : DomainException(message);

/// <summary>
/// A JSON array of objects read one element at a time, so memory stays flat in the batch's size.
/// Property names are the feed's CSV headers; strings and numbers are taken as the CSV text would be,
/// null or absent as empty, so one set of rules checks both channels.
/// </summary>
public sealed class JsonRowSource : RowSource, IAsyncDisposable
{
    private readonly HashingStream _stream;
    private readonly IReadOnlyList<string> _columns;
    private readonly IAsyncEnumerator<JsonElement> _elements;
    private long _row;

    public JsonRowSource(Stream json, IReadOnlyList<string> columns, CancellationToken ct)
    {
        _stream = new HashingStream(json, null);
        _columns = columns;
        _elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(_stream, cancellationToken: ct).GetAsyncEnumerator(ct);
    }

    public override long Row => _row;

    public override bool TryRead(List<string> fields, out string? error) => throw new NotSupportedException("A JSON batch is read asynchronously.");

    public override async ValueTask<(bool Read, string? Error)> ReadAsync(List<string> fields, CancellationToken ct)
    {
        try
        {
            if (!await _elements.MoveNextAsync()) return (false, null);
        }
        catch (JsonException ex)
        {
            throw new InvalidBatchException($"请求体须为 JSON 对象数组（第 {_row + 1} 项附近）：{ex.Message} · the body must be a JSON array of objects (near item {_row + 1}): {ex.Message}");
        }
        _row++;
        fields.Clear();
        var element = _elements.Current;
        if (element.ValueKind != JsonValueKind.Object) return (true, $"每项须为 JSON 对象 · each item must be a JSON object, found {element.ValueKind}");
        for (var i = 0; i < _columns.Count; i++) fields.Add("");
        var seen = new bool[_columns.Count];
        foreach (var property in element.EnumerateObject())
        {
            var index = IndexOf(property.Name);
            if (index < 0) return (true, $"未知属性：{property.Name} · unknown property: {property.Name}");
            if (seen[index]) return (true, $"属性重复：{property.Name} · property appears twice: {property.Name}");
            seen[index] = true;
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.String: fields[index] = property.Value.GetString()!; break;
                case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False: fields[index] = property.Value.GetRawText(); break;
                case JsonValueKind.Null: break;
                default: return (true, $"{property.Name} 须为字符串或数字 · {property.Name} must be a string or a number");
            }
        }
        return (true, null);
    }

    private int IndexOf(string name)
    {
        for (var i = 0; i < _columns.Count; i++)
            if (string.Equals(_columns[i], name, StringComparison.Ordinal)) return i;
        return -1;
    }

    public override string Sha256() => _stream.Finish();

    public override async ValueTask<string> Sha256Async(CancellationToken ct)
    {
        var buffer = new byte[81920];
        while (await _stream.ReadAsync(buffer, ct) > 0) { }
        return _stream.Finish();
    }

    public async ValueTask DisposeAsync()
    {
        await _elements.DisposeAsync();
        await _stream.DisposeAsync();
    }
}
