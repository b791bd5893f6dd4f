using BudgetBot.Domain.Conversation;
using BudgetBot.Tests.Conversation;

namespace BudgetBot.Tests.Security;

/// <summary>
/// Every kind of button tapped by every role: only the person it was made for (or an admin, for an admin's button)
/// can use it, once; anyone else is refused, audited, and nothing changes. Letters as in <see cref="RoleMatrixTests"/>.
/// </summary>
public sealed class ButtonMatrixTests
{
    private static readonly (char Letter, string Identity)[] Roles =
        [('A', "local:admin"), ('E', "local:executive"), ('H', "local:head"), ('O', "local:owner"), ('U', "local:auditor"), ('S', "telegram:777")];

    public static TheoryData<string, string, string, string> Buttons => new()
    {
        // kind, who makes it, what they type, who may tap
        { "confirm a sentence", "local:owner", "จ่ายค่าอาหารว่าง 2,400 บาท โครงการ 7", "O" },
        { "undo", "local:owner", "/spend 7 500 15/2/2566", "O" },
        { "admin confirms over the allocation", "local:owner", "/spend 7 100000 15/2/2566", "A" },
        { "pick a project", "local:executive", "/balance ประชุม", "E" },
        { "next page", "local:auditor", "/projects", "U" },
    };

    [Theory]
    [MemberData(nameof(Buttons))]
    public void Button_TappedByEachRole_OnlyItsOwnerMayUseIt(string kind, string maker, string text, string allowed)
    {
        foreach (var (letter, identity) in Roles)
        {
            using var chat = new ChatFixture();
            var made = chat.Say(maker, text);
            // A held spend's button goes to the admins by push, not back to the owner.
            var button = made.SelectMany(r => r.AllButtons)
                .Concat(chat.Store.Outbox(Domain.Ports.OutboxStatus.Pending, 100).SelectMany(i => i.Reply.AllButtons))
                .FirstOrDefault(b => b.Payload.StartsWith(PendingAction.PayloadPrefix, StringComparison.Ordinal));
            Assert.True(button is not null, $"{kind}: no button in \"{string.Join(" / ", made.Select(r => r.Text))}\"");
            var before = Snapshot(chat);

            var message = chat.Message(identity, "") with { ButtonPayload = button.Payload };
            var replies = chat.Engine.Handle(message);

            var refused = chat.Store.AuditTrail(chat.OfficeId, 200).Concat(chat.Store.AuditTrail("", 200)).Any(a => a.SourceKey == message.SourceKey && a.Refused);
            var expected = allowed.Contains(letter, StringComparison.Ordinal);
            Assert.True(expected != refused, $"{kind} tapped by {identity}: expected {(expected ? "allowed" : "refused")}, replied: {string.Join(" / ", replies.Select(r => r.Text))}");
            Assert.NotEmpty(replies);
            if (refused)
            {
                Assert.Equal(before, Snapshot(chat));
            }
            else
            {
                // Once: the same button again does nothing more.
                var again = chat.Engine.Handle(chat.Message(identity, "") with { ButtonPayload = button.Payload });
                var after = Snapshot(chat);
                Assert.NotEmpty(again);
                Assert.Equal(after, Snapshot(chat));
            }
        }
    }

    [Theory]
    [InlineData("p:")]
    [InlineData("p:0000000000000000")]
    [InlineData("p:../../../etc")]
    [InlineData("undo:1")]
    [InlineData("/spend 7 100 15/2/2566")]
    public void ForgedButtonData_ChangesNothing(string payload)
    {
        foreach (var (_, identity) in Roles)
        {
            using var chat = new ChatFixture();
            var before = Snapshot(chat);
            Assert.NotEmpty(chat.Engine.Handle(chat.Message(identity, "") with { ButtonPayload = payload }));
            Assert.Equal(before, Snapshot(chat));
        }
    }

    private static string Snapshot(ChatFixture chat) => string.Join('|', chat.Store.Projects(chat.OfficeId, 2566)
        .Select(p => $"{p.Number}:{p.Plan}:{p.Status}:{p.Notes.Count}:{chat.Store.Balance(p.Id).Actual}"));
}
