using System.Globalization;
using System.Text.Json;
using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace BudgetBot.Host.Telegram;

/// <summary>
/// Takes stored updates in order, runs the engine and puts its replies in the outbox (keyed by the message, so a
/// replayed update adds nothing), then marks the update processed. Callback queries are answered and their keyboard
/// removed, so a button cannot be used twice.
/// </summary>
internal sealed class TelegramDispatcher(TelegramBot bot, IInbox inbox, IChatStore chat, ConversationEngine engine, TelegramSender sender, TimeProvider clock, ILogger<TelegramDispatcher> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0);

    public void Wake() => _wake.Release();

    public async Task<int> DrainAsync(CancellationToken ct)
    {
        var handled = 0;
        foreach (var item in inbox.Unprocessed(TelegramUpdates.Platform, 100))
        {
            try
            {
                var update = JsonSerializer.Deserialize<Update>(item.Payload, JsonBotAPI.Options)!;
                await HandleAsync(update, ct);
                inbox.Processed(item.Key);
                handled++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.TelegramUpdateFailed(logger, item.Key, ex);
                break;
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
        if (!bot.Enabled)
        {
            return;
        }

        await bot.Ready.Task.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (await DrainAsync(stoppingToken) == 0)
            {
                await _wake.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task HandleAsync(Update update, CancellationToken ct)
    {
        if (update is { Message.MigrateToChatId: { } newId })
        {
            Migrate(update.Message.Chat.Id, newId);
            return;
        }

        if (update is { MyChatMember: { NewChatMember.Status: ChatMemberStatus.Kicked or ChatMemberStatus.Left } member })
        {
            inbox.SetState(TelegramSender.GoneKey(member.Chat.Id), "1");
            return;
        }

        if (update.CallbackQuery is { } query)
        {
            // Telegram shows a spinner until the query is answered; the keyboard goes so the tap cannot be repeated.
            await Quietly(() => bot.Client.AnswerCallbackQuery(query.Id, cancellationToken: ct));
            if (query.Message is { } shown && shown.Date != default)
            {
                await Quietly(() => bot.Client.EditMessageReplyMarkup(shown.Chat.Id, shown.Id, replyMarkup: null, cancellationToken: ct));
            }
        }

        if (TelegramUpdates.ToMessage(update, bot.Username) is not { } message)
        {
            return;
        }

        var replies = engine.Handle(message);
        for (var i = 0; i < replies.Count; i++)
        {
            chat.Enqueue(new OutboxItem($"reply:{message.SourceKey}:{i}", "Reply", "", null, $"{TelegramUpdates.Platform}:{message.ChatId}", replies[i], clock.GetUtcNow()));
        }
    }

    /// <summary>A group upgraded to a supergroup keeps its subscription under the new chat id.</summary>
    private void Migrate(long oldId, long newId)
    {
        var oldKey = $"{TelegramUpdates.Platform}:{oldId.ToString(CultureInfo.InvariantCulture)}";
        if (chat.Subscription(oldKey) is { } subscription)
        {
            chat.SaveSubscription(subscription with { ChatKey = $"{TelegramUpdates.Platform}:{newId.ToString(CultureInfo.InvariantCulture)}" });
            chat.SaveSubscription(subscription with { Kind = SubscriptionKind.Off });
        }
    }

    private static async Task Quietly(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (global::Telegram.Bot.Exceptions.RequestException)
        {
            // Answering or editing is a courtesy; the message itself is handled either way.
        }
    }
}
