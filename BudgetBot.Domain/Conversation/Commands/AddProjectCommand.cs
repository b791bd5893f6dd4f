using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Calendar;

namespace BudgetBot.Domain.Conversation.Commands;

/// <summary>
/// <c>/addproject &lt;division&gt; &lt;allocation&gt; &lt;name&gt;</c>, <c>เพิ่มโครงการ</c>: an admin adds a project approved
/// mid-year under the year's next number, its allocation taken from the projects envelope's unallocated money; its
/// quarter plans are set with <c>/plan</c> and its owners invited with <c>/invite</c>.
/// </summary>
internal sealed class AddProjectCommand : ICommand
{
    private const string Example = "เพิ่มโครงการ กลุ่มนิเทศ 50,000 อบรมครูภาษาอังกฤษ";

    public Intent Intent => Intent.AddProject;

    public IReadOnlyList<Reply> Run(CommandContext ctx)
    {
        var say = ctx.Say;
        if (!Access.IsAdmin(ctx.Person, ctx.OfficeId))
        {
            return ctx.Refuse("addproject", "not allowed", "เฉพาะผู้ดูแลระบบ (กลุ่มนโยบายและแผน) เพิ่มโครงการได้", "Only an admin (policy and planning) can add a project.");
        }

        var tokens = ctx.Args.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.FindIndex(tokens, 1, t => t.Any(c => char.IsAsciiDigit(c) || ThaiDigits.IsThaiDigit(c)) && ThaiAmount.Parse(t).IsOk);
        var name = at < 0 ? "" : string.Join(' ', tokens.Skip(at + 1).SkipWhile(t => t is "บาท" or "baht"));
        if (at < 0 || name.Length < 3)
        {
            return [ctx.Text($"พิมพ์กลุ่ม งบประมาณ และชื่อโครงการ เช่น {Example}", "Type the division, the allocation and the project's name, e.g. /addproject กลุ่มนิเทศ 50000 English teachers' training")];
        }

        var amount = ThaiAmount.Parse(tokens[at]).Value;
        var division = Divisions.Find(ctx, string.Join(' ', tokens[..at]));
        if (division is null)
        {
            var all = string.Join(", ", ctx.Budget.Divisions(ctx.OfficeId!).Select(d => d.Name));
            return [ctx.Text($"ไม่พบกลุ่ม \"{string.Join(' ', tokens[..at])}\" (มี: {all}) ไม่ได้เพิ่มโครงการ", $"No division \"{string.Join(' ', tokens[..at])}\" (there are: {all}); nothing was added.")];
        }

        if (amount <= 0)
        {
            return [ctx.Text($"งบประมาณต้องมากกว่า 0 พิมพ์เช่น {Example}", "The allocation must be more than 0.")];
        }

        var draft = new BudgetEvent(ctx.OfficeId!, ctx.FiscalYear, BudgetEventKind.ProjectAdded, amount, ctx.Today, ctx.Person!.Id, ctx.Message.SourceKey, ctx.Message.At);
        var outcome = BudgetRules.AddProject(ctx.Budget, draft, new Project(ctx.OfficeId!, ctx.FiscalYear, 0, name, division.Id, amount, QuarterAmounts.Zero));
        switch (outcome.Status)
        {
            case BudgetStatus.UnknownYear:
                return [ctx.Text($"ยังไม่มีปีงบประมาณ {ctx.FiscalYear} ให้นำเข้ารายงานของปีนี้ก่อน", $"Fiscal year {ctx.FiscalYear} is not set up yet: import its report first.")];
            case BudgetStatus.NotEnough:
                return [ctx.Text(
                    $"งบโครงการที่ยังไม่จัดสรรเหลือ {Say.Baht(outcome.Left)} บาท ไม่พอ {Say.Baht(amount)} บาท ไม่ได้เพิ่มโครงการ (บันทึกหนังสือจัดสรรด้วย จัดสรร หรือโอนจากโครงการอื่นภายหลังด้วย โอน)",
                    $"The projects envelope has {Say.Baht(outcome.Left)} baht unallocated, not {Say.Baht(amount)}; nothing was added (record a letter with /round, or move money later with /transfer).")];
        }

        var project = ctx.Budget.Project(outcome.Event!.To!)!;
        if (outcome.Status == BudgetStatus.Applied)
        {
            ctx.Audit("addproject", $"project {project.Number} in {division.Name}: {amount}", refused: false);
        }

        return [new Reply(string.Join('\n',
            say[$"เพิ่มโครงการ {project.Number} {project.Name} ใน{division.Name} งบ {Say.Baht(amount)} บาท แล้ว", $"Added project {project.Number} {project.Name} in {division.Name}, allocation {Say.Baht(amount)} baht."],
            say[$"งบโครงการที่ยังไม่จัดสรรเหลือ {Say.Baht(outcome.Left)} บาท", $"Unallocated money left: {Say.Baht(outcome.Left)} baht"],
            say[$"ตั้งแผนด้วย แผน {project.Number} ไตรมาส 3 … · เชิญผู้รับผิดชอบด้วย เชิญ ผู้รับผิดชอบ {project.Number}", $"Set its plans with /plan {project.Number} q3 … · invite its owner with /invite owner {project.Number}"]))];
    }
}
