using BudgetBot.Domain.Conversation;

namespace BudgetBot.Tests.Conversation;

/// <summary>Which entry a photo goes with, and the photos that are not taken.</summary>
public sealed class ReceiptConversationTests : IDisposable
{
    private readonly ChatFixture _chat = new();

    [Fact]
    public void Photo_RightAfterASpend_GoesWithIt_LaterIsRefusedWithWhatToType()
    {
        _chat.Say("local:owner", "/spend 7 2,400 15/2/2566 ค่าวัสดุ");
        var entry = _chat.Store.LastEntryBy("demo-owner")!.Id;

        var kept = Assert.Single(Photo("local:owner", "", ChatFixture.Now.AddMinutes(5)));
        var late = Assert.Single(Photo("local:owner", "", ChatFixture.Now.AddMinutes(45)));

        Assert.Contains($"เก็บรูปใบเสร็จกับรายการ #{entry} แล้ว (ใบที่ 1)", kept.Text, StringComparison.Ordinal);
        Assert.StartsWith("ไม่ทราบว่ารูปนี้เป็นใบเสร็จของรายการใด ไม่ได้บันทึกอะไร พิมพ์ ใบเสร็จ ตามด้วยเลขรายการ", late.Text, StringComparison.Ordinal);
        Assert.Single(_chat.Store.Receipts(_chat.OfficeId, 2566));
    }

    [Fact]
    public void Photo_CaptionedWithAnEntry_OfAProjectNotTheirs_IsRefused_AndInAGroupOnlyAnAddressedOneIsTaken()
    {
        _chat.Say("local:admin", "/spend 8 1,000 1/3/2566");
        var others = _chat.Store.LastEntryBy(_chat.Store.PersonByIdentity("local:admin")!.Id)!.Id;
        _chat.Say("local:owner", "/spend 7 500 1/3/2566");
        var own = _chat.Store.LastEntryBy("demo-owner")!.Id;

        var refused = Assert.Single(Photo("local:owner", $"/receipt {others}", ChatFixture.Now));
        var group = Photo("local:owner", "", ChatFixture.Now, ChatKind.Group);
        var captioned = Assert.Single(Photo("local:owner", $"ใบเสร็จ #{ThaiDigits(own)}", ChatFixture.Now, ChatKind.Group));

        Assert.Contains("ไม่ใช่โครงการของท่าน", refused.Text, StringComparison.Ordinal);
        Assert.Empty(group);
        Assert.Contains($"รายการ #{own}", captioned.Text, StringComparison.Ordinal);
        Assert.Equal(own, Assert.Single(_chat.Store.Receipts(_chat.OfficeId, 2566)).EntryId);
    }

    public void Dispose() => _chat.Dispose();

    private IReadOnlyList<Reply> Photo(string who, string caption, DateTimeOffset at, ChatKind kind = ChatKind.Private) =>
        _chat.Engine.Handle(_chat.Message(who, caption, kind, at) with { Photo = "file-" + Guid.NewGuid().ToString("N") });

    private static string ThaiDigits(long n) => string.Concat(n.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => (char)('๐' + (c - '0'))));
}
