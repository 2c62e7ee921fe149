using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BackOffice.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands one test database runs against a table, from EF Core's diagnostic events (no
/// change to the services under test; other tests' databases running in parallel are not counted).
/// </summary>
public sealed class SqlCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _folder;
    private readonly string _table;
    private readonly IDisposable _all;
    private readonly List<IDisposable> _listeners = [];
    private int _count;

    public SqlCommandCounter(TestDatabase database, string table)
    {
        (_folder, _table) = (database.Folder, $"\"{table}\"");
        _all = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>The commands counted since the last reset.</summary>
    public int Reset() => Interlocked.Exchange(ref _count, 0);

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name) lock (_listeners) _listeners.Add(value.Subscribe(this));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data
            && (data.Command.Connection?.DataSource ?? "").Contains(_folder, StringComparison.Ordinal)
            && data.Command.CommandText.Contains(_table, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _count);
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }

    void IObserver<DiagnosticListener>.OnError(Exception error) { }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }

    public void Dispose()
    {
        _all.Dispose();
        lock (_listeners) _listeners.ForEach(l => l.Dispose());
    }
}
