using System.Collections.Concurrent;
using BackOffice.Domain.Imports;
using BackOffice.Domain.Metrics;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static BackOffice.Tests.Builders.TradingData;

namespace BackOffice.Tests.Domain.Shopkeepers;

/// <summary>Phone numbers and names never reach the logs, at any level, through import (good and refused), dashboards and unmasking.</summary>
public sealed class PersonalDataLoggingTests
{
    private const string Phone = "13912345678";
    private const string Name = "欧阳娜娜";

    [Fact]
    public async Task ImportThenDashboardsAndUnmask_EverythingLoggedAtTrace_NoPhoneOrNameInAnyMessage()
    {
        var logs = new CapturingLoggerProvider();
        await using var database = await TestDatabase.CreateAsync(configure: services =>
            services.AddLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));
        await TradingData.SeedAsync(database);
        var import = database.Get<ImportService>();

        var applied = await import.ImportCsvAsync(People.FinanceChen, ImportKind.Shopkeepers, Csv(ShopkeeperHeader, ShopkeeperRow(1, phone: Phone, name: Name)));
        Assert.True(applied.Applied, string.Join("; ", applied.Problems));
        var refused = await import.ImportCsvAsync(People.FinanceChen, ImportKind.Shopkeepers, Csv(ShopkeeperHeader,
            ShopkeeperRow(2, phone: Phone, name: Name), ShopkeeperRow(3, joined: "not-a-date", phone: Phone, name: Name)));
        Assert.False(refused.Applied);
        Assert.True((await import.ImportCsvAsync(People.FinanceChen, ImportKind.OrderLines, Csv(OrderLineHeader, LineRow("L1", "O1", 1, 1, 1, 1, 1_000, 0)))).Applied);
        var dashboards = database.Get<DashboardService>();
        var leaderboard = await dashboards.LeaderboardAsync(new MetricsFilter(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), new(0, 10), null);
        var unmasked = await dashboards.UnmaskAsync(People.Admin, leaderboard.Items.Single().ShopkeeperId);
        Assert.Equal(Phone, unmasked.Phone); // the Admin saw it (audited), the logs did not

        Assert.NotEmpty(logs.Messages); // the provider was listening: the check below is not vacuous
        Assert.DoesNotContain(logs.Messages, m => m.Contains(Phone, StringComparison.Ordinal) || m.Contains(Name, StringComparison.Ordinal));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(Messages);

        public void Dispose() { }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception) + exception);
        }
    }
}
