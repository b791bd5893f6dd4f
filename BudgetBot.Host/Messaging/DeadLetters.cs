using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Host.Messaging;

/// <summary>
/// What happens to an event or a message set aside after failing: the person who sent the event hears that nothing
/// was changed, and every admin of every office is told once, with the key to look it up.
/// </summary>
internal sealed class DeadLetters(IMessageQueue messages, IChatStore people, ConversationEngine engine, TimeProvider clock, ILogger<DeadLetters> logger)
{
    public IReadOnlyList<string> SetAside(InboundEvent e, string? chatId, Exception error)
    {
        Log.EventSetAside(logger, e.Key, error);
        return messages.Run(() =>
        {
            var keys = new List<string>();
            if (chatId is not null)
            {
                var key = OutboxKeys.Reply(e.Key, 0);
                messages.Enqueue(new OutboxItem(key, "Reply", "", null, new ChatAddress(e.Platform, chatId).ToString(), new Reply(
                    "ขออภัย ข้อความนี้ประมวลผลไม่ได้ ยังไม่ได้บันทึกอะไร ลองพิมพ์ใหม่ หรือพิมพ์ /help เพื่อดูตัวอย่าง\n" +
                    "Sorry, this message could not be handled and nothing was changed. Please type it again, or /help for examples."),
                    clock.GetUtcNow()));
                keys.Add(key);
            }

            TellAdmins("dead-event:" + e.Key, $"⚠ ข้อความ {e.Key} ประมวลผลไม่ได้ {InboxDrainer.MaxAttempts} ครั้ง จึงพักไว้ ({error.GetType().Name})");
            return (IReadOnlyList<string>)keys;
        });
    }

    /// <summary>
    /// An outbox item that failed for good. Admins are told once per chat and cause an hour, in words (whom it was for,
    /// what the platform said) with how many more failed since the last notice: a chat that always fails would
    /// otherwise send an admin one notice per message and hold their own replies back behind them.
    /// </summary>
    public void Failed(OutboxItem item, string error)
    {
        Log.SendSetAside(logger, item.Key, error);
        if (item.Key.StartsWith("dead-", StringComparison.Ordinal))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var cause = Cause(error);
        var group = $"{item.Platform}:{item.ChatId}:{cause}";
        var earlier = _held.GetValueOrDefault(group);
        var whom = item.PersonId is { } id && people.Person(id) is { } person ? person.DisplayName : $"แชต {item.ChatId}";
        var more = earlier > 0 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" (และอีก {earlier:#,##0} ครั้งก่อนหน้านี้)") : "";
        var key = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"dead-send:{group}:{now:yyyyMMddHH}");
        var told = TellAdmins(key, $"⚠ ส่งข้อความถึง {whom} ทาง {item.Platform} ไม่สำเร็จ{more} ระบบตอบว่า: {cause}\n" +
            "ข้อความที่ส่งไม่ได้พักไว้แล้ว (ดูได้ด้วยคำสั่ง dead-letters) ชั่วโมงนี้จะไม่แจ้งซ้ำสำหรับแชตนี้");
        // Told this hour already: counted for the next notice.
        _held[group] = told > 0 ? 0 : earlier + 1;
    }

    /// <summary>Failures since the last notice, per chat and cause; kept in memory, so a restart starts the count again.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _held = new();

    /// <summary>The platform's answer without what varies from message to message, so one cause is one group.</summary>
    private static string Cause(string error)
    {
        var first = error.Split('\n')[0].Trim();
        return first.Length > 120 ? first[..120] + "…" : first;
    }


    /// <summary>Queues the notice for every admin; how many were new (a key queued before is not queued again).</summary>
    private int TellAdmins(string key, string text) =>
        engine.Admins().Count(admin => messages.Enqueue(new OutboxItem($"{key}:{admin.Id}", "DeadLetter", "", admin.Id, null, new Reply(text), clock.GetUtcNow())));
}
