using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Calendar;
using BudgetBot.Domain.Conversation.Parsing;

namespace BudgetBot.Domain.Conversation.Commands;

/// <summary>
/// <c>/commit &lt;project&gt; &lt;amount&gt; [date] &lt;reference&gt;</c>, <c>ผูกพัน</c>/<c>ก่อหนี้</c>: a signed contract or
/// purchase order commits money not yet paid; payments name it with <c>ref &lt;reference&gt;</c>, and
/// <c>/commit cancel &lt;project&gt; &lt;reference&gt;</c> releases what was not paid. Whoever records the project's
/// spending may record its commitments.
/// </summary>
internal sealed class CommitCommand : ICommand
{
    private const string Example = "ผูกพัน 7 50,000 สัญญาเลขที่ 12/2566";

    public Intent Intent => Intent.Commit;

    public IReadOnlyList<Reply> Run(CommandContext ctx)
    {
        var tokens = ctx.Args.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        return tokens.Length > 0 && tokens[0] is "cancel" or "ยกเลิก" ? Cancel(ctx, tokens.Length > 1 ? tokens[1] : "") : Record(ctx);
    }

    private static IReadOnlyList<Reply> Record(CommandContext ctx)
    {
        var say = ctx.Say;
        var (args, error, reason) = SpendArgsParser.Parse(ctx.Args, ctx.Today);
        var reference = args is null ? null : Reference(args.Note);
        if (args is null || reference is null)
        {
            return [new Reply(error switch
            {
                SpendArgsError.BadAmount => say[$"จำนวนเงินไม่ถูกต้อง ({AmountWhy.Thai(reason)}) ไม่ได้บันทึกอะไร พิมพ์เช่น {Example}", $"That amount is not valid ({AmountWhy.English(reason)}); nothing was recorded. Type e.g. /commit 7 50000 12/2566"],
                SpendArgsError.BadDate => say[$"\"{reason}\" ไม่ใช่วันที่ที่มีจริง ไม่ได้บันทึกอะไร", $"\"{reason}\" is not a real date; nothing was recorded."],
                _ => say[$"ระบุโครงการ จำนวนเงิน และเลขที่สัญญาหรือใบสั่งซื้อ เช่น {Example}", "Name the project, the amount and the contract or order number, e.g. /commit 7 50000 12/2566"],
            })];
        }

        var (project, stop) = ProjectPicker.Pick(ctx, args.Project, p => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/commit {p.Number} {args.Amount} {args.Date:yyyy-MM-dd} {reference}"));
        if (project is null)
        {
            return stop!;
        }

        if (!Access.CanRecord(ctx.Person, project))
        {
            return ctx.RefuseChange("commit", project, $"บันทึกการก่อหนี้ผูกพันโครงการ {project.Number} ไม่ได้ เพราะไม่ใช่โครงการที่ท่านรับผิดชอบ", $"You cannot record a commitment on project {project.Number}: it is not one of your projects.");
        }

        if (args.Amount <= 0 || !FiscalCalendar.Contains(project.FiscalYear, args.Date))
        {
            return [ctx.Text($"จำนวนเงินต้องมากกว่า 0 และวันที่ต้องอยู่ในปีงบประมาณ {project.FiscalYear} ไม่ได้บันทึกอะไร", $"The amount must be more than 0 and the date inside fiscal year {project.FiscalYear}; nothing was recorded.")];
        }

        var draft = new BudgetEvent(project.OfficeId, project.FiscalYear, BudgetEventKind.Commitment, args.Amount, args.Date, ctx.Person!.Id, ctx.Message.SourceKey, ctx.Message.At)
        {
            To = project.Id,
            Reference = reference,
        };
        var outcome = BudgetRules.Commit(ctx.Budget, draft);
        ctx.CommitmentsChanged();
        switch (outcome.Status)
        {
            case BudgetStatus.ReferenceInUse:
                return [ctx.Text($"เลขที่ {reference} ของ{ProjectText.Title(say, project)} ผูกพันไว้แล้วและยังค้างจ่าย ไม่ได้บันทึกซ้ำ", $"{reference} is already an open commitment of {ProjectText.Title(say, project)}; nothing was recorded again.")];
            case BudgetStatus.NotEnough:
                return [ctx.Text(
                    $"{ProjectText.Title(say, project)} คงเหลือใช้ได้ {Say.Baht(outcome.Left)} บาท ไม่พอผูกพัน {Say.Baht(args.Amount)} บาท ไม่ได้บันทึก",
                    $"{ProjectText.Title(say, project)} has {Say.Baht(outcome.Left)} baht available, not {Say.Baht(args.Amount)}; nothing was recorded.")];
            case BudgetStatus.Applied:
                ctx.Audit("commit", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"project {project.Number}: {args.Amount} {reference} on {args.Date:yyyy-MM-dd}"), refused: false);
                break;
        }

        return [new Reply(string.Join('\n',
            say[$"บันทึกก่อหนี้ผูกพันแล้ว {ProjectText.Title(say, project)}", $"Commitment recorded: {ProjectText.Title(say, project)}"],
            say[$"เลขที่ {reference} {Say.Baht(args.Amount)} บาท ลงวันที่ {ThaiDate.Short(args.Date)} · เบิกจ่ายด้วย จ่าย {project.Number} … อ้างอิง {reference}", $"{reference}: {Say.Baht(args.Amount)} baht dated {say.Date(args.Date)} · pay it with /spend {project.Number} … ref {reference}"],
            ProjectText.Used(say, ctx.FiguresOf(project))))];
    }

    private static IReadOnlyList<Reply> Cancel(CommandContext ctx, string rest)
    {
        var say = ctx.Say;
        var parts = rest.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || Reference(parts[1]) is not { } reference)
        {
            return [ctx.Text("พิมพ์โครงการและเลขที่ เช่น ผูกพัน ยกเลิก 7 12/2566", "Type the project and the reference, e.g. /commit cancel 7 12/2566")];
        }

        var (project, stop) = ProjectPicker.Pick(ctx, parts[0], p => $"/commit cancel {p.Number} {reference}");
        if (project is null)
        {
            return stop!;
        }

        if (!Access.CanRecord(ctx.Person, project))
        {
            return ctx.RefuseChange("commit", project, $"ยกเลิกการผูกพันโครงการ {project.Number} ไม่ได้ เพราะไม่ใช่โครงการที่ท่านรับผิดชอบ", $"You cannot cancel a commitment of project {project.Number}: it is not one of your projects.");
        }

        var draft = new BudgetEvent(project.OfficeId, project.FiscalYear, BudgetEventKind.CommitmentCancelled, 0, ctx.Today, ctx.Person!.Id, ctx.Message.SourceKey, ctx.Message.At)
        {
            To = project.Id,
            Reference = reference,
        };
        var outcome = BudgetRules.CancelCommitment(ctx.Budget, draft);
        ctx.CommitmentsChanged();
        if (outcome.Status == BudgetStatus.UnknownReference)
        {
            return [ctx.Text($"ไม่พบเลขที่ {reference} ที่ยังค้างจ่ายของ{ProjectText.Title(say, project)}", $"{ProjectText.Title(say, project)} has no open commitment {reference}.")];
        }

        if (outcome.Status == BudgetStatus.Applied)
        {
            ctx.Audit("commit", $"project {project.Number}: {reference} cancelled, {outcome.Event!.Amount} released", refused: false);
        }

        return [new Reply(string.Join('\n',
            say[$"ยกเลิกการผูกพันเลขที่ {reference} แล้ว คืน {Say.Baht(outcome.Event!.Amount)} บาท ให้{ProjectText.Title(say, project)}", $"Cancelled {reference}: {Say.Baht(outcome.Event!.Amount)} baht released to {ProjectText.Title(say, project)}"],
            ProjectText.Used(say, ctx.FiguresOf(project))))];
    }

    /// <summary>The reference as written, without the words that often come before it.</summary>
    private static string? Reference(string text)
    {
        var t = text.Trim();
        foreach (var word in new[] { "สัญญาเลขที่", "ใบสั่งซื้อเลขที่", "เลขที่", "สัญญา", "ใบสั่งซื้อ", "ref", "อ้างอิง", "PO", "po", "contract" })
        {
            if (t.StartsWith(word + " ", StringComparison.Ordinal))
            {
                t = t[word.Length..].Trim();
            }
        }

        return t.Length == 0 || t.Contains(' ', StringComparison.Ordinal) ? null : t;
    }
}
