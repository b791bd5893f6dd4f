namespace BudgetBot.Host.Options;

internal static class TimeZones
{
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
