using System.Text.Json;
using System.Text.Json.Serialization;
using BudgetBot.Domain.Conversation;

namespace BudgetBot.Host.Storage;

/// <summary>
/// Button state is stored with its <c>Kind</c> next to the fields of that kind, the same shape one flat record had
/// before, so buttons made by an older version still work.
/// </summary>
internal sealed class PendingActionJson : JsonConverter<PendingAction>
{
    public override PendingAction? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        var e = doc.RootElement;
        var kind = e.TryGetProperty("Kind", out var k) && k.ValueKind == JsonValueKind.String && Enum.TryParse<PendingKind>(k.GetString(), out var parsed)
            ? parsed
            : (PendingKind)(k.ValueKind == JsonValueKind.Number ? k.GetInt32() : 0);
        var id = Text(e, "Id");
        var office = Text(e, "OfficeId");
        var allowed = e.TryGetProperty("AllowedPersonId", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        var expires = e.GetProperty("ExpiresAt").GetDateTimeOffset();
        return kind switch
        {
            PendingKind.ConfirmSpend or PendingKind.AdminConfirmSpend => new SpendToConfirm(id, office, allowed, expires, kind == PendingKind.AdminConfirmSpend)
            {
                ProjectId = Text(e, "ProjectId"),
                Amount = e.GetProperty("Amount").GetDecimal(),
                Date = DateOnly.Parse(Text(e, "Date"), System.Globalization.CultureInfo.InvariantCulture),
                Note = Text(e, "Note"),
                SourceKey = Text(e, "SourceKey"),
                RequestedBy = e.TryGetProperty("RequestedBy", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null,
                Repeat = e.TryGetProperty("Repeat", out var repeat) && repeat.ValueKind == JsonValueKind.True,
            },
            PendingKind.Undo => new UndoEntry(id, office, allowed, expires, e.GetProperty("EntryId").GetInt64()),
            PendingKind.ApproveTransfer => new TransferRequest(id, office, allowed, expires)
            {
                FiscalYear = e.GetProperty("FiscalYear").GetInt32(),
                From = Text(e, "From"),
                To = Text(e, "To"),
                Amount = e.GetProperty("Amount").GetDecimal(),
                SourceKey = Text(e, "SourceKey"),
                RequestedBy = Text(e, "RequestedBy"),
            },
            _ => new RunCommand(id, office, allowed, expires, Text(e, "CommandText")),
        };
    }

    public override void Write(Utf8JsonWriter writer, PendingAction value, JsonSerializerOptions options)
    {
        var fields = JsonSerializer.SerializeToNode(value, value.GetType(), Plain)!.AsObject();
        fields["Kind"] = value.Kind.ToString();
        fields.Remove("Payload");
        fields.Remove("RejectPayload");
        fields.Remove("ByAdmin");
        fields.WriteTo(writer);
    }

    /// <summary>The subtypes' own fields, written without this converter.</summary>
    private static readonly JsonSerializerOptions Plain = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
}
