using System.Diagnostics.Metrics;

namespace DossierTracker.Api.Operations;

/// <summary>
/// The tracker's own metrics, exported for Prometheus at /metrics: events ingested and refused, late dossiers detected
/// and how long after their due time. (The read model is written in the ingesting transaction, so there is no
/// projection lag to report: a 2xx means the lists and reports already include the event.)
/// </summary>
public sealed class TrackerMetrics
{
    public const string MeterName = "DossierTracker";

    private readonly Counter<long> _ingested;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _lateDetected;
    private readonly Histogram<double> _lateDetectionDelay;
    private readonly Histogram<int> _groupRequests;
    private readonly Histogram<int> _groupEvents;
    private readonly Meter _meter;

    public TrackerMetrics(IMeterFactory meterFactory)
    {
        var meter = _meter = meterFactory.Create(MeterName);
        _ingested = meter.CreateCounter<long>("dossiertracker.events.ingested", "{event}", "Lifecycle events stored.");
        _rejected = meter.CreateCounter<long>("dossiertracker.events.rejected", "{event}", "Lifecycle events refused, by problem type.");
        _duplicates = meter.CreateCounter<long>("dossiertracker.events.duplicates", "{event}", "Retries of events already stored.");
        _lateDetected = meter.CreateCounter<long>("dossiertracker.late.detected", "{dossier}", "Dossiers the tracker marked late.");
        _lateDetectionDelay = meter.CreateHistogram<double>("dossiertracker.late.detection_delay", "s",
            "Time from a dossier's due time to the tracker's late event.");
        _groupRequests = meter.CreateHistogram<int>("dossiertracker.ingest.group_requests", "{request}", "Requests committed together in one group.");
        _groupEvents = meter.CreateHistogram<int>("dossiertracker.ingest.group_events", "{event}", "Events submitted in one group commit.");
    }

    /// <summary>The ingest queue's depth, read when metrics are collected.</summary>
    public void ObserveIngestQueue(Func<int> depth) =>
        _meter.CreateObservableGauge("dossiertracker.ingest.queue_depth", depth, "{request}", "Requests waiting for a group commit.");

    public void GroupTaken(int requests, int events)
    {
        _groupRequests.Record(requests);
        _groupEvents.Record(events);
    }

    public void Ingested(string type, string source) =>
        _ingested.Add(1, new KeyValuePair<string, object?>("type", type), new KeyValuePair<string, object?>("source", source));

    public void Rejected(string problem, string source) =>
        _rejected.Add(1, new KeyValuePair<string, object?>("problem", problem), new KeyValuePair<string, object?>("source", source));

    public void Duplicate() => _duplicates.Add(1);

    public void LateDetected(TimeSpan delay)
    {
        _lateDetected.Add(1);
        _lateDetectionDelay.Record(delay.TotalSeconds);
    }
}
