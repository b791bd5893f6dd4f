using System.Text.Json;
using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Options;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Line;

/// <summary>
/// Processes stored LINE events in order: messages and postbacks go through the engine, follow and join get a welcome,
/// unfollow and leave mark the chat gone. Replies go to the outbox with the event's reply token.
/// </summary>
internal sealed class LineDispatcher(IInbox inbox, IChatStore chat, ConversationEngine engine, LineSender sender, IOptions<BudgetBotOptions> options, ILogger<LineDispatcher> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0);

    public static string GoneKey(string chatId) => "line:gone:" + chatId;

    public void Wake() => _wake.Release();

    public int Drain()
    {
        var handled = 0;
        foreach (var item in inbox.Unprocessed(LineEvents.Platform, 100))
        {
            try
            {
                using var doc = JsonDocument.Parse(item.Payload);
                Handle(doc.RootElement, item);
                inbox.Processed(item.Key);
                handled++;
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
            {
                Log.LineEventFailed(logger, item.Key, ex);
                inbox.Processed(item.Key);
            }
        }

        if (handled > 0)
        {
            sender.Wake();
        }

        return handled;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Line.Enabled())
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            if (Drain() == 0)
            {
                await _wake.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private void Handle(JsonElement e, InboundEvent item)
    {
        var chatId = LineEvents.ChatId(e);
        switch (LineEvents.Type(e))
        {
            case "unfollow" or "leave" when chatId is not null:
                inbox.SetState(GoneKey(chatId), "1");
                return;
            case "follow" when chatId is not null:
                inbox.SetState(GoneKey(chatId), "");
                var hello = new IncomingMessage(LineEvents.Platform, chatId, ChatKind.Private, LineEvents.UserId(e)!, LineEvents.UserId(e)!, "/help", "follow:" + item.Key, item.At);
                Enqueue(item, chatId, LineEvents.ReplyToken(e), engine.Handle(hello));
                return;
            case "join" or "memberJoined" when chatId is not null:
                Enqueue(item, chatId, LineEvents.ReplyToken(e), [new Reply(
                    "สวัสดีครับ BudgetBot ช่วยติดตามการใช้จ่ายงบประมาณ\nพิมพ์ /help เพื่อดูคำสั่ง สมาชิกใหม่ขอรหัสเชิญจากผู้ดูแลระบบแล้วพิมพ์ /join รหัส")]);
                return;
        }

        if (LineEvents.ToMessage(e, item.Key) is { } message)
        {
            Enqueue(item, message.ChatId, LineEvents.ReplyToken(e), engine.Handle(message));
        }
    }

    private void Enqueue(InboundEvent item, string chatId, string? replyToken, IReadOnlyList<Reply> replies)
    {
        for (var i = 0; i < replies.Count; i++)
        {
            // The reply token answers the first reply; anything after it goes by push.
            chat.Enqueue(new OutboxItem($"reply:{item.Key}:{i}", "Reply", "", null, $"{LineEvents.Platform}:{chatId}", replies[i], item.At)
            {
                ReplyToken = i == 0 ? replyToken : null,
            });
        }
    }
}
