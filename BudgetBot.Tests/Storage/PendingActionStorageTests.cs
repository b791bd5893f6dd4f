using BudgetBot.Domain.Conversation;
using BudgetBot.Host.Storage;

namespace BudgetBot.Tests.Storage;

public sealed class PendingActionStorageTests
{
    private static readonly DateTimeOffset Expires = new(2023, 2, 21, 3, 0, 0, TimeSpan.Zero);

    public static TheoryData<PendingAction> Kinds() =>
    [
        new SpendToConfirm("a1", "office", "p1", Expires, ByAdmin: false) { ProjectId = "office/2566/7", Amount = 2_400.50m, Date = new DateOnly(2023, 2, 15), Note = "ค่าอาหารว่าง", SourceKey = "line:U1:42", RequestedBy = "p1" },
        new SpendToConfirm("a2", "office", null, Expires, ByAdmin: true) { ProjectId = "office/2566/7", Amount = 90_000m, Date = new DateOnly(2023, 2, 15), SourceKey = "telegram:5:9" },
        new UndoEntry("a3", "office", "p1", Expires, 1234),
        new RunCommand("a4", "office", "p1", Expires, "/projects 2"),
    ];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EachKind_IsStoredAndReadBackAsItself(PendingAction action) =>
        Assert.Equal(action, JsonPayload.Read<PendingAction>(JsonPayload.Write(action)));

    [Fact]
    public void ButtonsStoredByTheFlatRecordBefore_AreStillRead()
    {
        const string Old = """{"Id":"b1","Kind":1,"OfficeId":"office","AllowedPersonId":null,"ExpiresAt":"2023-02-21T03:00:00+00:00","ProjectId":"office/2566/7","Amount":90000,"Date":"2023-02-15","Note":"","SourceKey":"telegram:5:9","RequestedBy":"p9","EntryId":0,"CommandText":""}""";

        var read = Assert.IsType<SpendToConfirm>(JsonPayload.Read<PendingAction>(Old));

        Assert.True(read.ByAdmin);
        Assert.Equal(("office/2566/7", 90_000m, "p9"), (read.ProjectId, read.Amount, read.RequestedBy));
    }
}
