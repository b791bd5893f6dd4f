using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Domain.Conversation.Commands;

/// <summary><c>/subscribe &lt;weekly|quarter|off&gt;</c>, <c>ติดตาม</c>: summaries in this group chat.</summary>
internal sealed class SubscribeCommand : ICommand
{
    public Intent Intent => Intent.Subscribe;

    public IReadOnlyList<Reply> Run(CommandContext ctx)
    {
        var say = ctx.Say;
        if (ctx.Message.ChatKind != ChatKind.Group)
        {
            return [ctx.Text("ใช้คำสั่งนี้ในกลุ่มแชทที่ต้องการรับสรุป", "Use this in the group chat that should get the summaries.")];
        }

        if (!Access.CanSubscribe(ctx.Person, ctx.OfficeId))
        {
            return ctx.Refuse("subscribe", "not allowed", "ตั้งการติดตามได้เฉพาะผู้ดูแลระบบและหัวหน้ากลุ่ม", "Only admins and division heads can subscribe a group.");
        }

        SubscriptionKind? kind = ctx.Args.Trim().ToLowerInvariant() switch
        {
            "weekly" or "รายสัปดาห์" or "สัปดาห์" or "ทุกสัปดาห์" => SubscriptionKind.Weekly,
            "quarter" or "รายไตรมาส" or "ไตรมาส" or "ทุกไตรมาส" => SubscriptionKind.Quarter,
            "monthly" or "รายเดือน" or "เดือน" or "ทุกเดือน" => SubscriptionKind.Monthly,
            "off" or "ปิด" or "หยุด" or "ยกเลิก" => SubscriptionKind.Off,
            _ => null,
        };
        if (kind is null)
        {
            return [ctx.Text("พิมพ์เช่น ติดตาม ทุกสัปดาห์ (ทุกสัปดาห์ ทุกเดือน รายไตรมาส ยกเลิก)", "Type e.g. /subscribe weekly (weekly, monthly, quarter, off).")];
        }

        var division = Access.IsAdmin(ctx.Person, ctx.OfficeId) ? null : ctx.Person!.Roles.First(r => r.Role == Role.DivisionHead).Scope;
        var chatKey = new ChatAddress(ctx.Message.Platform, ctx.Message.ChatId).ToString();
        ctx.Chat.SaveSubscription(new Subscription(chatKey, ctx.OfficeId!, kind.Value, division, ctx.Person!.Id));
        ctx.Audit("subscribe", $"{chatKey}: {kind}", refused: false);
        return [new Reply(kind switch
        {
            SubscriptionKind.Weekly => say["กลุ่มนี้จะได้รับสรุปทุกสัปดาห์", "This group will get a weekly summary."],
            SubscriptionKind.Quarter => say["กลุ่มนี้จะได้รับสรุปก่อนสิ้นไตรมาส", "This group will get quarter-end summaries."],
            SubscriptionKind.Monthly => say["กลุ่มนี้จะได้รับสรุปทุกต้นเดือน", "This group will get a monthly summary."],
            _ => say["หยุดส่งสรุปในกลุ่มนี้แล้ว", "Summaries to this group are off."],
        })];
    }
}
