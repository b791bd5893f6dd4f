using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Domain.Conversation;

/// <summary>A tapped button: its payload names server-side state, which is checked and used once.</summary>
internal sealed class ButtonHandler(ConversationEngine engine, IBudgetStore budget, IChatStore chat, EngineSettings settings)
{
    public IReadOnlyList<Reply> Handle(IncomingMessage message, Person? person, string payload)
    {
        var say = new Say(person?.Language ?? Language.Thai);
        var gone = new Reply(say["ปุ่มนี้ใช้ไปแล้วหรือหมดอายุ", "This button was already used or has expired."]);
        if (person is null)
        {
            // A stranger's tap (a forwarded message, or forged button data) is refused and kept in the trail.
            new CommandContext(message, null, "", false, budget, chat, settings).Audit("button", "not registered", refused: true);
            return [new Reply(say[
                "ยังไม่ได้ลงทะเบียนกับ BudgetBot ขอรหัสเชิญจากผู้ดูแลระบบ แล้วพิมพ์ /join รหัส",
                "You are not registered with BudgetBot yet. Ask an admin for an invite code, then type /join CODE."])];
        }

        if (PendingAction.Read(payload) is not var (id, reject))
        {
            return [gone];
        }

        var peek = chat.Pending(id);
        if (peek is null)
        {
            return [gone];
        }

        var ctx = new CommandContext(message, person, "", false, budget, chat, settings);
        var allowed = peek.AllowedPersonId is { } only ? only == person.Id : Access.IsAdmin(person, peek.OfficeId);
        if (!allowed)
        {
            ctx.Audit(peek.Kind.ToString(), $"button {id}: not allowed", refused: true);
            return [new Reply(peek.AllowedPersonId is null
                ? say["ปุ่มนี้สำหรับผู้ดูแลระบบเท่านั้น", "Only an admin can use this button."]
                : say["ปุ่มนี้เป็นของผู้ที่สั่งคำสั่งนั้น", "This button belongs to the person who asked."])];
        }

        if (reject && peek is not (TransferRequest or SpendToConfirm or UndoEntry))
        {
            // Only a request has a reject button: anything else carrying one is forged.
            return [gone];
        }

        var action = chat.TakePending(id, message.At);
        if (action is null)
        {
            return [gone];
        }

        switch (action)
        {
            case TransferRequest request:
                return TransferRequests.Decide(ctx, request, approve: !reject);
            case SpendToConfirm spend:
                var project = budget.Project(spend.ProjectId)!;
                var requester = spend.RequestedBy is { } r ? chat.Person(r) : person;
                var spender = new CommandContext(message, requester ?? person, "", false, budget, chat, settings);
                if (spend.ByAdmin)
                {
                    return reject ? HeldSpends.Reject(ctx, spend) : HeldSpends.Approve(ctx, spender, spend);
                }

                if (reject)
                {
                    return [new Reply(spend.Repeat
                        ? say["ไม่ได้บันทึกซ้ำ รายการเดิมยังอยู่", "Not recorded again: the earlier entry stands."]
                        : say["ยกเลิกแล้ว ไม่ได้บันทึกอะไร", "Cancelled: nothing was recorded."])];
                }

                return SpendFlow.Record(spender, project, spend.Amount, spend.Date, spend.Note, spend.SourceKey, adminConfirmed: false);
            case UndoEntry when reject:
                return [new Reply(say["ไม่ได้ยกเลิก รายการยังอยู่", "Kept: nothing was undone."])];
            case UndoEntry undo:
                return budget.Entry(undo.EntryId) is { } entry ? SpendFlow.Undo(ctx, entry) : [gone];
            case RunCommand command:
                return engine.Route(message, person, command.CommandText);
            default:
                return [gone];
        }
    }
}
