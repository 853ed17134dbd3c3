using DossierTracker.Dossiers;
using DossierTracker.Ingestion;
using DossierTracker.Tests.Calendar;

namespace DossierTracker.Tests.Ingestion;

/// <summary>
/// The content identity behind idempotency: the API answers a known eventId with <c>duplicate</c> when the fingerprints
/// are equal and with <c>event-id-conflict</c> otherwise.
/// </summary>
public sealed class FingerprintTests
{
    private static readonly DateTimeOffset At = Local.Time("2024-03-12 08:00").ToUniversalTime();

    [Fact]
    public void the_same_content_sent_twice_has_the_same_fingerprint() =>
        Fingerprint.Of(new ProcessingSubmission("e-1", Submit.Code, At, "HB", "can-bo-7", "chuyển xử lý"))
            .ShouldBe(Fingerprint.Of(new ProcessingSubmission("e-1", Submit.Code, At, "HB", "can-bo-7", "chuyển xử lý")));

    [Fact]
    public void another_note_under_the_same_event_id_has_another_fingerprint() =>
        Fingerprint.Of(new ProcessingSubmission("e-1", Submit.Code, At, "HB", "can-bo-7", "chuyển xử lý"))
            .ShouldNotBe(Fingerprint.Of(new ProcessingSubmission("e-1", Submit.Code, At, "HB", "can-bo-7", "chuyển lại")));

    [Fact]
    public void another_time_under_the_same_event_id_has_another_fingerprint() =>
        Fingerprint.Of(new PausedSubmission("e-1", Submit.Code, At, PauseReason.Supplement, null))
            .ShouldNotBe(Fingerprint.Of(new PausedSubmission("e-1", Submit.Code, At.AddMinutes(1), PauseReason.Supplement, null)));

    [Fact]
    public void another_type_with_the_same_fields_has_another_fingerprint() =>
        Fingerprint.Of(new WithdrawnSubmission("e-1", Submit.Code, At, null))
            .ShouldNotBe(Fingerprint.Of(new StoppedSubmission("e-1", Submit.Code, At, null)));

    [Fact]
    public void another_dossier_under_the_same_event_id_has_another_fingerprint() =>
        Fingerprint.Of(new ReturnedSubmission("e-1", Submit.Code, At))
            .ShouldNotBe(Fingerprint.Of(new ReturnedSubmission("e-1", "HB-01-240311-0002", At)));
}
