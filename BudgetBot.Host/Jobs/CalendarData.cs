using System.Text.Json;
using System.Text.Json.Serialization;
using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Reminders;
using BudgetBot.Host.Storage;

namespace BudgetBot.Host.Jobs;

/// <summary>The editable data the scheduler reads: holidays and disbursement targets from config/.</summary>
internal sealed class CalendarData
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    private readonly Lazy<WorkingDays> _workingDays = new(() => new WorkingDays(LoadHolidays(BudgetBotConfiguration.Resolve("config/holidays.json"))));
    private readonly Lazy<IReadOnlyList<DisbursementTarget>> _targets = new(() =>
        DisbursementTargetsFile.Load(BudgetBotConfiguration.Resolve("config/disbursement-targets.json")));

    public WorkingDays WorkingDays => _workingDays.Value;

    public IReadOnlyList<DisbursementTarget> Targets => _targets.Value;

    public static IReadOnlyList<DateOnly> LoadHolidays(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<HolidaysDocument>(stream, Options);
        return file?.Holidays.Select(h => h.Date).ToList() ?? [];
    }

    private sealed record HolidaysDocument(IReadOnlyList<Holiday> Holidays);

    private sealed record Holiday(DateOnly Date, [property: JsonPropertyName("name")] string Name);
}
