using System.Globalization;
using BudgetBot.Domain.Conversation;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace BudgetBot.Host.Telegram;

/// <summary>
/// Turns a Telegram update into the engine's message. <c>/cmd@ourbot</c> loses its suffix, <c>/cmd@otherbot</c> is
/// dropped, and a leading <c>@ourbot</c> mention marks a group message as addressed to us. A button tap carries no
/// date of its own: it is stamped with the time it was received, which stays the same when it is handled again.
/// </summary>
internal static class TelegramUpdates
{
    public const string Platform = "telegram";

    /// <summary>The chat an update belongs to, so that chat's updates are handled in order; null when it names none.</summary>
    public static string? ChatOf(Update update)
    {
        var chat = update.Message?.Chat ?? update.EditedMessage?.Chat ?? update.CallbackQuery?.Message?.Chat ?? update.MyChatMember?.Chat ?? update.ChatMember?.Chat;
        return chat is not null ? Platform + ":" + chat.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : update.CallbackQuery?.From is { } from ? Platform + ":" + from.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    public static IncomingMessage? ToMessage(Update update, string botUsername, DateTimeOffset receivedAt)
    {
        switch (update)
        {
            case { Message: { From: { } from, Text: { } text } message }:
                var kind = message.Chat.Type == ChatType.Private ? ChatKind.Private : ChatKind.Group;
                var (clean, mentioned, ours) = Address(text, message.Entities, botUsername);
                if (!ours)
                {
                    return null;
                }

                return new IncomingMessage(Platform, message.Chat.Id.ToString(CultureInfo.InvariantCulture), kind, from.Id.ToString(CultureInfo.InvariantCulture),
                    Name(from), clean, message.Id.ToString(CultureInfo.InvariantCulture), new DateTimeOffset(DateTime.SpecifyKind(message.Date, DateTimeKind.Utc)))
                {
                    MentionsBot = mentioned,
                };
            case { Message: { From: { } sender, Photo: [.., var largest] } photo }:
                // A photo's caption is read like a message's text (a /receipt 123 there names the entry); the largest size is kept.
                var (caption, named, forUs) = Address(photo.Caption ?? "", photo.CaptionEntities, botUsername);
                return forUs
                    ? new IncomingMessage(Platform, photo.Chat.Id.ToString(CultureInfo.InvariantCulture), photo.Chat.Type == ChatType.Private ? ChatKind.Private : ChatKind.Group,
                        sender.Id.ToString(CultureInfo.InvariantCulture), Name(sender), caption, photo.Id.ToString(CultureInfo.InvariantCulture),
                        new DateTimeOffset(DateTime.SpecifyKind(photo.Date, DateTimeKind.Utc))) { MentionsBot = named, Photo = largest.FileId }
                    : null;
            case { CallbackQuery: { Message: { } source } query }:
                var chatKind = source.Chat.Type == ChatType.Private ? ChatKind.Private : ChatKind.Group;
                return new IncomingMessage(Platform, source.Chat.Id.ToString(CultureInfo.InvariantCulture), chatKind, query.From.Id.ToString(CultureInfo.InvariantCulture),
                    Name(query.From), "", "cb:" + query.Id, receivedAt)
                {
                    ButtonPayload = query.Data,
                };
            default:
                return null;
        }
    }

    private static (string Text, bool Mentioned, bool Ours) Address(string text, MessageEntity[]? entities, string botUsername)
    {
        var first = entities?.FirstOrDefault(e => e.Offset == 0);
        if (first is { Type: MessageEntityType.BotCommand })
        {
            var token = text[..first.Length];
            var at = token.IndexOf('@', StringComparison.Ordinal);
            if (at < 0)
            {
                return (text, false, true);
            }

            var target = token[(at + 1)..];
            return target.Equals(botUsername, StringComparison.OrdinalIgnoreCase)
                ? (token[..at] + text[first.Length..], true, true)
                : (text, false, false);
        }

        var mention = "@" + botUsername;
        if (text.StartsWith(mention, StringComparison.OrdinalIgnoreCase))
        {
            return (text[mention.Length..].Trim(), true, true);
        }

        return (text, text.Contains(mention, StringComparison.OrdinalIgnoreCase), true);
    }

    private static string Name(User user) => string.Join(' ', new[] { user.FirstName, user.LastName }.Where(n => !string.IsNullOrEmpty(n)));
}
