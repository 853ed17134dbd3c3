using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DossierTracker.Api.Tests.Infrastructure;

/// <summary>
/// Every SQL statement the host sends through Npgsql, from Npgsql's own debug log of each command (its text) and each
/// batch (the text of each of its commands): what a request costs in statements, counted without touching the code.
/// Add it with <see cref="AddTo"/>, which enables that log for this provider only. Each command, batch, COPY and commit
/// is also one round trip to PostgreSQL (<see cref="RoundTripsAsync"/>).
/// </summary>
public sealed class SqlStatementLog : ILoggerProvider
{
    private const string NpgsqlCommands = "Npgsql.Command";
    private const string NpgsqlTransactions = "Npgsql.Transaction";
    private const string NpgsqlCopy = "Npgsql.Copy";
    private readonly ConcurrentQueue<string> _statements = new();
    private readonly ConcurrentQueue<RoundTrip> _roundTrips = new();

    public static void AddTo(ILoggingBuilder logging, SqlStatementLog log) =>
        logging.AddProvider(log)
            .AddFilter<SqlStatementLog>(NpgsqlCommands, LogLevel.Debug)
            .AddFilter<SqlStatementLog>(NpgsqlTransactions, LogLevel.Debug)
            .AddFilter<SqlStatementLog>(NpgsqlCopy, LogLevel.Debug);

    /// <summary>Runs <paramref name="action"/> and returns the statements sent meanwhile that read <paramref name="table"/>.</summary>
    public async Task<IReadOnlyList<string>> ReadingAsync(string table, Func<Task> action)
    {
        _statements.Clear();
        await action();
        return _statements.Where(sql => sql.Contains(table, StringComparison.Ordinal)).ToList();
    }

    /// <summary>
    /// Runs <paramref name="action"/> and returns what was sent meanwhile, one entry per round trip: a command or batch
    /// (its statements, joined), a COPY, or a commit, each with the id of the physical connection that sent it.
    /// </summary>
    public async Task<IReadOnlyList<RoundTrip>> RoundTripsAsync(Func<Task> action)
    {
        _roundTrips.Clear();
        await action();
        return _roundTrips.ToList();
    }

    public ILogger CreateLogger(string categoryName) => categoryName is NpgsqlCommands or NpgsqlTransactions or NpgsqlCopy
        ? new Logger(this)
        : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose() { }

    private sealed class Logger(SqlStatementLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is not IEnumerable<KeyValuePair<string, object?>> values) return;
            var connector = values.Where(v => v.Key == "ConnectorId").Select(v => Convert.ToInt32(v.Value, System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
            if (eventId.Name is "CommittedTransaction" or "StartingBinaryImport")
            {
                log._roundTrips.Enqueue(new RoundTrip(connector, eventId.Name == "CommittedTransaction" ? "commit" : formatter(state, exception)));
                return;
            }
            // Npgsql logs a command again when it completes: only the log of its start counts it.
            if (eventId.Name?.StartsWith("Executing", StringComparison.Ordinal) != true) return;
            var sent = new List<string>();
            foreach (var (name, value) in values)
            {
                if (name == "CommandText" && value is string text) sent.Add(text);
                if (name == "BatchCommands" && value is System.Collections.IEnumerable batch)
                {
                    foreach (var command in batch) sent.Add(command?.ToString() ?? "");
                }
            }
            foreach (var statement in sent) log._statements.Enqueue(statement);
            log._roundTrips.Enqueue(new RoundTrip(connector, string.Join("\n;; ", sent)));
        }
    }
}

/// <summary>One round trip to PostgreSQL: what was sent, on which physical connection (Npgsql's connector id).</summary>
public sealed record RoundTrip(int Connector, string Sent);
