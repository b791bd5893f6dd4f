using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Conversation.Parsing;

namespace BudgetBot.Domain.Conversation.Commands;

/// <summary>
/// <c>/carryover &lt;project&gt; &lt;amount&gt; &lt;reference&gt;</c>, <c>กันเงินเหลื่อมปี</c>: at year end an admin moves an
/// open commitment to the project's carry-over line; it is paid after 30 Sep against the old year
/// (<c>จ่าย 7/2566 … อ้างอิง …</c>), and the next year's figures are not touched.
/// </summary>
internal sealed class CarryOverCommand : ICommand
{
    private const string Example = "กันเงินเหลื่อมปี 8 30,000 12/2566";

    public Intent Intent => Intent.CarryOver;

    public IReadOnlyList<Reply> Run(CommandContext ctx)
    {
        var say = ctx.Say;
        if (!Access.IsAdmin(ctx.Person, ctx.OfficeId))
        {
            return ctx.Refuse("carryover", "not allowed", "เฉพาะผู้ดูแลระบบ (กลุ่มนโยบายและแผน) กันเงินเหลื่อมปีได้", "Only an admin (policy and planning) can carry money over.");
        }

        var (args, _, _) = SpendArgsParser.Parse(ctx.Args, ctx.Today);
        var reference = args?.Note.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [.., var last] ? last : null;
        if (args is null || reference is null || args.Amount <= 0)
        {
            return [ctx.Text($"ระบุโครงการ จำนวนเงิน และเลขที่สัญญาที่ผูกพันไว้ เช่น {Example}", "Name the project, the amount and the commitment's reference, e.g. /carryover 8 30000 12/2566")];
        }

        var (project, stop) = ProjectPicker.Pick(ctx, args.Project, p => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/carryover {p.Number}/{p.FiscalYear} {args.Amount} {reference}"));
        if (project is null)
        {
            return stop!;
        }

        var draft = new BudgetEvent(project.OfficeId, project.FiscalYear, BudgetEventKind.CarryOver, args.Amount, ctx.Today, ctx.Person!.Id, ctx.Message.SourceKey, ctx.Message.At)
        {
            To = project.Id,
            Reference = reference,
        };
        var outcome = BudgetRules.CarryOver(ctx.Budget, draft);
        ctx.CommitmentsChanged();
        switch (outcome.Status)
        {
            case BudgetStatus.UnknownReference:
                return [ctx.Text($"ไม่พบการผูกพันเลขที่ {reference} ที่ยังค้างจ่ายของ{ProjectText.Title(say, project)} ผูกพันก่อนด้วย ผูกพัน", $"{ProjectText.Title(say, project)} has no open commitment {reference}; record it first with /commit.")];
            case BudgetStatus.NotEnough:
                return [ctx.Text($"การผูกพันเลขที่ {reference} ค้างจ่าย {Say.Baht(outcome.Left)} บาท กันเหลื่อมปีได้ไม่เกินนี้", $"{reference} has {Say.Baht(outcome.Left)} baht unpaid; no more than that can be carried over.")];
            case BudgetStatus.Applied:
                ctx.Audit("carryover", $"project {project.Number}/{project.FiscalYear}: {args.Amount} {reference}", refused: false);
                break;
        }

        return [new Reply(string.Join('\n',
            say[$"กันเงินเหลื่อมปีแล้ว {ProjectText.Title(say, project)}/{project.FiscalYear} เลขที่ {reference} {Say.Baht(args.Amount)} บาท", $"Carried over: {ProjectText.Title(say, project)}/{project.FiscalYear}, {reference}, {Say.Baht(args.Amount)} baht"],
            say[$"เบิกจ่ายหลัง 30 ก.ย. ด้วย จ่าย {project.Number}/{project.FiscalYear} จำนวนเงิน อ้างอิง {reference}", $"Pay it after 30 Sep with /spend {project.Number}/{project.FiscalYear} <amount> ref {reference}"],
            ProjectText.Used(say, ctx.FiguresOf(project))))];
    }
}
