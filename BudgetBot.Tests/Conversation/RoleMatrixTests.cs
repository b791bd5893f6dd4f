using BudgetBot.Domain.Conversation;

namespace BudgetBot.Tests.Conversation;

/// <summary>
/// Every command tried by every role, allowed or refused as the brief's role table says. Letters name who may:
/// A admin, E executive, H head of กลุ่มนิเทศ (projects 17–41), O owner of projects 7 and 17, U auditor, S a stranger.
/// </summary>
public sealed class RoleMatrixTests
{
    private static readonly (char Letter, string Identity)[] Roles =
        [('A', "local:admin"), ('E', "local:executive"), ('H', "local:head"), ('O', "local:owner"), ('U', "local:auditor"), ('S', "telegram:777")];

    public static TheoryData<string, bool, string> Matrix => new()
    {
        { "/help", false, "AEHOUS" },
        { "/whoami", false, "AEHOUS" },
        { "/lang en", false, "AEHOU" },
        { "/spend 17 100", false, "AHO" },
        { "/spend 8 100", false, "A" },
        { "/spend 7 100", false, "AO" },
        { "/undo", false, "AEHOU" },
        { "/balance", false, "AEHOU" },
        { "/balance 8", false, "AEU" },
        { "/balance 17", false, "AEHOU" },
        { "/balance กลุ่มนิเทศ", false, "AEHU" },
        { "/projects", false, "AEHOU" },
        { "/plan 17 q4 0", false, "A" },
        { "/progress 17 นิเทศแล้ว", false, "AHO" },
        { "/progress 8 x", false, "A" },
        { "/status 17 inprogress", false, "AHO" },
        { "/status 8 done", false, "A" },
        { "/lagging q2", false, "AEHOU" },
        { "/history 17", false, "AEHOU" },
        { "/history 8", false, "AEU" },
        { "/report h1", false, "AEHU" },
        { "/chart", false, "AEHOU" },
        { "/chart 8", false, "AEU" },
        { "/subscribe weekly", true, "AH" },
        { "/invite auditor", false, "A" },
        { "/invite me", false, "AEHOU" },
        { "/audit", false, "AU" },
        { "/audit 17", false, "AU" },
        { "/round 500000 ศธ 04006/ว 1234 15/2/2566", false, "A" },
        { "จัดสรร 500,000 ศธ 04006/ว 1234 15 ก.พ. 66 สำรอง", false, "A" },
        { "/transfer 1000 9 7", false, "AO" },
        { "/transfer 1000 9 8", false, "A" },
        { "/refund 17 100", false, "AHO" },
        { "คืนเงิน 8 100", false, "A" },
        { "/reverse 1 test", false, "A" },
        { "ปิดรอบ 6 เดือน", false, "A" },
        { "กันเงินเหลื่อมปี 8 100 12/2566", false, "A" },
        { "/commit 17 100 PO-9", false, "AHO" },
        { "ก่อหนี้ 8 100 PO-9", false, "A" },
        { "เพิ่มโครงการ กลุ่มนิเทศ 1 อบรมครู", false, "A" },
        { "โอน 1,000 จาก 17 ไป 7", false, "AHO" },
        { "/transfer 1000 reserve 17", false, "AHO" },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Command_ByEachRole_IsAllowedOrRefusedAsTheBriefSays(string command, bool group, string allowed)
    {
        foreach (var (letter, identity) in Roles)
        {
            using var chat = new ChatFixture();
            var before = Snapshot(chat);
            var message = chat.Message(identity, command, group ? ChatKind.Group : ChatKind.Private, chatId: group ? "group-1" : null);

            var replies = chat.Engine.Handle(message);

            var refused = chat.Store.AuditTrail(chat.OfficeId, 100).Concat(chat.Store.AuditTrail("", 100))
                .Any(a => a.SourceKey == message.SourceKey && a.Refused);
            Assert.True(allowed.Contains(letter, StringComparison.Ordinal) != refused,
                $"{command} by {identity}: expected {(allowed.Contains(letter, StringComparison.Ordinal) ? "allowed" : "refused")}, replied: {(replies.Count > 0 ? replies[0].Text : "")}");
            Assert.NotEmpty(replies);
            if (refused)
            {
                Assert.Equal(before, Snapshot(chat));
            }
        }
    }

    private static string Snapshot(ChatFixture chat) => string.Join('|', chat.Store.Projects(chat.OfficeId, 2566)
        .Select(p => $"{p.Number}:{p.Allocation}:{p.Plan}:{p.Status}:{p.Notes.Count}:{chat.Store.Balance(p.Id).Actual}")
        .Append($"{chat.Store.FiscalYear(chat.OfficeId, 2566)!.Received}:{chat.Store.BudgetEvents(chat.OfficeId, 2566).Count}"));
}
