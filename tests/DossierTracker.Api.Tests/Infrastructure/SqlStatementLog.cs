using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DossierTracker.Api.Tests.Infrastructure;

/// <summary>
/// Every SQL statement the host sends through Npgsql, from Npgsql's own debug log of each command (its text) and each
/// batch (the text of each of its commands): what a request costs in statements, counted without touching the code.
/// Add it with <see cref="AddTo"/>, which enables that log for this provider only.
/// </summary>
public sealed class SqlStatementLog : ILoggerProvider
{
    private const string NpgsqlCommands = "Npgsql.Command";
    private readonly ConcurrentQueue<string> _statements = new();

    public static void AddTo(ILoggingBuilder logging, SqlStatementLog log) =>
        logging.AddProvider(log).AddFilter<SqlStatementLog>(NpgsqlCommands, LogLevel.Debug);

    /// <summary>Runs <paramref name="action"/> and returns the statements sent meanwhile that read <paramref name="table"/>.</summary>
    public async Task<IReadOnlyList<string>> ReadingAsync(string table, Func<Task> action)
    {
        _statements.Clear();
        await action();
        return _statements.Where(sql => sql.Contains(table, StringComparison.Ordinal)).ToList();
    }

    public ILogger CreateLogger(string categoryName) => categoryName == NpgsqlCommands ? new Logger(this) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose() { }

    private sealed class Logger(SqlStatementLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // Npgsql logs a command again when it completes: only the log of its start counts it.
            if (eventId.Name?.StartsWith("Executing", StringComparison.Ordinal) != true) return;
            if (state is not IEnumerable<KeyValuePair<string, object?>> values) return;
            foreach (var (name, value) in values)
            {
                if (name == "CommandText" && value is string text) log._statements.Enqueue(text);
                if (name == "BatchCommands" && value is System.Collections.IEnumerable batch)
                {
                    foreach (var command in batch) log._statements.Enqueue(command?.ToString() ?? "");
                }
            }
        }
    }
}
