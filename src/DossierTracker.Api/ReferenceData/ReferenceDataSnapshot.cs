using DossierTracker.Calendar;
using DossierTracker.Organisation;
using DossierTracker.Procedures;

namespace DossierTracker.Api.ReferenceData;

/// <summary>Units, procedures and the working calendar as of one moment; immutable, shared by all requests.</summary>
public sealed record ReferenceDataSnapshot(
    OrganisationTree Units,
    IReadOnlyDictionary<string, Procedure> Procedures,
    WorkingCalendar Calendar,
    IReadOnlyDictionary<int, CalendarYearCorrected> CalendarCorrections,
    DateTimeOffset LoadedAt);
