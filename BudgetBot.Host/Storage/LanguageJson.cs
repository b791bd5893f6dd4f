using System.Text.Json;
using System.Text.Json.Serialization;
using BudgetBot.Domain.Budget;

namespace BudgetBot.Host.Storage;

/// <summary>A person's language is stored as its code (<c>th</c>, <c>en</c>), as data files have always held it.</summary>
internal sealed class LanguageJson : JsonConverter<Language>
{
    public override Language Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && Languages.Parse(reader.GetString() ?? "") is { } language ? language : Language.Thai;

    public override void Write(Utf8JsonWriter writer, Language value, JsonSerializerOptions options) => writer.WriteStringValue(value.Code());
}
