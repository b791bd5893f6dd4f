using System.Globalization;
using System.Text.RegularExpressions;
using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Calendar;

namespace BudgetBot.Domain.Conversation.Commands;

/// <summary>
/// <c>/reverse &lt;entry&gt; [reason]</c>, <c>กลับรายการ</c>: an admin cancels any entry of the office by the number
/// <c>/history</c> and the CSV show, with an opposite entry that keeps the reason; an entry is reversed once.
/// </summary>
internal sealed partial class ReverseCommand : ICommand
{
    public Intent Intent => Intent.Reverse;

    public IReadOnlyList<Reply> Run(CommandContext ctx)
    {
        var say = ctx.Say;
        if (!Access.IsAdmin(ctx.Person, ctx.OfficeId))
        {
            return ctx.Refuse("reverse", "not allowed", "เฉพาะผู้ดูแลระบบกลับรายการได้ รายการล่าสุดของท่านเองยกเลิกได้ด้วย ยกเลิก", "Only an admin can reverse an entry; your own latest entry you can cancel with /undo.");
        }

        var m = Pattern().Match(ThaiDigits.ToAscii(ctx.Args));
        if (!m.Success)
        {
            return [ctx.Text("พิมพ์เลขรายการ (จาก ประวัติ เลขโครงการ) และเหตุผลถ้ามี เช่น กลับรายการ 123 บันทึกซ้ำ", "Type the entry number (from /history <project>) and, if you like, the reason, e.g. /reverse 123 recorded twice")];
        }

        var id = long.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture);
        var entry = ctx.Budget.Entry(id);
        if (entry is null || entry.OfficeId != ctx.OfficeId)
        {
            return [ctx.Text($"ไม่พบรายการ #{id} ของหน่วยงานนี้ ดูเลขรายการได้ด้วย ประวัติ เลขโครงการ", $"There is no entry #{id} in this office; /history <project> shows the numbers.")];
        }

        // The reason is kept with the reversal when one is given (the brief's form has none).
        var reason = m.Groups["reason"].Value.Trim();
        var note = reason.Length > 0 ? say[$"กลับรายการ #{id}: {reason}", $"reverses #{id}: {reason}"] : say[$"กลับรายการ #{id}", $"reverses #{id}"];
        var result = new Ledger(ctx.Budget).Reverse(id, note, ctx.Person!.Id, ctx.Message.SourceKey, ctx.Message.At);
        if (!result.IsOk)
        {
            return [new Reply(say["กลับรายการไม่ได้: ", "Not reversed: "] + RefusalText.Why(say, result.Refusal!.Value))];
        }

        var project = ctx.Budget.Project(entry.ProjectId)!;
        if (!result.Duplicate)
        {
            ctx.Audit("reverse", $"entry {id} reversed by {result.Entry!.Id}: {reason}", refused: false);
        }

        return [new Reply(string.Join('\n',
            say[$"กลับรายการ #{id} แล้ว ({Say.Baht(entry.Amount)} บาท {say.Date(entry.Date)}) ", $"Reversed entry #{id} ({Say.Baht(entry.Amount)} baht, {say.Date(entry.Date)}) "] + ProjectText.Title(say, project),
            reason.Length > 0 ? say[$"เหตุผล: {reason} (รายการ #{result.Entry!.Id})", $"Reason: {reason} (entry #{result.Entry!.Id})"] : say[$"(รายการ #{result.Entry!.Id})", $"(entry #{result.Entry!.Id})"],
            ProjectText.Used(say, Figures.Of(project, result.Balance!))))];
    }

    [GeneratedRegex(@"^#?(?<id>[0-9]{1,18})(?:\s+(?<reason>\S.*))?$")]
    private static partial Regex Pattern();
}
