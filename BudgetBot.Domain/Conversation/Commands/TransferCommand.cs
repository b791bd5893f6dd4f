using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Conversation.Parsing;

namespace BudgetBot.Domain.Conversation.Commands;

/// <summary>
/// <c>/transfer &lt;amount&gt; &lt;from&gt; &lt;to&gt;</c>, <c>โอน 5,000 จาก 9 ไป 7</c>: an admin moves allocation to a project
/// from another project of the year, the reserve or unallocated money, dated today. A project gives at most what it has
/// not used; the year's total does not change.
/// </summary>
internal sealed class TransferCommand : ICommand
{
    private const string Example = "โอน 5,000 จาก 9 ไป 7";

    public Intent Intent => Intent.Transfer;

    public IReadOnlyList<Reply> Run(CommandContext ctx)
    {
        var say = ctx.Say;
        if (!Access.Has(ctx.Person, ctx.OfficeId, Role.Admin, Role.DivisionHead, Role.Owner))
        {
            return ctx.Refuse("transfer", "not allowed", "ผู้ดูแลระบบโอนเงินได้ ผู้รับผิดชอบโครงการและหัวหน้ากลุ่มส่งคำขอโอนได้", "Admins move money; project owners and division heads can ask for a transfer.");
        }

        var parsed = TransferArgs.Parse(ctx.Args);
        if (Problem(ctx, parsed) is { } problem)
        {
            return [problem];
        }

        var draft = new BudgetEvent(ctx.OfficeId!, ctx.FiscalYear, BudgetEventKind.Transfer, parsed.Amount, ctx.Today, ctx.Person!.Id, ctx.Message.SourceKey, ctx.Message.At)
        {
            From = Id(ctx, parsed.From!),
            To = Id(ctx, parsed.To!),
        };
        var from = Name(say, parsed.From!);
        var to = Name(say, parsed.To!);
        if (!Access.IsAdmin(ctx.Person, ctx.OfficeId))
        {
            // An owner or a division head asks: for a project of theirs, and an admin decides.
            var mine = new[] { draft.From!, draft.To! }.Select(ctx.Budget.Project).OfType<Project>().Any(p => Access.CanRecord(ctx.Person, p));
            var check = BudgetRules.CheckTransfer(ctx.Budget, draft);
            if (check.Status is BudgetStatus.UnknownProject or BudgetStatus.UnknownYear or BudgetStatus.SameProject)
            {
                return Refusal(ctx, check.Status, from, parsed.Amount, check.Left)!;
            }

            return mine
                ? TransferRequests.Ask(ctx, draft, from, to)
                : ctx.Refuse("transfer", $"{draft.From} to {draft.To}: not allowed", "ขอโอนได้เฉพาะโครงการที่ท่านรับผิดชอบ", "You can ask for transfers only for your own projects.");
        }

        var outcome = BudgetRules.Transfer(ctx.Budget, draft);
        if (Refusal(ctx, outcome.Status, from, parsed.Amount, outcome.Left) is { } refused)
        {
            return refused;
        }

        if (outcome.Status == BudgetStatus.Applied)
        {
            ctx.Audit("transfer", $"{parsed.Amount} from {draft.From} to {draft.To}", refused: false);
        }

        var target = ctx.Budget.Project(draft.To!)!;
        var lines = new List<string>
        {
            say[$"โอน {Say.Baht(parsed.Amount)} บาท จาก{from} ไป{to} แล้ว", $"Moved {Say.Baht(parsed.Amount)} baht from the {from} to the {to}."],
        };
        if (parsed.From!.Project is not null)
        {
            var source = ctx.Budget.Project(draft.From!)!;
            lines.Add(say[$"{from}: งบหลังโอน {Say.Baht(source.Allocation)} บาท", $"{from}: allocation now {Say.Baht(source.Allocation)} baht"]);
        }
        else
        {
            lines.Add(say[$"{from}คงเหลือ {Say.Baht(outcome.Left)} บาท", $"{from} left: {Say.Baht(outcome.Left)} baht"]);
        }

        lines.Add(say[$"{to}: งบหลังโอน {Say.Baht(target.Allocation)} บาท", $"{to}: allocation now {Say.Baht(target.Allocation)} baht"]);
        return [new Reply(string.Join('\n', lines))];
    }

    private static IReadOnlyList<Reply>? Refusal(CommandContext ctx, BudgetStatus status, string from, decimal amount, decimal left) => status switch
    {
        BudgetStatus.UnknownProject or BudgetStatus.UnknownYear =>
            [ctx.Text($"ไม่พบโครงการนี้ในปีงบประมาณ {ctx.FiscalYear} ดูเลขโครงการได้ด้วย /projects", $"No such project in fiscal year {ctx.FiscalYear}; /projects lists them.")],
        BudgetStatus.SameProject => [ctx.Text("ต้นทางและปลายทางเป็นโครงการเดียวกัน ไม่ได้โอน", "The source and the target are the same project; nothing was moved.")],
        BudgetStatus.NotEnough => [ctx.Text(
            $"{from}เหลือให้โอนได้ {Say.Baht(left)} บาท ไม่พอโอน {Say.Baht(amount)} บาท ไม่ได้โอน",
            $"The {from} has {Say.Baht(left)} baht it can give, not {Say.Baht(amount)}; nothing was moved.")],
        _ => null,
    };

    private static Reply? Problem(CommandContext ctx, TransferParse parsed) => parsed.Problem switch
    {
        TransferProblem.Amount => ctx.Text($"จำนวนเงินไม่ถูกต้อง ({AmountWhy.Thai(parsed.AmountError)}) ไม่ได้โอน พิมพ์เช่น {Example}", $"That amount is not valid ({AmountWhy.English(parsed.AmountError)}); nothing was moved. Type e.g. /transfer 5000 9 7"),
        TransferProblem.ToPool => ctx.Text("โอนได้เฉพาะเข้าโครงการ ไม่ได้โอน", "Money can only be moved into a project; nothing was moved."),
        TransferProblem.End or TransferProblem.Shape => ctx.Text(
            $"พิมพ์จำนวนเงิน ต้นทาง และปลายทาง เช่น {Example} (ต้นทาง: เลขโครงการ สำรอง หรือ ยังไม่จัดสรร)",
            "Type the amount, where it comes from and where it goes, e.g. /transfer 5000 9 7 (from: a project number, reserve or unallocated)"),
        _ when parsed.Amount <= 0 => ctx.Text($"จำนวนเงินต้องมากกว่า 0 ไม่ได้โอน พิมพ์เช่น {Example}", "The amount must be more than 0; nothing was moved."),
        _ => null,
    };

    private static string Id(CommandContext ctx, TransferEnd end) => end.Pool ?? Project.KeyFor(ctx.OfficeId!, ctx.FiscalYear, end.Project!.Value);

    private static string Name(Say say, TransferEnd end) => end.Pool switch
    {
        MoneyPool.Reserve => say["เงินสำรอง", "reserve"],
        MoneyPool.Unallocated => say["งบโครงการที่ยังไม่จัดสรร", "unallocated money"],
        _ => say[$"โครงการ {end.Project}", $"project {end.Project}"],
    };
}
