using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Calendar;

namespace BudgetBot.Domain.Conversation.Commands;

/// <summary><c>/lagging [q1..q4]</c>, <c>ล่าช้า</c>: projects whose actual to the quarter's end is below their plan, biggest gap first.</summary>
internal sealed class LaggingCommand : ICommand
{
    public Intent Intent => Intent.Lagging;

    public IReadOnlyList<Reply> Run(CommandContext ctx)
    {
        var say = ctx.Say;
        var (args, page) = Paging.Split(ctx.Args);
        var arg = ThaiDigits.ToAscii(args).Trim().ToLowerInvariant().Replace("ไตรมาส", "q", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        var quarter = ProjectText.CurrentQuarter(ctx.AsOf, ctx.FiscalYear);
        if (arg.Length > 0)
        {
            if (arg is not ("q1" or "q2" or "q3" or "q4"))
            {
                return [ctx.Text("พิมพ์เช่น ล่าช้า q2 (ไตรมาส 1–4)", "Type e.g. /lagging q2 (quarters 1-4).")];
            }

            quarter = arg[1] - '0';
        }

        var behind = BehindPlan.Of(ctx.Projects().Where(p => Access.CanRead(ctx.Person, p)).Select(p => (p, ctx.FiguresOf(p))), quarter);
        if (behind.Count == 0)
        {
            return [new Reply(say[$"ไม่มีโครงการที่ต่ำกว่าแผนถึงไตรมาส {quarter}", $"No project is behind its plan to Q{quarter}."])];
        }

        var (shown, buttons) = Paging.Page(ctx, behind, page, $"/lagging q{quarter}");
        var lines = shown.Select(x => say[
            $"{x.Project.Number}. {x.Project.Name} — ต่ำกว่าแผน {Say.Baht(x.Gap)} (แผน {Say.Baht(x.Figures.PlanToDate(quarter))} ผล {Say.Baht(x.Figures.ActualToDate(quarter))})",
            $"{x.Project.Number}. {x.Project.Name} — {Say.Baht(x.Gap)} behind (plan {Say.Baht(x.Figures.PlanToDate(quarter))}, actual {Say.Baht(x.Figures.ActualToDate(quarter))})"]);
        var head = say[$"ต่ำกว่าแผนถึงไตรมาส {quarter}/{ctx.FiscalYear}: {behind.Count} โครงการ", $"Behind plan to Q{quarter}/{ctx.FiscalYear}: {Say.Count(behind.Count, "project")}"]
            + (ctx.AsOfLine is { } asOf ? $" ({asOf})" : "");
        return [new Reply(head + "\n" + string.Join('\n', lines)) { Buttons = buttons }];
    }
}
