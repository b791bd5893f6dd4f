using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Options;

/// <summary>Checks that need more than attributes, so a bad setting stops start-up with a message instead of failing later.</summary>
/// <remarks>A platform's own settings are checked by the platform (registered with it); admins may be written in the
/// identity form of any platform the host runs.</remarks>
internal sealed class ValidateBudgetBotOptions(IEnumerable<Messaging.PlatformIdentity> platforms) : IValidateOptions<BudgetBotOptions>
{
    public ValidateOptionsResult Validate(string? name, BudgetBotOptions options)
    {
        var errors = new List<string>();
        if (!TimeZones.TryFind(options.TimeZone, out _))
        {
            errors.Add($"BudgetBot:TimeZone '{options.TimeZone}' is not a known time zone.");
        }

        if (!string.IsNullOrWhiteSpace(options.Playground.Today) && !Cli.CliTime.TryRead(options.Playground.Today, options.TimeZone, out _))
        {
            errors.Add($"BudgetBot:Playground:Today '{options.Playground.Today}' is not a time: use ISO 8601 such as 2023-05-10T09:00, or leave it empty for the real clock.");
        }

        var known = platforms.ToList();
        foreach (var admin in options.Admins.Where(a => !known.Exists(p => p.Matches(a))))
        {
            errors.Add($"BudgetBot:Admins entry '{admin}' must look like {string.Join(" or ", known.Select(p => $"'{p.Example}'"))}.");
        }

        if (!options.Storage.IsPostgres && !string.Equals(options.Storage.Provider, StorageOptions.LiteDb, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"BudgetBot:Storage:Provider '{options.Storage.Provider}' is not a store: use 'litedb' (the default) or 'postgres'.");
        }

        if (options.Storage.IsPostgres && string.IsNullOrWhiteSpace(options.Storage.ConnectionString))
        {
            errors.Add("BudgetBot:Storage:ConnectionString is required with Provider 'postgres' (e.g. Host=db;Database=budgetbot;Username=budgetbot).");
        }
        else if (options.Storage.IsPostgres && !ValidConnectionString(options.Storage.ConnectionString!))
        {
            errors.Add("BudgetBot:Storage:ConnectionString is not a PostgreSQL connection string (Host=…;Database=…;Username=…).");
        }

        foreach (var proxy in options.KnownProxies.Where(p => !System.Net.IPAddress.TryParse(p, out _)))
        {
            errors.Add($"BudgetBot:KnownProxies entry '{proxy}' is not an IP address.");
        }

        if (options.Guards.HoldPercent < options.Guards.WarnPercent)
        {
            errors.Add($"BudgetBot:Guards:HoldPercent ({options.Guards.HoldPercent}) must not be below WarnPercent ({options.Guards.WarnPercent}).");
        }

        foreach (var (office, guard) in options.Guards.Offices)
        {
            if (guard.WarnPercent is < 1 or > 1000 || guard.HoldPercent is < 1 or > 1000)
            {
                errors.Add($"BudgetBot:Guards:Offices:{office}: WarnPercent and HoldPercent must be between 1 and 1000.");
            }
        }

        foreach (var days in options.Reminders.DaysBeforeQuarterEnd.Where(d => d is < 0 or > 92))
        {
            errors.Add($"BudgetBot:Reminders:DaysBeforeQuarterEnd entry {days} must be between 0 and 92 (a whole quarter).");
        }

        if (options.Reminders.Cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is not (5 or 6))
        {
            errors.Add($"BudgetBot:Reminders:Cron '{options.Reminders.Cron}' is not a cron expression (five fields, e.g. */15 * * * *).");
        }

        if (string.IsNullOrEmpty(options.Dashboard.User) != string.IsNullOrEmpty(options.Dashboard.Password))
        {
            errors.Add("BudgetBot:Dashboard:User and BudgetBot:Dashboard:Password go together: set both or neither.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool ValidConnectionString(string value)
    {
        try
        {
            return !string.IsNullOrEmpty(new Npgsql.NpgsqlConnectionStringBuilder(value).Host);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
