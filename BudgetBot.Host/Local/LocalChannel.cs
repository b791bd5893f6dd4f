using BudgetBot.Domain.Conversation;
using BudgetBot.Host.Options;
using BudgetBot.Host.Reports;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Local;

/// <summary>
/// The channel of the terminal and the browser playground: the same engine as the real platforms. Attachments become
/// media files (charts drawn, reports exported now) whose content is their <c>/media/{id}</c> link. Messages are
/// handled one at a time, in order.
/// </summary>
internal sealed class LocalChannel(
    ConversationEngine engine, ReportExporter exporter, ChartRenderer charts, MediaFiles media, IOptions<BudgetBotOptions> options, ILogger<LocalChannel> logger)
{
    private readonly Lock _gate = new();

    public IReadOnlyList<Reply> Handle(IncomingMessage message)
    {
        lock (_gate)
        {
            try
            {
                var english = engine.LanguageOf(message) == "en";
                return engine.Handle(message).Select(r => Materialize(r, message.At, english)).ToList();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // No stack trace reaches a chat: the person gets a polite line, the log gets the details.
                Log.MessageFailed(logger, message.SourceKey, ex);
                return [new Reply("ขออภัย ระบบขัดข้อง ยังไม่ได้บันทึกอะไร ลองใหม่อีกครั้ง / Sorry, something went wrong; nothing was changed. Please try again.")];
            }
        }
    }

    /// <summary>Turns attachment requests into media files and their links.</summary>
    public Reply Materialize(Reply reply, DateTimeOffset at, bool english)
    {
        var files = new List<Attachment>();
        foreach (var a in reply.Attachments)
        {
            var bytes = a.Kind switch
            {
                AttachmentKind.Image => charts.Render(a.Content, english),
                _ => exporter.XlsxFor(a.Content, TimeZones.Today(options.Value.TimeZone, at)),
            };
            if (bytes is not null)
            {
                var (id, _) = media.Save(bytes, a.Kind == AttachmentKind.Image ? ".png" : ".xlsx");
                files.Add(a with { Content = "/media/" + id });
            }
        }

        return reply with { Attachments = files };
    }
}
