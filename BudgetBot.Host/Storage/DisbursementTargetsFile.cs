using System.Text.Json;
using System.Text.Json.Serialization;
using BudgetBot.Domain.Budget;

namespace BudgetBot.Host.Storage;

/// <summary>Disbursement targets are data (config/disbursement-targets.json): each with its source and whether it was checked.</summary>
internal static class DisbursementTargetsFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static IReadOnlyList<DisbursementTarget> Load(string path)
    {
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<TargetsDocument>(stream, Options) ?? new TargetsDocument([]);
        return file.Targets;
    }

    private sealed record TargetsDocument(IReadOnlyList<DisbursementTarget> Targets);
}
