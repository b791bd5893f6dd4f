using BudgetBot.Domain.Budget;

namespace BudgetBot.Domain.Conversation;

/// <summary>
/// A spend held over the allocation, decided by an admin. Approving covers what the project lacks with a transfer from
/// the reserve in the same step, so no project goes below zero without a recorded transfer; when the reserve cannot
/// cover it, the admin is asked to move money from another project first and the button stays. The person who asked
/// is told the outcome either way.
/// </summary>
internal static class HeldSpends
{
    public static IReadOnlyList<Reply> Approve(CommandContext admin, CommandContext spender, SpendToConfirm spend)
    {
        var say = admin.Say;
        var project = admin.Budget.Project(spend.ProjectId)!;
        return admin.Budget.Run(() =>
        {
            if (spender.ClosedPeriodGuard("spend", project, spend.Date, out _) is { } closed)
            {
                return closed;
            }

            // A spend already recorded (a tap again after a crash, say) needs no cover: recording it again changes nothing.
            var shortfall = admin.Budget.EntryBySource(project.OfficeId, spend.SourceKey) is null ? spend.Amount - spender.FiguresOf(project).Available : 0;
            string? covered = null;
            if (shortfall > 0)
            {
                var cover = new BudgetEvent(project.OfficeId, project.FiscalYear, BudgetEventKind.Transfer, shortfall, admin.Today, admin.Person!.Id, spend.SourceKey + ":cover", admin.Message.At)
                {
                    From = MoneyPool.Reserve, To = project.Id, RequestedBy = spend.RequestedBy, Note = "held spend",
                };
                var moved = BudgetRules.Transfer(admin.Budget, cover);
                if (moved.Status is not (BudgetStatus.Applied or BudgetStatus.Duplicate))
                {
                    // Not decided yet: the same button works again once money has been moved to the project.
                    admin.Chat.SavePending(spend);
                    return (IReadOnlyList<Reply>)[admin.Text(
                        $"ยังไม่ได้บันทึก: {ProjectText.Title(say, project)} ขาดอีก {Say.Baht(shortfall)} บาท เงินสำรองเหลือ {Say.Baht(moved.Left)} บาท ไม่พอ โอนจากโครงการอื่นก่อน เช่น โอน {Say.Baht(shortfall)} จาก <โครงการ> ไป {project.Number} แล้วกดอนุมัติอีกครั้ง",
                        $"Not recorded yet: {ProjectText.Title(say, project)} lacks {Say.Baht(shortfall)} baht and the reserve has {Say.Baht(moved.Left)}. Move money from another project first (/transfer {shortfall} <project> {project.Number}), then tap approve again.")];
                }

                spender.CommitmentsChanged();
                covered = say[$"โอน {Say.Baht(shortfall)} บาท จากเงินสำรองไป{ProjectText.Title(say, project)} เพื่อให้พอจ่าย", $"Moved {Say.Baht(shortfall)} baht from the reserve to {ProjectText.Title(say, project)} to cover it."];
            }

            admin.Audit("confirm", $"project {project.Number}: {spend.Amount} approved over allocation{(covered is null ? "" : $", {shortfall} from the reserve")}", refused: false);
            // Read again: the cover raised the project's allocation.
            var recorded = SpendFlow.Record(spender, admin.Budget.Project(spend.ProjectId)!, spend.Amount, spend.Date, spend.Note, spend.SourceKey, adminConfirmed: true);
            Tell(admin, spend, project, approved: true);
            return covered is null ? recorded : [recorded[0] with { Text = recorded[0].Text + "\n" + covered }, .. recorded.Skip(1)];
        });
    }

    public static IReadOnlyList<Reply> Reject(CommandContext admin, SpendToConfirm spend)
    {
        var project = admin.Budget.Project(spend.ProjectId)!;
        admin.Audit("confirm", $"project {project.Number}: {spend.Amount} over allocation rejected", refused: false);
        Tell(admin, spend, project, approved: false);
        return [admin.Text($"ไม่อนุมัติรายการ {Say.Baht(spend.Amount)} บาท ของโครงการ {project.Number} แจ้งผู้บันทึกแล้ว", $"Rejected {Say.Baht(spend.Amount)} baht on project {project.Number}; the person who asked was told.")];
    }

    private static void Tell(CommandContext admin, SpendToConfirm spend, Project project, bool approved)
    {
        if (spend.RequestedBy is not { } asker || asker == admin.Person!.Id || admin.Chat.Person(asker) is not { } person)
        {
            return;
        }

        var say = new Say(person.Language);
        var what = say[$"{Say.Baht(spend.Amount)} บาท ของ{ProjectText.Title(say, project)} ลงวันที่ {say.Date(spend.Date)}", $"{Say.Baht(spend.Amount)} baht on {ProjectText.Title(say, project)} dated {say.Date(spend.Date)}"];
        var text = approved
            ? say[$"รายการ {what} ได้รับอนุมัติและบันทึกแล้ว โดย {admin.Person.DisplayName}", $"Your {what} was approved and recorded by {admin.Person.DisplayName}."]
            : say[$"รายการ {what} ไม่ได้รับอนุมัติ โดย {admin.Person.DisplayName} ไม่ได้บันทึก", $"Your {what} was rejected by {admin.Person.DisplayName}; nothing was recorded."];
        admin.Chat.Enqueue(new Ports.OutboxItem($"hold:{spend.Id}:outcome", "HoldOutcome", project.OfficeId, asker, null, new Reply(text), admin.Message.At));
    }
}
