namespace BudgetBot.Host.Options;

internal static class TimeZones
{
    /// <summary>The date it is at <paramref name="at"/> in the configured zone: what "today" means for reports.</summary>
    public static DateOnly Today(string zoneId, DateTimeOffset at)
    {
        TryFind(zoneId, out var zone);
        return Domain.Calendar.FiscalCalendar.LocalDate(at, zone);
    }

    /// <summary>
    /// Finds a zone by IANA id. Bangkok has been UTC+7 without daylight saving since 1920, so a machine without
    /// time-zone data still gets the right clock for it.
    /// </summary>
    public static bool TryFind(string id, out TimeZoneInfo zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            if (id == "Asia/Bangkok")
            {
                zone = TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(7), "Asia/Bangkok", "ICT");
                return true;
            }

            zone = TimeZoneInfo.Utc;
            return false;
        }
    }
}
