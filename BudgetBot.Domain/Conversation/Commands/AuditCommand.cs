using BudgetBot.Domain.Budget;

namespace BudgetBot.Domain.Conversation.Commands;

/// <summary>
/// <c>/audit [project]</c>, <c>ตรวจสอบ</c>: the ledger as a CSV file for auditors and admins: every entry with who
/// recorded it, when, from which message, and the entry a reversal cancels.
/// </summary>
internal sealed class AuditCommand : ICommand
{
    public Intent Intent => Intent.Audit;

    public IReadOnlyList<Reply> Run(CommandContext ctx)
    {
        var say = ctx.Say;
        if (!Access.Has(ctx.Person, ctx.OfficeId, Role.Admin, Role.Auditor))
        {
            return ctx.Refuse("audit", "not allowed", "ทะเบียนคุมการเบิกจ่ายสำหรับผู้ตรวจสอบภายในและผู้ดูแลระบบ", "The ledger file is for auditors and admins.");
        }

        Project? project = null;
        if (ctx.Args.Length > 0)
        {
            (project, var stop) = ProjectPicker.Pick(ctx, ctx.Args, p => $"/audit {p.Number}");
            if (project is null)
            {
                return stop!;
            }
        }

        var entries = ctx.Budget.Ledger(ctx.OfficeId!, ctx.FiscalYear, project?.Id);
        var sum = entries.Sum(e => e.Amount);
        ctx.Audit("audit", project is null ? $"fiscal year {ctx.FiscalYear}" : $"project {project.Number}", refused: false);
        var what = project is null ? say[$"ปีงบประมาณ {ctx.FiscalYear}", $"fiscal year {ctx.FiscalYear}"] : ProjectText.Title(say, project);
        return [new Reply(say[
            $"ทะเบียนคุมการเบิกจ่าย {what}: {entries.Count.ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture)} รายการ รวม {Say.Baht(sum)} บาท (ไฟล์ CSV เปิดด้วย Excel ได้)",
            $"Ledger of {what}: {Say.Count(entries.Count, "entry").Replace("entrys", "entries", StringComparison.Ordinal)}, {Say.Baht(sum)} baht in all (CSV, opens in Excel)"])
        {
            Attachments = [Attachment.Ledger(ctx.OfficeId!, ctx.FiscalYear, project?.Id, project?.Number), Attachment.LedgerToRead(ctx.OfficeId!, ctx.FiscalYear, project?.Id, project?.Number)],
        }];
    }
}
