using System.Text.RegularExpressions;
using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Calendar;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Domain.Conversation.Commands;

/// <summary>
/// <c>/receipt &lt;entry&gt;</c>, <c>ใบเสร็จ</c>: a photo of a receipt kept with a ledger entry. A photo sent within
/// <see cref="EngineSettings.ReceiptWindow"/> of the sender's own spend goes with that spend; a photo captioned with an
/// entry number, or sent after <c>/receipt 123</c>, goes with that entry. In a group only an addressed photo is taken:
/// people share pictures there for other reasons.
/// </summary>
internal sealed partial class ReceiptCommand : ICommand
{
    public Intent Intent => Intent.Receipt;

    /// <summary>Typed: names the entry the next photo goes with.</summary>
    public IReadOnlyList<Reply> Run(CommandContext ctx)
    {
        var say = ctx.Say;
        if (EntryNumber(ctx.Args) is not { } id)
        {
            return [ctx.Text(
                "พิมพ์ ใบเสร็จ ตามด้วยเลขรายการ เช่น ใบเสร็จ 123 แล้วส่งรูปใบเสร็จ (เลขรายการดูได้จาก /history) หรือส่งรูปภายใน 30 นาทีหลังบันทึกการใช้จ่าย",
                "Type /receipt and the entry number, e.g. /receipt 123, then send the photo (entry numbers are in /history), or send the photo within 30 minutes of recording a spend.")];
        }

        var (entry, project, refusal) = Target(ctx, id);
        if (refusal is not null)
        {
            return refusal;
        }

        var self = new ChatAddress(ctx.Message.Platform, ctx.Message.UserId);
        ctx.Chat.SaveChatState((ctx.Chat.ChatState(self) ?? new ChatState(self, false, ctx.Message.At)) with { ReceiptFor = id, ReceiptAskedAt = ctx.Message.At });
        return [new Reply(say[
            $"ส่งรูปใบเสร็จของรายการ #{id} ({ProjectText.Title(say, project!)} {Say.Baht(entry!.Amount)} บาท) มาได้เลย ภายใน {ctx.Settings.ReceiptWindow.TotalMinutes:0} นาที",
            $"Send the photo of the receipt for entry #{id} ({ProjectText.Title(say, project!)}, {Say.Baht(entry!.Amount)} baht) within {ctx.Settings.ReceiptWindow.TotalMinutes:0} minutes."])];
    }

    /// <summary>A photo: kept with the entry its caption names, the one asked for with <c>/receipt</c>, or the sender's spend just made.</summary>
    public static IReadOnlyList<Reply> Attach(CommandContext ctx, string fileRef)
    {
        var say = ctx.Say;
        var message = ctx.Message;
        // Each way of naming the entry is looked up only when the one before it named none.
        var captioned = EntryNumber(message.Text);
        var asked = captioned is null && ctx.Chat.ChatState(new ChatAddress(message.Platform, message.UserId)) is { ReceiptFor: { } named, ReceiptAskedAt: { } at } && Within(ctx, at) ? named : (long?)null;
        if (message.ChatKind == ChatKind.Group && captioned is null && asked is null && !message.MentionsBot)
        {
            return [];
        }

        if ((captioned ?? asked ?? JustRecorded(ctx)) is not { } id)
        {
            return ctx.Refuse("receipt", "no entry",
                $"ไม่ทราบว่ารูปนี้เป็นใบเสร็จของรายการใด ไม่ได้บันทึกอะไร พิมพ์ ใบเสร็จ ตามด้วยเลขรายการ (เช่น ใบเสร็จ 123) แล้วส่งรูปอีกครั้ง หรือส่งรูปภายใน {ctx.Settings.ReceiptWindow.TotalMinutes:0} นาทีหลังบันทึกการใช้จ่าย",
                $"I can't tell which entry this photo is a receipt for, so nothing was kept. Type /receipt and the entry number (e.g. /receipt 123), then send the photo again, or send it within {ctx.Settings.ReceiptWindow.TotalMinutes:0} minutes of recording a spend.");
        }

        var (entry, project, refusal) = Target(ctx, id);
        if (refusal is not null)
        {
            return refusal;
        }

        var number = ctx.Chat.Receipts(project!.OfficeId, project.FiscalYear).Count(r => r.EntryId == id) + 1;
        ctx.Chat.AddReceipt(new Receipt(message.SourceKey, project.OfficeId, project.FiscalYear, id, message.Platform, fileRef, ctx.Person!.Id, message.At));
        ctx.Audit("receipt", $"entry #{id}: receipt {number}", refused: false);
        return [new Reply(say[
            $"✅ เก็บรูปใบเสร็จกับรายการ #{id} แล้ว (ใบที่ {number}): {ProjectText.Title(say, project)} {Say.Baht(entry!.Amount)} บาท ลงวันที่ {ThaiDate.Short(entry.Date)} ดูได้จาก /history {project.Number}",
            $"✅ Receipt kept with entry #{id} (number {number}): {ProjectText.Title(say, project)}, {Say.Baht(entry!.Amount)} baht dated {say.Date(entry.Date)}. See it in /history {project.Number}."])];
    }

    /// <summary>The entry and its project when the person may attach to it; a refusal otherwise.</summary>
    private static (LedgerEntry? Entry, Project? Project, IReadOnlyList<Reply>? Refusal) Target(CommandContext ctx, long id)
    {
        if (ctx.Budget.Entry(id) is not { } entry || ctx.Budget.Project(entry.ProjectId) is not { } project || !Access.CanReadOffice(ctx.Person, project.OfficeId))
        {
            return (null, null, ctx.Refuse("receipt", $"entry #{id}: not found",
                $"ไม่พบรายการ #{id} ไม่ได้บันทึกอะไร ดูเลขรายการได้จาก /history เลขโครงการ", $"There is no entry #{id}; nothing was kept. Entry numbers are in /history <project>."));
        }

        if (!Access.CanRecord(ctx.Person, project))
        {
            return (null, null, ctx.RefuseChange("receipt", project,
                $"แนบใบเสร็จกับรายการ #{id} ไม่ได้: ไม่ใช่โครงการของท่าน", $"You cannot attach a receipt to entry #{id}: it is not your project."));
        }

        return (entry, project, null);
    }

    /// <summary>The sender's own entry, when it was recorded within the window before the photo.</summary>
    private static long? JustRecorded(CommandContext ctx) =>
        ctx.Budget.LastEntryBy(ctx.Person!.Id) is { } mine && Within(ctx, mine.RecordedAt) ? mine.Id : null;

    private static bool Within(CommandContext ctx, DateTimeOffset at) => ctx.Message.At >= at && ctx.Message.At - at <= ctx.Settings.ReceiptWindow;

    /// <summary>An entry number alone, or after the command (<c>/receipt 123</c>, <c>ใบเสร็จ #๑๒๓</c>); null for anything else.</summary>
    private static long? EntryNumber(string text) =>
        EntryPattern().Match(ThaiDigits.ToAscii(text).Trim()) is { Success: true } m && long.TryParse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    [GeneratedRegex(@"^(?:/receipt|ใบเสร็จ)?\s*(?:รายการ(?:ที่)?\s*)?#?\s*([0-9]{1,12})$", RegexOptions.IgnoreCase)]
    private static partial Regex EntryPattern();
}
