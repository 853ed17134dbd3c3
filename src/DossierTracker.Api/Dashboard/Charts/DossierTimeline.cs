using System.Globalization;
using DossierTracker.Api.Dashboard.Text;
using DossierTracker.Api.Dossiers;
using DossierTracker.Calendar;

namespace DossierTracker.Api.Dashboard.Charts;

/// <summary>
/// Geometry of a dossier's time line, drawn as inline SVG on the dossier page: a horizontal axis from receipt to the
/// close (or now), non-working time of the working calendar shaded, pauses as bands, the due times and the new
/// appointment as vertical lines, and every event as a labelled mark. Labels go to the first free row, so close
/// events do not print over each other.
/// </summary>
public sealed class DossierTimeline
{
    public const double Width = 960;
    private const double Left = 12;
    private const double Right = 12;
    public const double ShadeTop = 38;
    public const double PauseTop = 44;
    public const double PauseHeight = 14;
    public const double BarTop = 64;
    public const double BarHeight = 20;
    public const double AxisY = 92;
    public const double TickLabelY = 108;
    private static readonly double[] MarkLabelRows = [14, 30];
    private static readonly double[] EventLabelRows = [132, 148, 164, 180];
    // Nights and lunch breaks are drawn while a day is wide enough to show them; beyond that only days off.
    private const double MaxDaysWithHours = 45;
    // A tick label centred closer than this to an edge would be cut off.
    private const double TickLabelMargin = 20;

    public sealed record Band(double X, double Width);
    public sealed record PauseBand(double X, double Width, string Label);
    public enum MarkKind { OriginalDue, EffectiveDue, Due, NewAppointment, Now }
    public sealed record Mark(double X, MarkKind Kind, string Label, double LabelY, string Anchor);
    public sealed record EventMark(double X, string Label, double LabelY, string Anchor);
    public sealed record Tick(double X, string Label);

    /// <summary>Down to the lowest row of event labels in use.</summary>
    public double Height { get; private init; }
    public DateTimeOffset Start { get; private init; }
    public DateTimeOffset End { get; private init; }
    public bool ShowsHours { get; private init; }
    public IReadOnlyList<Band> NonWorking { get; private init; } = [];
    public Band Lifespan { get; private init; } = new(0, 0);
    public IReadOnlyList<PauseBand> Pauses { get; private init; } = [];
    public IReadOnlyList<Mark> Marks { get; private init; } = [];
    public IReadOnlyList<EventMark> Events { get; private init; } = [];
    public IReadOnlyList<Tick> Ticks { get; private init; } = [];

    public static DossierTimeline Of(DossierView dossier, WorkingCalendar calendar, DateTimeOffset now, DashboardText text)
    {
        var closedOrNow = dossier.ClosedAt ?? now;
        DateTimeOffset[] instants = [dossier.ReceivedAt, closedOrNow, dossier.OriginalDueAt, dossier.DueAt, .. dossier.Apology?.NewAppointmentAt is { } a ? new[] { a } : []];
        var first = instants.Min();
        var last = instants.Max();
        var padding = TimeSpan.FromTicks(Math.Max(TimeSpan.FromHours(1).Ticks, (last - first).Ticks / 30));
        var start = first - padding;
        var end = last + padding;
        var scale = new Scale(start, end);
        var showsHours = (end - start).TotalDays <= MaxDaysWithHours;

        var events = EventsOf(dossier, scale, text);
        return new DossierTimeline
        {
            Height = events.Select(e => e.LabelY).Append(TickLabelY).Max() + 10,
            Start = start,
            End = end,
            ShowsHours = showsHours,
            NonWorking = NonWorkingTime.Between(calendar, start, end, showsHours).Select(b => scale.Band(b.From, b.To)).ToList(),
            Lifespan = scale.Band(dossier.ReceivedAt, closedOrNow),
            Pauses = dossier.Pauses.Select(p => PauseOf(p, closedOrNow, scale, text)).ToList(),
            Marks = MarksOf(dossier, now, scale, text),
            Events = events,
            Ticks = TicksOf(start, end, scale),
        };
    }

    private static PauseBand PauseOf(PauseView pause, DateTimeOffset closedOrNow, Scale scale, DashboardText text)
    {
        var band = scale.Band(pause.From, pause.To ?? closedOrNow);
        return new PauseBand(band.X, band.Width, $"{text.PauseBand}: {text.PauseReasons[pause.Reason]}, {text.Format(text.HoursFormat, text.Hours(pause.WorkingHours))}");
    }

    private static IReadOnlyList<Mark> MarksOf(DossierView dossier, DateTimeOffset now, Scale scale, DashboardText text)
    {
        var marks = new List<(DateTimeOffset At, MarkKind Kind, string Label)>();
        if (dossier.OriginalDueAt == dossier.DueAt) marks.Add((dossier.DueAt, MarkKind.Due, text.DueAt));
        else
        {
            marks.Add((dossier.OriginalDueAt, MarkKind.OriginalDue, text.OriginalDueShort));
            marks.Add((dossier.DueAt, MarkKind.EffectiveDue, text.EffectiveDueShort));
        }
        if (dossier.Apology?.NewAppointmentAt is { } appointment) marks.Add((appointment, MarkKind.NewAppointment, text.NewAppointment));
        if (dossier.ClosedAt is null) marks.Add((now, MarkKind.Now, text.Now));

        var rows = new LabelRows(MarkLabelRows, Width - Right);
        return marks.OrderBy(m => m.At)
            .Select(m =>
            {
                var x = scale.X(m.At);
                var (y, anchor) = rows.Place(x, m.Label);
                return new Mark(x, m.Kind, m.Label, y, anchor);
            })
            .ToList();
    }

    private static IReadOnlyList<EventMark> EventsOf(DossierView dossier, Scale scale, DashboardText text)
    {
        var rows = new LabelRows(EventLabelRows, Width - Right);
        return dossier.Timeline.Select(e =>
        {
            var x = scale.X(e.OccurredAt);
            var label = text.EventTypeName(e.Type, e.Source);
            var (y, anchor) = rows.Place(x, label);
            return new EventMark(x, label, y, anchor);
        }).ToList();
    }

    /// <summary>Ticks at local midnights (or months, for long spans), labelled often enough to stay readable.</summary>
    private static IReadOnlyList<Tick> TicksOf(DateTimeOffset start, DateTimeOffset end, Scale scale)
    {
        var days = (end - start).TotalDays;
        var pixelsPerDay = (Width - Left - Right) / days;
        var ticks = new List<Tick>();
        var firstDay = VietnamTime.LocalDate(start).AddDays(1);
        var lastDay = VietnamTime.LocalDate(end);
        if (pixelsPerDay * 30 < 70)
        {
            var months = (int)Math.Ceiling(70 / (pixelsPerDay * 30));
            var step = new[] { 1, 2, 3, 6, 12 }.FirstOrDefault(s => s >= months, 12 * (int)Math.Ceiling(months / 12.0));
            for (var month = new DateOnly(firstDay.Year, firstDay.Month, 1).AddMonths(1); month <= lastDay; month = month.AddMonths(step))
                ticks.Add(new Tick(scale.X(VietnamTime.At(month, TimeOnly.MinValue)), month.ToString("MM/yyyy", CultureInfo.InvariantCulture)));
            return Readable(ticks);
        }

        var every = new[] { 1, 2, 7, 14 }.First(s => s * pixelsPerDay >= 56 || s == 14);
        for (var (day, i) = (firstDay, 0); day <= lastDay; day = day.AddDays(1), i++)
        {
            if (i % every == 0) ticks.Add(new Tick(scale.X(VietnamTime.At(day, TimeOnly.MinValue)), day.ToString("dd/MM", CultureInfo.InvariantCulture)));
        }
        return Readable(ticks);
    }

    private static List<Tick> Readable(List<Tick> ticks) =>
        ticks.Where(t => t.X >= TickLabelMargin && t.X <= Width - TickLabelMargin).ToList();

    private sealed class Scale(DateTimeOffset start, DateTimeOffset end)
    {
        public double X(DateTimeOffset instant) => Left + ((instant - start).TotalSeconds / (end - start).TotalSeconds * (Width - Left - Right));

        public Band Band(DateTimeOffset from, DateTimeOffset to) => new(X(from), Math.Max(1, X(to) - X(from)));
    }
}
