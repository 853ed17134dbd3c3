namespace DossierTracker.Api.ReadModel.Rebuilding;

/// <summary>
/// The lock between ingestion and an online rebuild's switch. Every ingesting transaction takes it shared, first (so it
/// has not touched the read model yet when it waits); the rebuild takes it exclusive only for an instant: to read a
/// clean high-water mark (no transaction that writes events is then in flight, so every event up to the mark is
/// committed) and for its last catch-up and the switch of tables. Advisory, so nothing else waits on it.
/// </summary>
public static class ReadModelSwitchLock
{
    // Key space 0x44540002 (1146355714), beside the ingestor's per-dossier locks (0x44540001): never meets Marten's or Wolverine's.
    public const string TakeShared = "select pg_advisory_xact_lock_shared(1146355714, 0)";

    public const string TakeExclusive = "select pg_advisory_xact_lock(1146355714, 0)";
}
