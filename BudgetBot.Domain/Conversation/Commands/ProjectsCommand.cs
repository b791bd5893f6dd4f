using System.Globalization;
using BudgetBot.Domain.Conversation.Parsing;

namespace BudgetBot.Domain.Conversation.Commands;

/// <summary><c>/projects [division]</c>, <c>โครงการ</c>: the projects the caller may see, a page at a time; <c>โครงการ 7</c> shows one.</summary>
internal sealed class ProjectsCommand : ICommand
{
    public Intent Intent => Intent.Projects;

    public IReadOnlyList<Reply> Run(CommandContext ctx)
    {
        var say = ctx.Say;
        var args = ctx.Args;
        var page = 1;
        var pageWord = args.LastIndexOf("page:", StringComparison.Ordinal);
        if (pageWord >= 0)
        {
            page = int.Parse(args[(pageWord + 5)..], CultureInfo.InvariantCulture);
            args = args[..pageWord].Trim();
        }

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

        var size = ctx.Settings.PageSize;
        var pages = (visible.Count + size - 1) / size;
        page = Math.Clamp(page, 1, pages);
        var lines = visible.Skip((page - 1) * size).Take(size).Select(p =>
        {
            var f = ctx.FiguresOf(p);
            return $"{p.Number}. {p.Name} — {Say.Baht(f.Used)}/{Say.Baht(f.Allocation)} ({Say.Percent(f.PercentUsed)})";
        });
        var head = say[$"โครงการ {visible.Count} รายการ (หน้า {page}/{pages})", $"{visible.Count} projects (page {page}/{pages})"];
        var buttons = new List<Button>();
        if (page > 1)
        {
            buttons.Add(new Button(say["◀ ก่อนหน้า", "◀ Previous"], ProjectPicker.Pending(ctx, $"/projects {args} page:{page - 1}".Replace("  ", " ", StringComparison.Ordinal))));
        }

        if (page < pages)
        {
            buttons.Add(new Button(say["ถัดไป ▶", "Next ▶"], ProjectPicker.Pending(ctx, $"/projects {args} page:{page + 1}".Replace("  ", " ", StringComparison.Ordinal))));
        }

        return [new Reply(head + "\n" + string.Join('\n', lines)) { Buttons = buttons.Count > 0 ? [buttons] : [] }];
    }
}
