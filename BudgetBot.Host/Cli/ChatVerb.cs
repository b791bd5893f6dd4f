using BudgetBot.Domain.Conversation;
using BudgetBot.Host.Demo;
using BudgetBot.Host.Local;

namespace BudgetBot.Host.Cli;

/// <summary>
/// <c>chat --as &lt;platform:id&gt; [--chat &lt;platform:chatId&gt;]</c>: lines in on stdin, replies out on stdout, through the same
/// engine as the bots. Buttons are printed as numbered choices; a line with just that number taps the button.
/// </summary>
internal sealed class ChatVerb(LocalChannel channel, DemoData demo, MediaFiles media, TimeProvider clock)
{
    public int Run(CliArgs args, TextWriter output, TextReader input)
    {
        if (args.Option("--as") is not { } who || who.Split(':', 2) is not [var platform, var userId] || userId.Length == 0)
        {
            output.WriteLine("usage: chat --as <platform:id> [--chat <platform:chatId>] [--data-dir DIR]   (demo people: local:admin, local:executive, local:head, local:owner, local:auditor)");
            return 2;
        }

        var (chatId, kind) = args.Option("--chat") is { } chat && chat.Split(':', 2) is [_, var id] ? (id, ChatKind.Group) : (userId, ChatKind.Private);
        demo.EnsureSeeded();
        var choices = new List<Button>();
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
            foreach (var reply in channel.Handle(message))
            {
                output.WriteLine(reply.Text);
                foreach (var attachment in reply.Attachments)
                {
                    // The terminal has no web page to link to: show where the file is.
                    output.WriteLine($"📎 {attachment.Name}: {media.Find(attachment.Content.Replace("/media/", "", StringComparison.Ordinal)) ?? attachment.Content}");
                }

                foreach (var button in reply.AllButtons)
                {
                    choices.Add(button);
                    output.WriteLine($"[{choices.Count}] {button.Label}");
                }
            }

            output.WriteLine();
            output.Flush();
        }

        return 0;
    }
}
