using System.Diagnostics;
using System.Threading.Channels;
using DossierTracker.Api.Http;
using DossierTracker.Api.Ingesting;
using DossierTracker.Calendar;
using DossierTracker.Ingestion;
using Marten;
using Npgsql;

namespace DossierTracker.Api.Importing;

/// <summary>What to import and as whom.</summary>
/// <param name="ScopeUnitCode">Events are judged as from a key scoped to this unit; null: no scope (the whole tree).</param>
/// <param name="Source">Recorded on every stored event, as the API records its caller's channel.</param>
public sealed record ImportRequest(string Path, string? ScopeUnitCode, string Source, int ChunkSize);

/// <summary>An import's account: the totals over every run of the file, and what this run did.</summary>
public sealed record ImportReport(ImportCheckpoint Totals, long ResumedAfterLine, long LinesThisRun, long EventsThisRun, TimeSpan Elapsed, string RejectedFile,
    ImportTimings Timings)
{
    public long Rejected => Totals.Rejected.Values.Sum();
}

/// <summary>
/// Imports a file of events (JSON lines, each the body of <c>POST /api/events</c>) in file order, in chunks of
/// thousands of events per transaction. Each chunk is decided by the ingestor exactly as a batch posted to the API
/// (same parser, same decisions, same ledger and read-model rows), against the stored state of dossiers that already
/// exist, its rows are written with COPY, and its checkpoint is written in the same transaction: a rerun after a crash continues at the first
/// line not committed, and the ledger makes a line committed twice impossible. Reading and parsing the next chunk
/// overlaps with the current one's round trips.
/// </summary>
public sealed class EventImporter(NpgsqlDataSource dataSource, IDocumentStore store, EventIngestor ingestor, BulkAppender appender, TrackerClock clock,
    ILogger<EventImporter> logger)
{
    private const int MaxAttempts = 4;

    /// <summary>
    /// A chunk's commit does not wait for its WAL flush: a crash of PostgreSQL may lose the last chunks acknowledged,
    /// but each with its checkpoint (the WAL replays a prefix of the commits), so the rerun continues before them:
    /// nothing lost, nothing twice. The service's own transactions keep the server's setting.
    /// </summary>
    private const string AsynchronousCommit = "set local synchronous_commit = off";
    /// <summary>Namespace of the session advisory lock that keeps two imports of one file from running at once.</summary>
    private const int ImportLockSpace = 0x44540002;

    /// <summary>How far the running import is, read by the progress bar from another thread.</summary>
    public sealed class Position
    {
        private long _line, _offset, _events, _rejected;
        public long Line => Interlocked.Read(ref _line);
        public long Offset => Interlocked.Read(ref _offset);
        public long Events => Interlocked.Read(ref _events);
        public long Rejected => Interlocked.Read(ref _rejected);
        /// <summary>The file's size; 0 until the run has found where it starts.</summary>
        public long Length { get; private set; }
        /// <summary>Where this run started: the checkpoint's offset, or 0.</summary>
        public long StartOffset { get; private set; }

        internal void Begin(ImportCheckpoint checkpoint, long length)
        {
            (_line, _offset, StartOffset) = (checkpoint.Line, checkpoint.Offset, checkpoint.Offset);
            _rejected = checkpoint.Rejected.Values.Sum();
            Length = length;
        }

        internal void Advance(ImportChunk chunk, ImportCheckpoint committed)
        {
            Interlocked.Exchange(ref _line, chunk.LastLine);
            Interlocked.Exchange(ref _offset, chunk.EndOffset);
            Interlocked.Add(ref _events, chunk.Events.Count + chunk.Invalid.Count);
            Interlocked.Exchange(ref _rejected, committed.Rejected.Values.Sum());
        }
    }

    public async Task<ImportReport> RunAsync(ImportRequest request, Position position, CancellationToken cancellationToken)
    {
        var clockStarted = Stopwatch.StartNew();
        var file = FileIdentity.Of(request.Path);
        await using var importLock = await LockFileAsync(file, cancellationToken);

        var checkpoint = await ImportCheckpoints.LoadAsync(dataSource, file, cancellationToken) ?? ImportCheckpoint.Start;
        var resumedAfter = checkpoint.Line;
        using var rejected = new RejectedLines(RejectedLines.PathFor(request.Path), checkpoint.RejectedBytes);
        using var lines = new JsonLines(request.Path, checkpoint.Offset, checkpoint.Line);
        position.Begin(checkpoint, file.Size);

        var submitter = new Submitter(request.ScopeUnitCode, request.Source);
        var timings = new ImportTimings();
        var chunks = Channel.CreateBounded<ImportChunk>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => ReadAsync(lines, request.ChunkSize, chunks.Writer, timings, stopReading.Token), CancellationToken.None);
        long events = 0;
        try
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync(cancellationToken))
            {
                checkpoint = await CommitAsync(chunk, checkpoint, file, request, submitter, rejected, timings, cancellationToken);
                events += chunk.Events.Count + chunk.Invalid.Count;
                position.Advance(chunk, checkpoint);
            }
        }
        finally
        {
            await stopReading.CancelAsync();
            try { await reading; } catch (OperationCanceledException) { }
        }
        return new ImportReport(checkpoint, resumedAfter, checkpoint.Line - resumedAfter, events, clockStarted.Elapsed, rejected.Path, timings);
    }

    private static async Task ReadAsync(JsonLines lines, int size, ChannelWriter<ImportChunk> chunks, ImportTimings timings, CancellationToken cancellationToken)
    {
        try
        {
            while (Read() is { } chunk) await chunks.WriteAsync(chunk, cancellationToken);
            chunks.Complete();
        }
        catch (Exception e)
        {
            chunks.Complete(e);
        }

        ImportChunk? Read()
        {
            using var _ = timings.Measure("reading and parsing (beside the rest)");
            return ImportChunk.Read(lines, size);
        }
    }

    /// <summary>One transaction: the chunk's events, ledger entries and read-model rows, and the checkpoint after it.</summary>
    private async Task<ImportCheckpoint> CommitAsync(ImportChunk chunk, ImportCheckpoint before, FileIdentity file, ImportRequest request,
        Submitter submitter, RejectedLines rejected, ImportTimings timings, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var session = store.LightweightSession();
                await session.BeginTransactionAsync(cancellationToken);
                await using (var noFlushWait = new NpgsqlCommand(AsynchronousCommit, session.Connection))
                    await noFlushWait.ExecuteNonQueryAsync(cancellationToken);
                var results = chunk.Events.Count == 0
                    ? []
                    : await DecideAndAppendAsync(session, chunk.Events.Select(e => e.Submission).ToList(), submitter, timings, cancellationToken);
                var after = Account(chunk, results, before, rejected);
                rejected.Flush();
                ImportCheckpoints.Save(session, file, Path.GetFileName(request.Path), after, clock.Now);
                using (timings.Measure("read-model statements, checkpoint and commit"))
                    await session.SaveChangesAsync(cancellationToken);
                return after;
            }
            catch (Exception e) when (attempt < MaxAttempts && EventIngestor.IsRetryable(e))
            {
                // The service stored one of these eventIds meanwhile: deciding the chunk again sees it as a duplicate.
                logger.LogInformation("Import chunk ending at line {Line} lost a race ({Reason}); retrying", chunk.LastLine, e.GetType().Name);
                rejected.Reset(before.RejectedBytes);
            }
            catch
            {
                rejected.Reset(before.RejectedBytes);
                throw;
            }
        }
    }

    /// <summary>Decided by the ingestor, as a posted batch is; stored with COPY (<see cref="BulkAppender"/>).</summary>
    private async Task<IReadOnlyList<IngestionResult>> DecideAndAppendAsync(IDocumentSession session, IReadOnlyList<EventSubmission> submissions,
        Submitter submitter, ImportTimings timings, CancellationToken cancellationToken)
    {
        DecidedEvents decided;
        using (timings.Measure("deciding (locks, stored states, decider)"))
            decided = await ingestor.DecideAsync(session.Connection!, [new IngestionRequest(submissions, submitter)], cancellationToken);
        await appender.AppendAsync(session, session.Connection!, decided, timings, cancellationToken);
        return decided.Results[0];
    }

    /// <summary>Adds the chunk's outcomes to the totals and writes its refused lines to the side file.</summary>
    private static ImportCheckpoint Account(ImportChunk chunk, IReadOnlyList<IngestionResult> results, ImportCheckpoint before, RejectedLines rejected)
    {
        var byProblem = new Dictionary<string, long>(before.Rejected, StringComparer.Ordinal);
        var refused = chunk.Invalid
            .Select(i => (i.Line, i.Bytes, Code: ProblemCatalogue.Validation,
                Problem: Problems.Details(ProblemCatalogue.Validation, "One or more fields are not valid; see errors.", i.Errors)))
            .Concat(results.Select((r, i) => (Result: r, Event: chunk.Events[i]))
                .Where(x => x.Result.Status == IngestionStatus.Rejected)
                .Select(x => (x.Event.Line, x.Event.Bytes, x.Result.Rejection!.Code, Problem: IngestionResponses.ProblemFor(x.Result))))
            .OrderBy(r => r.Line);
        foreach (var (line, bytes, code, problem) in refused)
        {
            rejected.Write(line, bytes, problem);
            byProblem[code] = byProblem.GetValueOrDefault(code) + 1;
        }
        return new ImportCheckpoint(
            chunk.LastLine,
            chunk.EndOffset,
            before.Created + results.Count(r => r.Status == IngestionStatus.Created),
            before.Duplicates + results.Count(r => r.Status == IngestionStatus.Duplicate),
            byProblem,
            rejected.Length);
    }

    /// <summary>A session-level advisory lock on the file's identity, held on its own connection for the whole run.</summary>
    private async Task<NpgsqlConnection> LockFileAsync(FileIdentity file, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"select pg_try_advisory_lock({ImportLockSpace}, hashtext($1))", connection)
        {
            Parameters = { new NpgsqlParameter { Value = file.Key } },
        };
        if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!) return connection;
        await connection.DisposeAsync();
        throw new ImportRefusedException("Another import of this file is running; wait for it to end or stop it.");
    }
}
