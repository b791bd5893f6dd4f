using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Storage;
using LiteDB;

namespace BudgetBot.Tests.Storage;

public abstract class ChatStateContract(StoreKind kind)
{
    [SkippableFact]
    public void ChatState_GoneAndBack_IsKeptPerChat()
    {
        using var store = Stores.Open(kind);
        var chat = new ChatAddress("telegram", "-100200");
        Assert.Null(store.ChatState(chat));

        store.SaveChatState(new ChatState(chat, Gone: true, StoreFixture.At));
        Assert.True(store.ChatState(chat)!.Gone);
        Assert.Null(store.ChatState(chat with { Platform = "line" }));

        store.SaveChatState(new ChatState(chat, Gone: false, StoreFixture.At.AddDays(1)));
        Assert.Equal(new ChatState(chat, false, StoreFixture.At.AddDays(1)), store.ChatState(chat));
    }
}

public sealed class ChatStateTestsOnLiteDb() : ChatStateContract(StoreKind.LiteDb);

public sealed class ChatStateTestsOnPostgres() : ChatStateContract(StoreKind.Postgres);

public sealed class ChatStateTestsOnMemory() : ChatStateContract(StoreKind.Memory);

public sealed class LegacyChatStateTests
{
    [Fact]
    public void DataFile_WithGoneKeptAsState_OpensWithChatRecords()
    {
        var path = Path.Combine(Seed.TempDir(), "budgetbot.db");
        using (var old = new LiteDatabase(path))
        {
            old.GetCollection("state").Insert(new BsonDocument { ["_id"] = "telegram:gone:5", ["value"] = "1" });
            old.GetCollection("state").Insert(new BsonDocument { ["_id"] = "telegram:offset", ["value"] = "42" });
        }

        using var store = new LiteDbBudgetStore(path);

        Assert.True(store.ChatState(new ChatAddress("telegram", "5"))!.Gone);
        Assert.Equal("42", store.State("telegram:offset"));
        Assert.Null(store.State("telegram:gone:5"));
    }
}
