using System.Globalization;
using BudgetBot.Tests.Fakes;

namespace BudgetBot.Bench.Load;

/// <summary>What reached the fakes, per chat in the keys <see cref="Traffic"/> uses, with the time each reply arrived.</summary>
internal sealed class Replies(FakeTelegramApi telegram, FakeLineApi line)
{
    public Dictionary<string, List<DateTimeOffset>> PerChat()
    {
        var chats = new Dictionary<string, List<DateTimeOffset>>();
        foreach (var call in telegram.Calls.Where(c => c.Ok && c.Method == "sendMessage"))
        {
            Add(chats, "t:" + call.ChatId.ToString(CultureInfo.InvariantCulture), call.At);
        }

        foreach (var delivery in line.Deliveries)
        {
            Add(chats, "l:" + delivery.To, delivery.At);
        }

        foreach (var list in chats.Values)
        {
            list.Sort();
        }

        return chats;
    }

    public int Count => telegram.Calls.Count(c => c.Ok && c.Method == "sendMessage") + line.Deliveries.Count;

    private static void Add(Dictionary<string, List<DateTimeOffset>> chats, string chat, DateTimeOffset at)
    {
        if (!chats.TryGetValue(chat, out var list))
        {
            chats[chat] = list = [];
        }

        list.Add(at);
    }
}
