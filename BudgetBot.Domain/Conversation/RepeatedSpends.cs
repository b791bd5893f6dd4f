using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Calendar;

namespace BudgetBot.Domain.Conversation;

/// <summary>
/// The same person sending the same spend again soon after (no answer came, so they sent it again) is asked before a
/// second entry is made: the message is new, so the ledger could not tell it from a real second payment.
/// </summary>
internal static class RepeatedSpends
{
    /// <summary>How far back a spend counts as the same one sent again.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(30);

    /// <summary>This person's entry of the last <see cref="Window"/> with the same project, amount, date and note, not undone.</summary>
    public static LedgerEntry? Earlier(CommandContext ctx, Project project, decimal amount, DateOnly date, string note)
    {
        if (ctx.Person is not { } person)
        {
            return null;
        }

        var recent = ctx.Budget.History(project.Id, 50).Where(e => e.RecordedAt >= ctx.Message.At - Window).ToList();
        var undone = recent.Where(e => e.Reverses is not null).Select(e => e.Reverses!.Value).ToHashSet();
        return recent.FirstOrDefault(e => e.Reverses is null && !undone.Contains(e.Id) && e.By == person.Id
            && e.Amount == amount && e.Date == date && string.Equals(e.Note.Trim(), note.Trim(), StringComparison.Ordinal));
    }

    /// <summary>Asks whether to record it again, with a button for each answer; nothing is recorded until one is tapped.</summary>
    public static IReadOnlyList<Reply> Ask(CommandContext ctx, Project project, LedgerEntry earlier, decimal amount, DateOnly date, string note)
    {
        var say = ctx.Say;
        var confirm = new SpendToConfirm(ctx.NewId(), project.OfficeId, ctx.Person!.Id, ctx.Message.At + ctx.Settings.ButtonLifetime, ByAdmin: false)
        {
            ProjectId = project.Id, Amount = amount, Date = date, Note = note, SourceKey = ctx.Message.SourceKey, RequestedBy = ctx.Person.Id, Repeat = true,
        };
        ctx.Chat.SavePending(confirm);
        var at = TimeZoneInfo.ConvertTime(earlier.RecordedAt, ctx.Settings.TimeZone).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var quoted = note.Length > 0 ? $" \"{note}\"" : "";
        return [new Reply(say[
            $"บันทึกซ้ำหรือไม่? ท่านบันทึก {Say.Baht(amount)} บาท {ProjectText.Title(say, project)} ลงวันที่ {ThaiDate.Short(date)}{quoted} ไปแล้วเมื่อ {at} น. (รายการ #{earlier.Id})",
            $"Record it again? You recorded {Say.Baht(amount)} baht on {ProjectText.Title(say, project)} dated {say.Date(date)}{quoted} at {at} (entry #{earlier.Id})."])
        {
            Buttons = [[new Button(say["บันทึกซ้ำ", "Record again"], confirm.Payload), new Button(say["ไม่บันทึก", "Don't"], confirm.RejectPayload)]],
        }];
    }
}
