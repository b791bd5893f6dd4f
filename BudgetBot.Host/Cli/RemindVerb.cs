using System.Globalization;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Jobs;

namespace BudgetBot.Host.Cli;

/// <summary><c>remind --dry-run [--at &lt;ISO time&gt;]</c>: what the scheduler would send at that moment, to whom and why; sends nothing.</summary>
internal sealed class RemindVerb(ReminderRun run, IChatStore chat, TimeProvider clock, Microsoft.Extensions.Options.IOptions<Options.BudgetBotOptions> options)
{
    public int Run(CliArgs args, TextWriter output)
    {
        if (!args.Flags.Contains("--dry-run"))
        {
            output.WriteLine("usage: remind --dry-run [--at 2023-03-24T09:00+07:00] [--data-dir DIR]   (the service sends; this verb only shows)");
            return 2;
        }

        var at = clock.GetUtcNow();
        if (args.Option("--at") is { } text && !CliTime.TryRead(text, options.Value.TimeZone, out at))
        {
            output.WriteLine($"--at '{text}' is not a time; use ISO 8601, e.g. 2023-03-24T09:00+07:00");
            return 2;
        }

        var notices = run.Due(at);
        var sendable = notices.Count(n => n.Kind != Domain.Reminders.NoticeKind.NoRecipient);
        output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"At {at:yyyy-MM-dd HH:mm zzz}: {sendable} message(s) would be sent."));
        foreach (var notice in notices)
        {
            var to = notice.Kind == Domain.Reminders.NoticeKind.NoRecipient ? "ไม่มีผู้รับ: เชิญผู้รับผิดชอบโครงการหรือผู้ดูแลระบบ (no recipient: invite the project owners or an admin)"
                : notice.PersonId is { } id ? chat.Person(id) is { } p ? $"{p.DisplayName} ({string.Join(", ", p.Identities)})" : id : $"group {notice.ChatKey}";
            output.WriteLine();
            output.WriteLine($"{notice.Kind} → {to}   [{notice.Key}]");
            foreach (var reason in notice.Reasons)
            {
                output.WriteLine("  " + reason);
            }
        }

        return 0;
    }
}
