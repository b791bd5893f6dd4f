using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Conversation.Parsing;

namespace BudgetBot.Domain.Conversation.Commands;

/// <summary><c>/status &lt;project&gt; &lt;inprogress|done|postponed|cancelled|notstarted&gt;</c>, <c>สถานะ</c> with the Thai words.</summary>
internal sealed class StatusCommand : ICommand
{
    private static readonly Dictionary<string, ProjectStatus> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["inprogress"] = ProjectStatus.InProgress,
        ["อยู่ระหว่างดำเนินการ"] = ProjectStatus.InProgress,
        ["ดำเนินการ"] = ProjectStatus.InProgress,
        ["done"] = ProjectStatus.Done,
        ["จบโครงการ"] = ProjectStatus.Done,
        ["เสร็จ"] = ProjectStatus.Done,
        ["เสร็จสิ้น"] = ProjectStatus.Done,
        ["ดำเนินการแล้ว"] = ProjectStatus.Done,
        ["กำลังดำเนินการ"] = ProjectStatus.InProgress,
        ["เลื่อนการดำเนินการ"] = ProjectStatus.Postponed,
        ["postponed"] = ProjectStatus.Postponed,
        ["เลื่อน"] = ProjectStatus.Postponed,
        ["cancelled"] = ProjectStatus.Cancelled,
        ["canceled"] = ProjectStatus.Cancelled,
        ["ยกเลิกโครงการ"] = ProjectStatus.Cancelled,
        ["notstarted"] = ProjectStatus.NotStarted,
        ["ยังไม่ดำเนินการ"] = ProjectStatus.NotStarted,
    };

    public Intent Intent => Intent.Status;

    public IReadOnlyList<Reply> Run(CommandContext ctx)
    {
        var tokens = ctx.Args.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var (number, next) = ProjectRefs.Leading(tokens);
        var word = string.Join("", tokens.Skip(next));
        if (number is null || !Words.TryGetValue(word, out var status))
        {
            return [ctx.Text(
                "พิมพ์เช่น สถานะ 7 จบโครงการ (อยู่ระหว่างดำเนินการ, จบโครงการ, เลื่อน, ยกเลิกโครงการ, ยังไม่ดำเนินการ)",
                "Type e.g. /status 7 done (inprogress, done, postponed, cancelled, notstarted).")];
        }

        var (project, stop) = ProjectPicker.Pick(ctx, number, p => $"/status {p.Number} {word}");
        if (project is null)
        {
            return stop!;
        }

        if (!Access.CanRecord(ctx.Person, project))
        {
            return ctx.RefuseChange("status", project, "เปลี่ยนสถานะได้เฉพาะโครงการของท่าน", "You can change the status only of your own projects.");
        }

        ctx.Budget.SaveProject(project with { Status = status });
        ctx.Audit("status", $"project {project.Number}: {project.Status} -> {status}", refused: false);
        return [new Reply(ctx.Say[$"{ProjectText.Title(ctx.Say, project)}: สถานะ {ProjectText.Status(ctx.Say, status)}", $"{ProjectText.Title(ctx.Say, project)}: status {ProjectText.Status(ctx.Say, status)}"])];
    }
}
