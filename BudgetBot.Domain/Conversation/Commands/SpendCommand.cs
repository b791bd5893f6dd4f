using BudgetBot.Domain.Calendar;
using BudgetBot.Domain.Conversation.Parsing;

namespace BudgetBot.Domain.Conversation.Commands;

/// <summary><c>/spend &lt;project&gt; &lt;amount&gt; [date] [note]</c>, <c>จ่าย</c>/<c>เบิก</c>/<c>ใช้</c>, or a plain sentence confirmed with one tap.</summary>
internal sealed class SpendCommand : ICommand
{
    public Intent Intent => Intent.Spend;

    public IReadOnlyList<Reply> Run(CommandContext ctx)
    {
        var say = ctx.Say;
        SpendArgs? args;
        if (SpendSentence.AmountProblem(ctx.Args) is { } problem and not AmountError.None)
        {
            // A sentence whose amount cannot be recorded (too large, say) is answered with the reason, whichever word began it.
            var why = problem.ToString();
            return [ctx.Text($"จำนวนเงินไม่ถูกต้อง ({AmountWhy.Thai(why)}) ไม่ได้บันทึกอะไร พิมพ์เช่น จ่าย 7 2,400.50", $"That amount is not valid ({AmountWhy.English(why)}); nothing was recorded. Type e.g. /spend 7 2400.50")];
        }

        if (ctx.Inferred)
        {
            args = SpendSentence.Read(ctx.Args, ctx.Today);
        }
        else
        {
            var (parsed, error, reason) = SpendArgsParser.Parse(ctx.Args, ctx.Today);
            args = parsed;
            if (args is null)
            {
                return [new Reply(error switch
                {
                    SpendArgsError.BadAmount => say[$"จำนวนเงินไม่ถูกต้อง ({AmountWhy.Thai(reason)}) พิมพ์เช่น จ่าย 7 2,400.50", $"That amount is not valid ({AmountWhy.English(reason)}). Type e.g. /spend 7 2400.50"],
                    SpendArgsError.BadDate => say[$"\"{reason}\" ไม่ใช่วันที่ที่มีจริง ไม่ได้บันทึกอะไร พิมพ์วันที่ใหม่ เช่น 28 ก.พ. 66 หรือ 28/2/2566", $"\"{reason}\" is not a real date; nothing was recorded. Type a valid one, e.g. 28/2/2566 or 2023-02-28"],
                    SpendArgsError.MissingAmount => say["ใส่จำนวนเงินด้วย เช่น จ่าย 7 2,400 ค่าอาหารว่าง", "Add the amount, e.g. /spend 7 2400 snacks"],
                    _ => say["ระบุโครงการและจำนวนเงิน เช่น จ่าย 7 2,400 15 ก.พ. 66 ค่าอาหารว่าง", "Name the project and amount, e.g. /spend 7 2400 15/2/2566 snacks"],
                })];
            }
        }

        if (args is null)
        {
            return [ctx.Inferred && SpendSentence.MissingProject(ctx.Args)
                ? ctx.Text("ยังไม่ได้บันทึก: ไม่พบเลขโครงการ ระบุเช่น จ่ายค่าอาหารว่าง 2,400 บาท โครงการ 17", "Not recorded: no project number. Name it, e.g. snacks 2,400 baht project 17")
                : ctx.Text("ไม่เข้าใจรายการจ่าย พิมพ์เช่น จ่าย 7 2,400 ค่าอาหารว่าง", "I could not read the spending. Type e.g. /spend 7 2400 snacks")];
        }

        if (args.Amount <= 0)
        {
            return [ctx.Text("จำนวนเงินต้องมากกว่าศูนย์", "The amount must be more than zero.")];
        }

        var (project, stop) = ProjectPicker.Pick(ctx, args.Project, p => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/spend {p.Number} {args.Amount} {args.Date:yyyy-MM-dd} {args.Note}").Trim());
        if (project is null)
        {
            return stop!;
        }

        if (RepeatedSpends.Earlier(ctx, project, args.Amount, args.Date, args.Note) is { } earlier)
        {
            return RepeatedSpends.Ask(ctx, project, earlier, args.Amount, args.Date, args.Note);
        }

        if (!ctx.Inferred)
        {
            return SpendFlow.Record(ctx, project, args.Amount, args.Date, args.Note, ctx.Message.SourceKey, adminConfirmed: false);
        }

        if (!Calendar.FiscalCalendar.Contains(project.FiscalYear, args.Date) || !Access.CanRecord(ctx.Person, project))
        {
            // The same refusal the spend would give, before asking for a confirmation that could not succeed.
            return SpendFlow.Record(ctx, project, args.Amount, args.Date, args.Note, ctx.Message.SourceKey, adminConfirmed: false);
        }

        // Read from a sentence: nothing counts until the person confirms with one tap.
        var confirm = new SpendToConfirm(ctx.NewId(), project.OfficeId, ctx.Person!.Id, ctx.Message.At + ctx.Settings.ButtonLifetime, ByAdmin: false)
        {
            ProjectId = project.Id, Amount = args.Amount, Date = args.Date, Note = args.Note, SourceKey = ctx.Message.SourceKey, RequestedBy = ctx.Person.Id,
        };
        ctx.Chat.SavePending(confirm);
        return [new Reply(say[
            $"บันทึก {Say.Baht(args.Amount)} บาท {ProjectText.Title(say, project)} วันที่ {say.Date(args.Date)} \"{args.Note}\" ใช่หรือไม่?",
            $"Record {Say.Baht(args.Amount)} baht on {ProjectText.Title(say, project)}, {say.Date(args.Date)}, \"{args.Note}\"?"])
        {
            Buttons = [[new Button(say["ยืนยัน", "Confirm"], confirm.Payload), new Button(say["ยกเลิก", "Cancel"], confirm.RejectPayload)]],
        }];
    }
}
