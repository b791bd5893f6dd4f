using System.Globalization;
using System.Text.RegularExpressions;

namespace BudgetBot.Host.Cli;

/// <summary>The <c>--at</c> of the verbs: an ISO time; without an offset it is the office's local time (<c>2023-03-24T09:00</c> is 09:00 in Bangkok).</summary>
internal static partial class CliTime
{
    public static bool TryRead(string text, string timeZone, out DateTimeOffset at)
    {
        // Only ISO 8601: "15 May" would leave the year to a guess.
        if (!Iso().IsMatch(text))
        {
            at = default;
            return false;
        }

        if (Offset().IsMatch(text))
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out at);
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            at = default;
            return false;
        }

        Options.TimeZones.TryFind(timeZone, out var zone);
        at = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone.GetUtcOffset(local));
        return true;
    }

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2})?)?(Z|[+-][0-9]{2}:?[0-9]{2})?$")]
    private static partial Regex Iso();

    [GeneratedRegex(@"(Z|[+-][0-9]{2}:?[0-9]{2})$")]
    private static partial Regex Offset();
}

/// <summary>
/// A session's clock set to another time (<c>chat --at</c>): it starts at that time and runs on at the real pace, so a
/// rehearsal or a test can live through a budget year; everything the verb runs (engine, drainer, senders) reads it.
/// </summary>
internal sealed class RehearsalClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _began = TimeProvider.System.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + TimeProvider.System.GetElapsedTime(_began);

    public override TimeZoneInfo LocalTimeZone => TimeProvider.System.LocalTimeZone;
}
