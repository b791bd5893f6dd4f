using BudgetBot.Domain.Conversation.Parsing;

namespace BudgetBot.Domain.Conversation.Commands;

/// <summary><c>/projects [division]</c>, <c>โครงการ</c>: the projects the caller may see, a page at a time; <c>โครงการ 7</c> shows one.</summary>
internal sealed class ProjectsCommand : ICommand
{
    public Intent Intent => Intent.Projects;

    public IReadOnlyList<Reply> Run(CommandContext ctx)
    {
        var say = ctx.Say;
        var (args, page) = Paging.Split(ctx.Args);

        if (ProjectRefs.Leading(args.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Number is not null)
        {
            return new BalanceCommand().Run(new CommandContext(ctx.Message, ctx.Person, args, false, ctx.Budget, ctx.Chat, ctx.Settings));
        }

        var division = args.Length > 0 ? Divisions.Find(ctx, args) : null;
        if (args.Length > 0 && division is null)
        {
            return [new Reply(say[$"ไม่พบกลุ่ม \"{args}\"", $"No division \"{args}\"."])];
        }

        var visible = ctx.Projects()
            .Where(p => Access.CanRead(ctx.Person, p) && (division is null || p.DivisionId == division.Id))
            .ToList();
        if (visible.Count == 0)
        {
            return [ctx.Text("ไม่มีโครงการที่ท่านดูได้", "There are no projects you can see.")];
        }

        var pages = (visible.Count + ctx.Settings.PageSize - 1) / ctx.Settings.PageSize;
        page = Math.Clamp(page, 1, pages);
        var (shown, buttons) = Paging.Page(ctx, visible, page, $"/projects {args}".Trim());
        var lines = shown.Select(p =>
        {
            var f = ctx.FiguresOf(p);
            return $"{p.Number}. {p.Name} — {Say.Baht(f.Used)}/{Say.Baht(f.Allocation)} ({Say.Percent(f.PercentUsed)})";
        });
        var head = say[$"โครงการ {visible.Count} รายการ (หน้า {page}/{pages})", $"{Say.Count(visible.Count, "project")} (page {page}/{pages})"];
        return [new Reply(head + "\n" + string.Join('\n', lines)) { Buttons = buttons }];
    }
}
