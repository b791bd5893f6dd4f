using System.Globalization;
using System.Text;
using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Calendar;
using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Options;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Reports;

/// <summary>
/// The audit trail as CSV (RFC 4180, UTF-8 with a byte-order mark so Excel shows Thai): one row per ledger entry with
/// who recorded it, when, on which platform and from which message, and the entry a reversal cancels. Amounts are
/// plain numbers with two decimals, so the file's sums reconcile with the balances.
/// </summary>
internal sealed class LedgerCsv(IBudgetStore store, IChatStore chat, IOptions<BudgetBotOptions> options, TimeProvider? clock = null)
{
    public static readonly string[] Columns =
        ["entry_id", "recorded_at", "date", "project", "project_name", "amount", "note", "person", "person_id", "platform", "message", "reverses_entry", "category", "document", "receipts"];

    /// <summary>The reading copy's headers, column for column.</summary>
    public static readonly string[] ThaiColumns =
        ["เลขที่รายการ", "บันทึกเมื่อ", "วันที่", "โครงการที่", "ชื่อโครงการ", "จำนวนเงิน (บาท)", "รายละเอียด", "ผู้บันทึก", "รหัสผู้บันทึก", "ช่องทาง", "ข้อความต้นทาง", "กลับรายการที่", "หมวดรายจ่าย", "เลขที่เอกสาร", "ใบเสร็จ"];

    /// <param name="toRead">The office's reading copy: Thai headers, Buddhist-era dates and amounts with thousands separators.</param>
    public byte[] Write(string officeId, int fiscalYear, string? projectId = null, bool toRead = false)
    {
        TimeZones.TryFind(options.Value.TimeZone, out var zone);
        var projects = store.Projects(officeId, fiscalYear).ToDictionary(p => p.Id);
        var names = new Dictionary<string, string>();
        var receipts = chat.Receipts(officeId, fiscalYear).ToLookup(r => r.EntryId);
        var sb = new StringBuilder();
        sb.AppendJoin(',', toRead ? ThaiColumns : Columns).Append("\r\n");
        foreach (var e in store.Ledger(officeId, fiscalYear, projectId))
        {
            var project = projects.GetValueOrDefault(e.ProjectId);
            var person = names.TryGetValue(e.By, out var known) ? known : names[e.By] = chat.Person(e.By)?.DisplayName ?? e.By;
            var platform = ChatAddress.PlatformOf(e.SourceKey);
            string[] cells =
            [
                e.Id.ToString(CultureInfo.InvariantCulture),
                toRead ? $"{ThaiDate.Short(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(e.RecordedAt, zone).DateTime))} {TimeZoneInfo.ConvertTime(e.RecordedAt, zone):HH:mm}"
                    : TimeZoneInfo.ConvertTime(e.RecordedAt, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                toRead ? ThaiDate.Short(e.Date) : e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                project?.Number.ToString(CultureInfo.InvariantCulture) ?? "",
                project?.Name ?? "",
                e.Amount.ToString(toRead ? "#,##0.00" : "0.00", CultureInfo.InvariantCulture),
                e.Note,
                person,
                e.By,
                platform,
                e.SourceKey,
                e.Reverses?.ToString(CultureInfo.InvariantCulture) ?? "",
                e.Category ?? "",
                e.Document ?? "",
                Receipts(officeId, fiscalYear, e.Id, receipts[e.Id].Count()),
            ];
            sb.AppendJoin(',', cells.Select(Quote)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    /// <summary>
    /// Links to an entry's receipts, one per picture, separated by spaces: a link of its own for the entry, working as
    /// long as a report link does, absolute where the service has a public address.
    /// </summary>
    private string Receipts(string officeId, int fiscalYear, long entryId, int count)
    {
        if (count == 0)
        {
            return "";
        }

        var o = options.Value;
        var token = ReceiptLinks.NewToken(chat, officeId, fiscalYear, entryId, (clock ?? TimeProvider.System).GetUtcNow(), TimeSpan.FromDays(o.ReportLinkDays));
        return string.Join(' ', Enumerable.Range(1, count).Select(n => Receipt.Path(token, entryId, n)).Select(path => Messaging.Links.Absolute(path, o.PublicBaseUrl) ?? path));
    }

    /// <summary>
    /// Quotes a field that needs it. A field a spreadsheet could run as a formula (one that starts with = + - @, a tab
    /// or a carriage return) is prefixed with ' as OWASP advises; only a plain negative amount (<c>-300.00</c>,
    /// <c>-1,250.50</c>) keeps its leading minus, so it stays a number.
    /// </summary>
    private static string Quote(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '@' or '\t' or '\r' || (value.StartsWith('-') && !PlainNumber(value))
            ? "'" + value
            : value;
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    private static bool PlainNumber(string value) => value.Length > 1 && value[1..].All(c => char.IsAsciiDigit(c) || c is '.' or ',')
        && decimal.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint | System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture, out _);
}
