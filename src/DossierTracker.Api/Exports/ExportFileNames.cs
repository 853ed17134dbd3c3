using DossierTracker.Calendar;

namespace DossierTracker.Api.Exports;

/// <summary>What names a downloaded file: the unit and the day it was made, as Vietnam sees it.</summary>
public static class ExportFileNames
{
    public static string DateStamp(DateTimeOffset instant) => VietnamTime.LocalDate(instant).ToString("yyyyMMdd");
}
