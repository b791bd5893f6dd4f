using BudgetBot.Domain.Budget;

namespace BudgetBot.Domain.Conversation.Commands;

/// <summary><c>/chart [project or division]</c>, <c>กราฟ</c>: plan against actual by quarter, as an image the adapter draws.</summary>
internal sealed class ChartCommand : ICommand
{
    public Intent Intent => Intent.Chart;

    public IReadOnlyList<Reply> Run(CommandContext ctx)
    {
        var say = ctx.Say;
        Figures figures;
        string title;
        (ChartScope Kind, string? Id) scope;
        if (ctx.Args.Trim() is "ล่าช้า" or "lagging" or "behind")
        {
            // The ten furthest behind, by the same rule as /lagging, among the projects the person may read.
            var quarter = ProjectText.CurrentQuarter(ctx.AsOf, ctx.FiscalYear);
            var behind = BehindPlan.Of(ctx.Projects().Where(p => Access.CanRead(ctx.Person, p)).Select(p => (p, ctx.FiguresOf(p))), quarter).Take(10).ToList();
            var lines = behind.Select(x => say[$"{x.Project.Number}. ต่ำกว่าแผน {Say.Baht(x.Gap)}", $"{x.Project.Number}. {Say.Baht(x.Gap)} behind"]);
            return [new Reply(say[$"โครงการที่ต่ำกว่าแผนมากที่สุดถึงไตรมาส {quarter}/{ctx.FiscalYear}", $"Furthest behind plan to Q{quarter}/{ctx.FiscalYear}"] + "\n" + string.Join('\n', lines))
            {
                Attachments = behind.Count > 0 ? [Attachment.Chart(ctx.OfficeId!, ctx.FiscalYear, ChartScope.Behind)] : [],
            }];
        }

        if (ctx.Args.Length == 0)
        {
            figures = Figures.Sum(ctx.Projects().Select(ctx.FiguresOf));
            title = ctx.Budget.Office(ctx.OfficeId!)!.Name;
            scope = (ChartScope.Office, null);
        }
        else if (Divisions.Find(ctx, ctx.Args) is { } division && Access.CanReadDivision(ctx.Person, division.OfficeId, division.Id))
        {
            figures = Figures.Sum(ctx.Projects().Where(p => p.DivisionId == division.Id).Select(ctx.FiguresOf));
            title = division.Name;
            scope = (ChartScope.Division, division.Id);
        }
        else
        {
            var (project, stop) = ProjectPicker.Pick(ctx, ctx.Args, p => $"/chart {p.Number}");
            if (project is null)
            {
                return stop!;
            }

            if (!Access.CanRead(ctx.Person, project))
            {
                return [ctx.Text("ดูกราฟโครงการนี้ไม่ได้: ไม่ใช่โครงการของท่าน", "You cannot see this project's chart: it is not yours.")];
            }

            figures = ctx.FiguresOf(project);
            title = ProjectText.Title(say, project);
            scope = (ChartScope.Project, project.Id);
        }

        // The text stands on its own too, for a channel that cannot show the image.
        var bars = Enumerable.Range(1, 4).Select(q => say[
            $"ไตรมาส {q}: แผน {Say.Baht(figures.Plan[q])} ผล {Say.Baht(figures.Actual[q])}",
            $"Q{q}: plan {Say.Baht(figures.Plan[q])}, actual {Say.Baht(figures.Actual[q])}"]);
        return [new Reply(title + "\n" + string.Join('\n', bars))
        {
            Attachments = [Attachment.Chart(ctx.OfficeId!, ctx.FiscalYear, scope.Kind, scope.Id)],
        }];
    }
}
