using BudgetBot.Domain.Budget;

namespace BudgetBot.Domain.Conversation;

/// <summary>
/// A transfer asked for by an owner or a division head: every admin of the office gets approve and reject buttons, the
/// first tap decides, and the asker is told the outcome either way. The transfer is recorded under the asking message.
/// </summary>
internal static class TransferRequests
{
    public static IReadOnlyList<Reply> Ask(CommandContext ctx, BudgetEvent draft, string from, string to)
    {
        var say = ctx.Say;
        var check = BudgetRules.CheckTransfer(ctx.Budget, draft);
        if (check.Status == BudgetStatus.NotEnough)
        {
            return [ctx.Text($"{from}เหลือให้โอนได้ {Say.Baht(check.Left)} บาท ไม่พอโอน {Say.Baht(draft.Amount)} บาท ไม่ได้ส่งคำขอ", $"The {from} has {Say.Baht(check.Left)} baht it can give, not {Say.Baht(draft.Amount)}; no request was sent.")];
        }

        var request = new TransferRequest(ctx.NewId(), draft.OfficeId, null, ctx.Message.At + ctx.Settings.ButtonLifetime)
        {
            FiscalYear = draft.FiscalYear, From = draft.From!, To = draft.To!, Amount = draft.Amount, SourceKey = draft.SourceKey, RequestedBy = ctx.Person!.Id,
        };
        ctx.Chat.SavePending(request);
        ctx.Audit("transfer", $"requested {draft.Amount} from {draft.From} to {draft.To}", refused: false);
        var admins = ctx.Chat.People(draft.OfficeId).Where(p => Access.IsAdmin(p, draft.OfficeId)).ToList();
        foreach (var admin in admins)
        {
            var s = new Say(admin.Language);
            var text = s[
                $"คำขอโอน: {ctx.Person.DisplayName} ขอโอน {Say.Baht(draft.Amount)} บาท จาก{from} ไป{to}",
                $"Transfer request: {ctx.Person.DisplayName} asks to move {Say.Baht(draft.Amount)} baht from the {from} to the {to}."];
            ctx.Chat.Enqueue(new Ports.OutboxItem($"transfer:{request.Id}:{admin.Id}", "TransferRequest", draft.OfficeId, admin.Id, null,
                new Reply(text) { Buttons = [[new Button(s["อนุมัติ", "Approve"], request.Payload), new Button(s["ไม่อนุมัติ", "Reject"], request.RejectPayload)]] },
                ctx.Message.At));
        }

        var names = admins.Count > 0 ? string.Join(", ", admins.Select(a => a.DisplayName)) : say["(ยังไม่มีผู้ดูแลระบบ)", "(no admin yet)"];
        return [ctx.Text(
            $"ส่งคำขอโอน {Say.Baht(draft.Amount)} บาท จาก{from} ไป{to} ให้ผู้ดูแลระบบแล้ว: {names} จะแจ้งผลให้ทราบ",
            $"Sent your request to move {Say.Baht(draft.Amount)} baht from the {from} to the {to} to the admins: {names}. You will be told the outcome.")];
    }

    public static IReadOnlyList<Reply> Decide(CommandContext admin, TransferRequest request, bool approve)
    {
        var say = admin.Say;
        var asker = admin.Chat.Person(request.RequestedBy);
        var draft = new BudgetEvent(request.OfficeId, request.FiscalYear, BudgetEventKind.Transfer, request.Amount, admin.Today, admin.Person!.Id, request.SourceKey, admin.Message.At)
        {
            From = request.From, To = request.To, RequestedBy = request.RequestedBy,
        };
        var outcome = approve ? BudgetRules.Transfer(admin.Budget, draft) : null;
        var done = outcome?.Status is BudgetStatus.Applied or BudgetStatus.Duplicate;
        admin.Audit("transfer", $"request {request.Id} by {request.RequestedBy}: {(done ? "approved" : "rejected")}", refused: false);
        var tell = new Say(asker?.Language ?? Language.Thai);
        var what = tell[$"{Say.Baht(request.Amount)} บาท", $"{Say.Baht(request.Amount)} baht"];
        var told = done
            ? tell[$"คำขอโอน {what} ได้รับอนุมัติแล้ว โดย {admin.Person.DisplayName}", $"Your transfer of {what} was approved by {admin.Person.DisplayName}."]
            : approve
                ? tell[$"คำขอโอน {what} ยังทำไม่ได้: ต้นทางเหลือให้โอนได้ {Say.Baht(outcome!.Left)} บาท", $"Your transfer of {what} could not be made: the source has {Say.Baht(outcome!.Left)} baht it can give."]
                : tell[$"คำขอโอน {what} ไม่ได้รับอนุมัติ โดย {admin.Person.DisplayName}", $"Your transfer of {what} was rejected by {admin.Person.DisplayName}."];
        if (asker is not null)
        {
            admin.Chat.Enqueue(new Ports.OutboxItem($"transfer:{request.Id}:outcome", "TransferOutcome", request.OfficeId, asker.Id, null, new Reply(told), admin.Message.At));
        }

        return [admin.Text(
            done ? $"อนุมัติการโอน {Say.Baht(request.Amount)} บาท แล้ว" : approve ? $"โอนไม่ได้: ต้นทางเหลือให้โอนได้ {Say.Baht(outcome!.Left)} บาท แจ้งผู้ขอแล้ว" : $"ไม่อนุมัติการโอน {Say.Baht(request.Amount)} บาท แจ้งผู้ขอแล้ว",
            done ? $"Approved the transfer of {Say.Baht(request.Amount)} baht." : approve ? $"Not moved: the source has {Say.Baht(outcome!.Left)} baht it can give; the asker was told." : $"Rejected the transfer of {Say.Baht(request.Amount)} baht; the asker was told.")];
    }
}
