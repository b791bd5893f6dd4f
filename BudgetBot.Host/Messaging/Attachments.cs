using BudgetBot.Domain.Conversation;
using BudgetBot.Host.Options;
using BudgetBot.Host.Reports;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Messaging;

/// <summary>The one place an attachment request becomes bytes: a chart drawn, or the report exported, as of now.</summary>
internal sealed class Attachments(ChartRenderer charts, ReportExporter reports, LedgerCsv ledger, IOptions<BudgetBotOptions> options, TimeProvider clock)
{
    public byte[]? Bytes(Attachment attachment, bool english) => attachment.Kind switch
    {
        AttachmentKind.Image => charts.Render(attachment, english),
        AttachmentKind.Csv => ledger.Write(attachment.OfficeId, attachment.FiscalYear, attachment.ScopeId, attachment.ReadingCopy),
        _ => reports.XlsxFor(attachment, TimeZones.Today(options.Value.TimeZone, clock.GetUtcNow())),
    };

    public static string Extension(Attachment attachment) => attachment.Kind switch
    {
        AttachmentKind.Image => ".png",
        AttachmentKind.Csv => ".csv",
        _ => ".xlsx",
    };
}
