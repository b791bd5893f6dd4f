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
        // In the middle of a quarter, "behind" is measured to the end of the last whole quarter; what the running
        // quarter still needs is said apart. A quarter asked for by name is measured to its end.
        var current = ProjectText.CurrentQuarter(ctx.AsOf, ctx.FiscalYear);
        var ended = ctx.AsOf >= FiscalCalendar.QuarterEnd(ctx.FiscalYear, current);
        var quarter = ended ? current : current - 1;
        int? running = ended ? null : current;
        if (arg.Length > 0)
        {
            if (arg is not ("q1" or "q2" or "q3" or "q4"))
            {
                return [ctx.Text("พิมพ์เช่น ล่าช้า q2 (ไตรมาส 1–4)", "Type e.g. /lagging q2 (quarters 1-4).")];
            }

            quarter = arg[1] - '0';
            running = null;
        }

        var readable = ctx.Projects().Where(p => Access.CanRead(ctx.Person, p)).Select(p => (Project: p, Figures: ctx.FiguresOf(p))).ToList();
        var needs = running is { } q ? Needs(say, readable, q, ctx.FiscalYear) : null;
        var behind = quarter == 0 ? [] : BehindPlan.Of(readable, quarter);
        if (behind.Count == 0)
        {
            var none = quarter == 0
                ? say["ยังไม่จบไตรมาสใดของปีนี้", "No quarter of this year has ended yet."]
                : say[$"ไม่มีโครงการที่ต่ำกว่าแผนถึงไตรมาส {quarter}", $"No project is behind its plan to Q{quarter}."];
            return [new Reply(needs is null ? none : none + "\n" + needs)];
        }

        var (shown, buttons) = Paging.Page(ctx, behind, page, $"/lagging q{quarter}");
        var lines = shown.Select(x => say[
            $"{x.Project.Number}. {x.Project.Name} — ต่ำกว่าแผน {Say.Baht(x.Gap)} (แผน {Say.Baht(x.Figures.PlanToDate(quarter))} ผล {Say.Baht(x.Figures.ActualToDate(quarter))})",
            $"{x.Project.Number}. {x.Project.Name} — {Say.Baht(x.Gap)} behind (plan {Say.Baht(x.Figures.PlanToDate(quarter))}, actual {Say.Baht(x.Figures.ActualToDate(quarter))})"]);
        var head = say[$"ต่ำกว่าแผนถึงไตรมาส {quarter}/{ctx.FiscalYear}: {behind.Count} โครงการ", $"Behind plan to Q{quarter}/{ctx.FiscalYear}: {Say.Count(behind.Count, "project")}"]
            + (ctx.AsOfLine is { } asOf ? $" ({asOf})" : "");
        return [new Reply(head + "\n" + string.Join('\n', lines) + (needs is null ? "" : "\n" + needs))
        {
            Card = Cards.Lagging(say, head, shown.Select(x => (x.Project, x.Gap)), behind.Count, readable.Count, ctx.AsOf) is var card && needs is not null ? card with { Note = needs } : card,
            Buttons = [.. buttons, [new Button(say["กราฟ", "Chart"], ProjectPicker.Pending(ctx, "/chart lagging"))]],
        }];
    }

    /// <summary>What the running quarter still needs: plan to its end above what is paid so far, over the projects still running.</summary>
    private static string? Needs(Say say, List<(Project Project, Figures Figures)> projects, int quarter, int fiscalYear)
    {
        var wanting = projects.Where(x => BehindPlan.Running(x.Project) && BehindPlan.Gap(x.Figures, quarter) > 0).ToList();
        if (wanting.Count == 0)
        {
            return null;
        }

        var total = wanting.Sum(x => BehindPlan.Gap(x.Figures, quarter));
        var end = FiscalCalendar.QuarterEnd(fiscalYear, quarter);
        return say[
            $"ไตรมาส {quarter} (ถึง {ThaiDate.Short(end)}) ยังต้องเบิกจ่ายอีก {Say.Baht(total)} บาท ตามแผน ใน {wanting.Count} โครงการ",
            $"Q{quarter} (to {say.Date(end)}) still needs {Say.Baht(total)} baht paid to meet its plans, across {Say.Count(wanting.Count, "project")}"];
    }
}
