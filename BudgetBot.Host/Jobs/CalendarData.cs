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

    private readonly Lazy<WorkingDays> _workingDays = new(() => Load(BudgetBotConfiguration.Resolve("config/holidays.json")));
    private readonly Lazy<IReadOnlyList<DisbursementTarget>> _targets = new(() =>
        DisbursementTargetsFile.Load(BudgetBotConfiguration.Resolve("config/disbursement-targets.json")));

    public WorkingDays WorkingDays => _workingDays.Value;

    public IReadOnlyList<DisbursementTarget> Targets => _targets.Value;

    public static IReadOnlyList<DateOnly> LoadHolidays(string path) => Read(path)?.Holidays.Select(h => h.Date).ToList() ?? [];

    /// <summary>The holidays and the fiscal years they cover.</summary>
    public static WorkingDays Load(string path) =>
        Read(path) is { } file ? new WorkingDays(file.Holidays.Select(h => h.Date), file.FiscalYears) : new WorkingDays([]);

    private static HolidaysDocument? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<HolidaysDocument>(stream, Options);
    }

    private sealed record HolidaysDocument(IReadOnlyList<Holiday> Holidays, IReadOnlyList<int>? FiscalYears);

    private sealed record Holiday(DateOnly Date, [property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("source")] string? Source);
}
