using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Host.Messaging;

/// <summary>
/// What happens to an event or a message set aside after failing: the person who sent the event hears that nothing
/// was changed, and every admin of every office is told once, with the key to look it up.
/// </summary>
internal sealed class DeadLetters(IMessageQueue messages, ConversationEngine engine, TimeProvider clock, ILogger<DeadLetters> logger)
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

    /// <summary>An outbox item that failed for good; admins are told unless the item was itself a notice to admins.</summary>
    public void Failed(OutboxItem item, string error)
    {
        Log.SendSetAside(logger, item.Key, error);
        if (!item.Key.StartsWith("dead-", StringComparison.Ordinal))
        {
            TellAdmins("dead-send:" + item.Key, $"⚠ ส่งข้อความ {item.Key} ไปที่ {item.Platform} ไม่สำเร็จ จึงพักไว้: {error}");
        }
    }

    private void TellAdmins(string key, string text)
    {
        foreach (var admin in engine.Admins())
        {
            messages.Enqueue(new OutboxItem($"{key}:{admin.Id}", "DeadLetter", "", admin.Id, null, new Reply(text), clock.GetUtcNow()));
        }
    }
}
