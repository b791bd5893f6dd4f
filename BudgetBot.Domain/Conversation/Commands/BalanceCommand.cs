using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Conversation.Parsing;

namespace BudgetBot.Domain.Conversation.Commands;

/// <summary><c>/balance [project or division]</c>, <c>ยอด</c>/<c>คงเหลือ</c>: a project, a division, or the whole office.</summary>
internal sealed class BalanceCommand : ICommand
{
    public Intent Intent => Intent.Balance;

    public IReadOnlyList<Reply> Run(CommandContext ctx) => [.. Answer(ctx).Select(r => ctx.AsOfLine is { } line && r.Text.Length > 0 && (r.Card is not null || !r.AllButtons.Any()) ? r with { Text = r.Text + "\n" + line } : r)];

    private static IReadOnlyList<Reply> Answer(CommandContext ctx)
    {
        var say = ctx.Say;
        var quarter = ProjectText.CurrentQuarter(ctx.AsOf, ctx.FiscalYear);
        if (ctx.Args.Length == 0)
        {
            return [Office(ctx, quarter)];
        }

        if (Divisions.Find(ctx, ctx.Args) is { } division)
        {
            if (!Access.CanReadDivision(ctx.Person, division.OfficeId, division.Id))
            {
                return ctx.Refuse("balance", $"division {division.Name}: not allowed", "ดูยอดของกลุ่มนี้ไม่ได้: ท่านไม่ใช่หัวหน้ากลุ่มหรือผู้บริหาร", "You cannot see this division's balance: you are not its head or an executive.");
            }

            var projects = ctx.Projects().Where(p => p.DivisionId == division.Id).ToList();
            var f = Figures.Sum(projects.Select(ctx.FiguresOf));
            var title = say[$"{division.Name} ({projects.Count} โครงการ)", $"{division.Name} ({Say.Count(projects.Count, "project")})"];
            return [new Reply(string.Join('\n', title, ProjectText.Quarter(say, f, quarter, ctx.FiscalYear), ProjectText.Used(say, f), ProjectText.ToDate(say, f, quarter)))
            {
                Card = Cards.Totals(say, title, f, quarter, ctx.AsOf),
                Buttons = [[new Button(say["ล่าช้า", "Behind plan"], ProjectPicker.Pending(ctx, "/lagging")), new Button(say["กราฟ", "Chart"], ProjectPicker.Pending(ctx, $"/chart {division.Name}"))]],
            }];
        }

        var (project, stop) = ProjectPicker.Pick(ctx, ctx.Args, p => $"/balance {p.Number}");
        if (project is null)
        {
            return stop!;
        }

        if (!Access.CanRead(ctx.Person, project))
        {
            return ctx.Refuse("balance", $"project {project.Number}: not allowed", "ดูยอดโครงการนี้ไม่ได้: ไม่ใช่โครงการของท่าน", "You cannot see this project: it is not yours.");
        }

        var figures = ctx.FiguresOf(project);
        return [new Reply(ProjectText.Full(say, project, figures, quarter))
        {
            Card = ProjectText.Card(say, project, figures, quarter) with { Note = Cards.AsOf(say, ctx.AsOf) },
            Buttons = [[new Button(say["ประวัติ", "History"], ProjectPicker.Pending(ctx, $"/history {project.Number}")), new Button(say["กราฟ", "Chart"], ProjectPicker.Pending(ctx, $"/chart {project.Number}"))]],
        }];
    }

    private static Reply Office(CommandContext ctx, int quarter)
    {
        var say = ctx.Say;
        var office = ctx.Budget.Office(ctx.OfficeId!)!;
        var projects = ctx.Projects();
        var f = Figures.Sum(projects.Select(ctx.FiguresOf));
        var title = say[$"{office.Name} ปีงบประมาณ {ctx.FiscalYear} ({projects.Count} โครงการ)", $"{office.Name}, fiscal year {ctx.FiscalYear} ({Say.Count(projects.Count, "project")})"];
        return new Reply(string.Join('\n', title, ProjectText.Quarter(say, f, quarter, ctx.FiscalYear), ProjectText.Used(say, f), ProjectText.ToDate(say, f, quarter)))
        {
            Card = Cards.Totals(say, title, f, quarter, ctx.AsOf),
            Buttons = [[new Button(say["ล่าช้า", "Behind plan"], ProjectPicker.Pending(ctx, "/lagging")), new Button(say["กราฟ", "Chart"], ProjectPicker.Pending(ctx, "/chart"))]],
        };
    }
}

/// <summary>Finds a division by (part of) its name.</summary>
internal static class Divisions
{
    public static Division? Find(CommandContext ctx, string text)
    {
        var t = text.Trim();
        if (t.Length < 2 || ProjectRefs.Leading(t.Split(' ')).Number is not null)
        {
            return null;
        }

        var all = ctx.Budget.Divisions(ctx.OfficeId!);
        var matches = all.Where(d => d.Name.Equals(t, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 0)
        {
            matches = all.Where(d => d.Name.Contains(t, StringComparison.OrdinalIgnoreCase) || t.Contains(d.Name, StringComparison.OrdinalIgnoreCase)).ToList();
        }

        return matches.Count == 1 ? matches[0] : null;
    }
}
