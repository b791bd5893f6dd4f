using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Messaging;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace BudgetBot.Host.Telegram;

/// <summary>
/// A reply as Telegram calls, one per part: the text in chunks of at most 4096 UTF-16 units (HTML mode, buttons on
/// the last chunk, group mentions as text mentions), then each attachment as a photo or a document.
/// </summary>
internal sealed class TelegramParts(TelegramBot bot, IChatStore chat, Attachments attachments, Microsoft.Extensions.Options.IOptions<Options.BudgetBotOptions> options)
{
    public const int MaxText = 4096;

    public IReadOnlyList<Func<CancellationToken, Task>> Of(Reply reply, long chatId)
    {
        // A link button opens the page at the service's public address; without one a phone could not reach it.
        var rows = reply.Buttons
            .Select(row => row.Select(Key).OfType<InlineKeyboardButton>().ToList())
            .Where(row => row.Count > 0)
            .ToList();
        var keyboard = rows.Count == 0 ? null : new InlineKeyboardMarkup(rows);
        var chunks = Split((reply.Card is { } card ? Card(card, reply.Text) : Html(reply.Text)) + Mentions(reply, chatId));
        var calls = new List<Func<CancellationToken, Task>>();
        for (var i = 0; i < chunks.Count; i++)
        {
            var (text, markup) = (chunks[i], i == chunks.Count - 1 ? keyboard : null);
            calls.Add(ct => bot.Client.SendMessage(chatId, text, parseMode: ParseMode.Html, replyMarkup: markup, cancellationToken: ct));
        }

        foreach (var attachment in reply.Attachments)
        {
            calls.Add(ct => SendFile(attachment, chatId, ct));
        }

        return calls;
    }

    private InlineKeyboardButton? Key(Button b) =>
        b.Url is not { } url ? InlineKeyboardButton.WithCallbackData(b.Label, b.Payload)
        : Links.Absolute(url, options.Value.PublicBaseUrl) is { } open ? InlineKeyboardButton.WithUrl(b.Label, open)
        : null;

    private async Task SendFile(Attachment attachment, long chatId, CancellationToken ct)
    {
        if (attachments.Bytes(attachment, english: false) is not { } bytes)
        {
            return;
        }

        using var stream = new MemoryStream(bytes);
        if (attachment.Kind == AttachmentKind.Image)
        {
            await bot.Client.SendPhoto(chatId, InputFile.FromStream(stream, attachment.Name), cancellationToken: ct);
        }
        else
        {
            await bot.Client.SendDocument(chatId, InputFile.FromStream(stream, attachment.Name), cancellationToken: ct);
        }
    }

    /// <summary>In a group, people to mention become text mentions (a link to the user), which notify them.</summary>
    private string Mentions(Reply reply, long chatId)
    {
        var links = reply.Mentions
            .Select(chat.Person)
            .Select(p => (Person: p, Id: p?.Identities.FirstOrDefault(i => i.StartsWith("telegram:", StringComparison.Ordinal))))
            .Where(x => chatId < 0 && x.Id is not null)
            .Select(x => $"<a href=\"tg://user?id={x.Id!["telegram:".Length..]}\">{Html(x.Person!.DisplayName)}</a>")
            .ToList();
        return links.Count == 0 ? "" : "\n🔔 " + string.Join(' ', links);
    }

    /// <summary>
    /// A card as Telegram draws one: the reply's text with its first line (the card's title) in bold, then a bar of ten
    /// cells filled to the card's share and its label in bold. The text keeps every figure, as the card's alternative.
    /// </summary>
    public static string Card(Card card, string text)
    {
        var lines = text.Split('\n', 2);
        var filled = (int)Math.Round(Math.Clamp(card.Percent, 0, 100) / 10, MidpointRounding.AwayFromZero);
        return $"<b>{Html(lines[0])}</b>{(lines.Length > 1 ? "\n" + Html(lines[1]) : "")}\n{new string('▰', filled)}{new string('▱', 10 - filled)} <b>{Html(card.PercentLabel)}</b>";
    }

    /// <summary>Only &amp;, &lt; and &gt; need escaping in Telegram's HTML mode; everything else is sent as written.</summary>
    public static string Html(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    public static List<string> Split(string text) => TextChunks.Split(text, MaxText);
}
