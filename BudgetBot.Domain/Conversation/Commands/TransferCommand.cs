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
        if (!Access.IsAdmin(ctx.Person, ctx.OfficeId))
        {
            return ctx.Refuse("transfer", "not allowed", "เฉพาะผู้ดูแลระบบ (กลุ่มนโยบายและแผน) โอนเงินระหว่างโครงการได้", "Only an admin (policy and planning) can move money between projects.");
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
        var outcome = BudgetRules.Transfer(ctx.Budget, draft);
        var from = Name(say, parsed.From!);
        var to = Name(say, parsed.To!);
        switch (outcome.Status)
        {
            case BudgetStatus.UnknownProject or BudgetStatus.UnknownYear:
                return [ctx.Text($"ไม่พบโครงการนี้ในปีงบประมาณ {ctx.FiscalYear} ดูเลขโครงการได้ด้วย /projects", $"No such project in fiscal year {ctx.FiscalYear}; /projects lists them.")];
            case BudgetStatus.SameProject:
                return [ctx.Text("ต้นทางและปลายทางเป็นโครงการเดียวกัน ไม่ได้โอน", "The source and the target are the same project; nothing was moved.")];
            case BudgetStatus.NotEnough:
                return [ctx.Text(
                    $"{from}เหลือให้โอนได้ {Say.Baht(outcome.Left)} บาท ไม่พอโอน {Say.Baht(parsed.Amount)} บาท ไม่ได้โอน",
                    $"The {from} has {Say.Baht(outcome.Left)} baht it can give, not {Say.Baht(parsed.Amount)}; nothing was moved.")];
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
