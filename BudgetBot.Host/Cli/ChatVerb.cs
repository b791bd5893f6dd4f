using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Demo;
using BudgetBot.Host.Local;
using BudgetBot.Host.Messaging;
using BudgetBot.Host.Storage;

namespace BudgetBot.Host.Cli;

/// <summary>
/// <c>chat --as &lt;platform:id&gt; [--chat &lt;platform:chatId&gt;] [--at &lt;ISO time&gt;]</c>: lines in on stdin, replies out on stdout, through the same
/// inbox, drainer, engine and outbox as the bots (run here in the foreground, one line at a time). Buttons are printed
/// as numbered choices; a line with just that number taps the button.
/// </summary>
internal sealed class ChatVerb(IInbox inbox, InboxDrainer drainer, OutboxSenders senders, IServiceStore store, DemoData demo, MediaFiles media, TimeProvider clock, Microsoft.Extensions.Options.IOptions<Options.BudgetBotOptions> options)
{
    public int Run(CliArgs args, TextWriter output, TextReader input)
    {
        if (args.Option("--as") is not { } who || who.Split(':', 2) is not [var platform, var userId] || userId.Length == 0)
        {
            output.WriteLine("usage: chat --as <platform:id> [--chat <platform:chatId>] [--data-dir DIR]   (demo people: local:admin, local:executive, local:head, local:owner, local:auditor)");
            return 2;
        }

        if (args.Option("--at") is { } at && !CliTime.TryRead(at, options.Value.TimeZone, out _))
        {
            output.WriteLine($"--at '{at}' is not a time; use ISO 8601, e.g. 2023-05-15T09:00+07:00");
            return 2;
        }

        var (chatId, kind) = args.Option("--chat") is { } chat && chat.Split(':', 2) is [_, var id] ? (id, ChatKind.Group) : (userId, ChatKind.Private);
        if (options.Value.DemoMode && store.IsNew)
        {
            demo.EnsureSeeded();
        }
        else if (options.Value.DemoMode)
        {
            demo.EnsurePeople();
        }
        var choices = new List<Button>();
        if (platform == LocalChannel.Platform)
        {
            ShowNotices($"{platform}:{chatId}", output, choices);
        }

        while (input.ReadLine() is { } line)
        {
            var text = line.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var message = new IncomingMessage(platform, chatId, kind, userId, userId, text, Guid.NewGuid().ToString("N"), clock.GetUtcNow());
            if (int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= choices.Count)
            {
                message = message with { Text = "", ButtonPayload = choices[n - 1].Payload };
            }

            choices.Clear();
            Print(Ask(message), output, choices);
            output.WriteLine();
            output.Flush();
        }

        return 0;
    }

    /// <summary>
    /// What reached this chat since its last session (a request to approve, the outcome of one), with its buttons, so a
    /// rehearsal can play every part: each person's session shows what the others sent them.
    /// </summary>
    private void ShowNotices(string feed, TextWriter output, List<Button> choices)
    {
        var sender = senders.For(LocalChannel.Platform);
        for (var round = 0; round < 10 && store.Outbox(Domain.Ports.OutboxStatus.Pending, 1).Count > 0; round++)
        {
            sender.RoundAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        var cursor = $"chat-verb:{feed}:shown";
        var all = store.LocalFeed(feed, int.MaxValue);
        var shown = int.TryParse(store.State(cursor), System.Globalization.CultureInfo.InvariantCulture, out var n) ? Math.Min(n, all.Count) : 0;
        if (all.Count > shown)
        {
            Print([.. all.Skip(shown).Select(x => x.Reply)], output, choices);
            output.WriteLine();
            store.SetState(cursor, all.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private void Print(IEnumerable<Reply> replies, TextWriter output, List<Button> choices)
    {
        foreach (var reply in replies)
        {
            output.WriteLine(reply.Text);
            foreach (var attachment in reply.Attachments)
            {
                // The terminal has no web page to link to: show where the file is.
                output.WriteLine($"📎 {attachment.Name}: {media.Find((attachment.Url ?? "").Replace("/media/", "", StringComparison.Ordinal)) ?? attachment.Url}");
            }

            foreach (var link in reply.AllButtons.Where(b => b.Url is not null))
            {
                // A terminal cannot press a link: print where it goes, under the public address when there is one.
                output.WriteLine($"🔗 {link.Label}: {Links.Absolute(link.Url!, options.Value.PublicBaseUrl) ?? link.Url}");
            }

            foreach (var button in reply.AllButtons.Where(b => b.Url is null))
            {
                choices.Add(button);
                output.WriteLine($"[{choices.Count}] {button.Label}");
            }
        }
    }

    private List<Reply> Ask(IncomingMessage message)
    {
        var stored = LocalChannel.Event(message);
        inbox.Receive(stored.Key, stored.Platform, stored.Payload, stored.At);
        var keys = drainer.DrainOnce().Where(d => d.InboxKey == stored.Key).SelectMany(d => d.ReplyKeys).ToList();
        var sender = senders.For(LocalChannel.Platform);
        // Each round gives the chat its next few replies; a handful of rounds is plenty for one message.
        for (var round = 0; round < 10 && keys.Any(k => store.Delivered(k) is null); round++)
        {
            sender.RoundAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        return keys.Select(store.Delivered).OfType<Reply>().ToList();
    }
}
