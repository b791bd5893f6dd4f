using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Reconciliation;
using BudgetBot.Host.Options;
using BudgetBot.Host.Reports;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Local;

/// <summary>
/// The channel of the terminal and the browser playground: the same engine as the real platforms, with attachments
/// produced as files under the data dir. Messages are handled one at a time, in order.
/// </summary>
internal sealed class LocalChannel(ConversationEngine engine, ReportExporter exporter, IOptions<BudgetBotOptions> options, ILogger<LocalChannel> logger)
{
    private readonly Lock _gate = new();

    public IReadOnlyList<Reply> Handle(IncomingMessage message)
    {
        lock (_gate)
        {
            try
            {
                return engine.Handle(message).Select(r => WithFiles(r, message)).ToList();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // No stack trace reaches a chat: the person gets a polite line, the log gets the details.
                Log.MessageFailed(logger, message.SourceKey, ex);
                return [new Reply("ขออภัย ระบบขัดข้อง ยังไม่ได้บันทึกอะไร ลองใหม่อีกครั้ง / Sorry, something went wrong; nothing was changed. Please try again.")];
            }
        }
    }

    /// <summary>Spreadsheet attachments become files a person can open: the monitoring report, exported now.</summary>
    private Reply WithFiles(Reply reply, IncomingMessage message)
    {
        var files = new List<Attachment>();
        foreach (var a in reply.Attachments)
        {
            if (a.Kind == AttachmentKind.Spreadsheet && a.Content.Split(':') is ["report", var office, var year, var round])
            {
                var dir = Path.Combine(options.Value.DataDir, "exports");
                var path = Path.GetFullPath(Path.Combine(dir, $"{Guid.NewGuid():N}-{a.Name}"));
                TimeZones.TryFind(options.Value.TimeZone, out var zone);
                exporter.WriteXlsx(path, office, int.Parse(year, System.Globalization.CultureInfo.InvariantCulture), ReportRound.Parse(round)!,
                    Domain.Calendar.FiscalCalendar.LocalDate(message.At, zone));
                files.Add(a with { Content = path });
            }
            else
            {
                files.Add(a);
            }
        }

        return reply with { Attachments = files };
    }
}
