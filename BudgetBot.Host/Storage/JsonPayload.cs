using System.Text.Encodings.Web;
using System.Text.Json;

namespace BudgetBot.Host.Storage;

/// <summary>
/// Rarely written, nested records (projects, fiscal years) are kept as JSON inside their document, next to the
/// indexed fields queries use; the hot path (ledger, balances) is mapped field by field.
/// </summary>
internal static class JsonPayload
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new LanguageJson(), new PendingActionJson() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidDataException($"An empty {typeof(T).Name} document in the data file.");
}
