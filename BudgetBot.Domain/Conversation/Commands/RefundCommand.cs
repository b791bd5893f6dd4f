using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Calendar;
using BudgetBot.Domain.Conversation.Parsing;

namespace BudgetBot.Domain.Conversation.Commands;

/// <summary>
/// <c>/refund &lt;project&gt; &lt;amount&gt; [date] [note]</c>, <c>คืนเงิน</c>: money that came back to a project (an advance
/// partly returned) lowers what it paid, as an entry of its own; whoever may record spending on the project may record it.
/// </summary>
internal sealed class RefundCommand : ICommand
{
    public Intent Intent => Intent.Refund;

    public IReadOnlyList<Reply> Run(CommandContext ctx)
    {
        var say = ctx.Say;
        var (args, error, reason) = SpendArgsParser.Parse(ctx.Args, ctx.Today);
        if (args is null)
        {
            return [new Reply(error switch
            {
                SpendArgsError.BadAmount => say[$"จำนวนเงินไม่ถูกต้อง ({AmountWhy.Thai(reason)}) ไม่ได้บันทึกอะไร พิมพ์เช่น คืนเงิน 7 500 เงินยืมเหลือ", $"That amount is not valid ({AmountWhy.English(reason)}); nothing was recorded. Type e.g. /refund 7 500 advance returned"],
                SpendArgsError.BadDate => say[$"\"{reason}\" ไม่ใช่วันที่ที่มีจริง ไม่ได้บันทึกอะไร พิมพ์เช่น คืนเงิน 7 500 28 ก.พ. 66", $"\"{reason}\" is not a real date; nothing was recorded. Type e.g. /refund 7 500 2023-02-28"],
                _ => say["ระบุโครงการและจำนวนเงินที่ได้คืน เช่น คืนเงิน 7 500 เงินยืมเหลือ", "Name the project and the amount returned, e.g. /refund 7 500 advance returned"],
            })];
        }

        var (project, stop) = ProjectPicker.Pick(ctx, args.Project, p => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/refund {p.Number} {args.Amount} {args.Date:yyyy-MM-dd} {args.Note}").Trim());
        if (project is null)
        {
            return stop!;
        }

        if (!Access.CanRecord(ctx.Person, project))
        {
            return ctx.RefuseChange("refund", project, $"บันทึกคืนเงินโครงการ {project.Number} ไม่ได้ เพราะไม่ใช่โครงการที่ท่านรับผิดชอบ", $"You cannot record a refund on project {project.Number}: it is not one of your projects.");
        }

        if (ctx.ClosedPeriodGuard("refund", project, args.Date, out var late) is { } closed)
        {
            return closed;
        }

        var note = args.Note.Length > 0 ? args.Note : say["คืนเงิน", "refund"];
        var (category, document) = EntryTags.Read(note);
        var result = new Ledger(ctx.Budget).Refund(project.Id, args.Amount, args.Date, note, ctx.Person!.Id, ctx.Message.SourceKey, ctx.Message.At, new EntryFacts(category, document));
        if (!result.IsOk)
        {
            return [new Reply(say["ไม่ได้บันทึก: ", "Not recorded: "] + RefusalText.Why(say, result.Refusal!.Value)
                + say[$" (เบิกจ่ายแล้ว {Say.Baht(ctx.Budget.Balance(project.Id).Actual.Total)} บาท)", $" (paid so far: {Say.Baht(ctx.Budget.Balance(project.Id).Actual.Total)} baht)"])];
        }

        if (!result.Duplicate)
        {
            ctx.Audit("refund", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"project {project.Number}: {args.Amount} on {args.Date:yyyy-MM-dd} entry {result.Entry!.Id}"), refused: false);
        }

        var figures = Figures.Of(project, result.Balance!);
        return [new Reply(string.Join('\n',
            (result.Duplicate ? say["บันทึกไว้แล้ว ", "Already recorded: "] : say["บันทึกคืนเงินแล้ว ", "Refund recorded: "]) + ProjectText.Title(say, project),
            say[$"คืน {Say.Baht(args.Amount)} บาท ลงวันที่ {ThaiDate.Short(args.Date)} (รายการ #{result.Entry!.Id})", $"{Say.Baht(args.Amount)} baht returned, dated {say.Date(args.Date)} (entry #{result.Entry!.Id})"],
            ProjectText.Used(say, figures)) + (late ? "\n" + ctx.LateLine : ""))];
    }
}
