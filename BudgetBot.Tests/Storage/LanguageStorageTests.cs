using BudgetBot.Domain.Budget;
using BudgetBot.Host.Storage;

namespace BudgetBot.Tests.Storage;

public sealed class LanguageStorageTests
{
    [Fact]
    public void PersonsLanguage_IsStoredAsItsCode_AndReadBackFromCodesWrittenBefore()
    {
        var json = JsonPayload.Write(new Person("p1", "สมศรี") { Language = Language.English });

        Assert.Contains("\"Language\":\"en\"", json, StringComparison.Ordinal);
        Assert.Equal(Language.English, JsonPayload.Read<Person>("""{"Id":"p2","DisplayName":"A","Language":"en"}""").Language);
        Assert.Equal(Language.Thai, JsonPayload.Read<Person>("""{"Id":"p3","DisplayName":"B","Language":"th"}""").Language);
        Assert.Equal(Language.Thai, JsonPayload.Read<Person>("""{"Id":"p4","DisplayName":"C"}""").Language);
    }
}
