using BudgetBot.Domain.Conversation;
using BudgetBot.Host.Options;
using BudgetBot.Host.Reports;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Messaging;

/// <summary>The one place an attachment request becomes bytes: a chart drawn, or the report exported, as of now.</summary>
internal sealed class Attachments(ChartRenderer charts, ReportExporter reports, IOptions<BudgetBotOptions> options, TimeProvider clock)
{
    public byte[]? Bytes(Attachment attachment, bool english) => attachment.Kind == AttachmentKind.Image
        ? charts.Render(attachment, english)
        : reports.XlsxFor(attachment, TimeZones.Today(options.Value.TimeZone, clock.GetUtcNow()));

    public static string Extension(Attachment attachment) => attachment.Kind == AttachmentKind.Image ? ".png" : ".xlsx";
}
