using BudgetBot.Domain.Budget;
using BudgetBot.Tests.Storage;

namespace BudgetBot.Tests.Conversation;

/// <summary>Money returned to a project, and an admin reversing any entry by its number, on every store.</summary>
public abstract class RefundAndReverseContract(StoreKind kind) : IDisposable
{
    private readonly ChatFixture _chat = new(kind: kind);

    public void Dispose()
    {
        _chat.Dispose();
        GC.SuppressFinalize(this);
    }

    private string P7 => Project.KeyFor(_chat.OfficeId, 2566, 7);

    [SkippableFact]
    public void Refund_LowersWhatWasPaid_AsAnEntryOfItsOwn()
    {
        var used = _chat.Figures(7).Used;

        var reply = _chat.Say("local:owner", "คืนเงิน 7 500 10 ก.พ. 66 เงินยืมเหลือ")[0].Text;

        Assert.StartsWith("บันทึกคืนเงินแล้ว โครงการ 7", reply, StringComparison.Ordinal);
        Assert.Equal(used - 500m, _chat.Figures(7).Used);
        var entry = _chat.Store.History(P7, 1)[0];
        Assert.Equal((-500m, (long?)null, "เงินยืมเหลือ", new DateOnly(2023, 2, 10)), (entry.Amount, entry.Reverses, entry.Note, entry.Date));
        Assert.Empty(_chat.Store.VerifyBalances());
    }

    [SkippableFact]
    public void Refund_OfMoreThanWasPaid_IsRefused()
    {
        var used = _chat.Figures(7).Used;

        var reply = _chat.Say("local:admin", $"/refund 7 {used + 1}")[0].Text;

        Assert.Contains("คืนเงินได้ไม่เกินยอดที่เบิกจ่ายไปแล้ว", reply, StringComparison.Ordinal);
        Assert.Equal(used, _chat.Figures(7).Used);
    }

    [SkippableFact]
    public void Reverse_AnyEntryByNumber_KeepsTheReason_AndOnlyOnce()
    {
        var spent = _chat.Say("local:owner", "จ่าย 7 1,000 ค่าวัสดุ");
        var entry = _chat.Store.History(P7, 1)[0];
        var used = _chat.Figures(7).Used;

        var reply = _chat.Say("local:admin", $"กลับรายการ {entry.Id} บันทึกซ้ำ")[0].Text;

        Assert.StartsWith($"กลับรายการ #{entry.Id} แล้ว", reply, StringComparison.Ordinal);
        Assert.Equal(used - 1_000m, _chat.Figures(7).Used);
        var reversal = _chat.Store.History(P7, 1)[0];
        Assert.Equal((entry.Id, -1_000m), (reversal.Reverses, reversal.Amount));
        Assert.Contains("บันทึกซ้ำ", reversal.Note, StringComparison.Ordinal);
        Assert.Contains("ถูกยกเลิกไปแล้ว", _chat.Say("local:admin", $"/reverse {entry.Id} again")[0].Text, StringComparison.Ordinal);
        Assert.Contains("เป็นการยกเลิกอยู่แล้ว", _chat.Say("local:admin", $"/reverse {reversal.Id} again")[0].Text, StringComparison.Ordinal);
        Assert.Equal(used - 1_000m, _chat.Figures(7).Used);
        Assert.NotEmpty(spent);
    }

    [SkippableTheory]
    [InlineData("กลับรายการ", "พิมพ์เลขรายการ")]
    [InlineData("กลับรายการ บันทึกซ้ำ", "พิมพ์เลขรายการ")]
    [InlineData("กลับรายการ 999999 ผิด", "ไม่พบรายการ #999999")]
    [InlineData("คืนเงิน 7", "ระบุโครงการและจำนวนเงินที่ได้คืน")]
    [InlineData("คืนเงิน 7 -500", "จำนวนเงินไม่ถูกต้อง")]
    [InlineData("คืนเงิน 7 500 31 ก.พ. 66", "ไม่ใช่วันที่ที่มีจริง")]
    [InlineData("คืนเงิน 7 500 1 พ.ย. 67", "นอกปีงบประมาณ")]
    public void BadInput_IsRefusedWithWhatToType_AndChangesNothing(string text, string why)
    {
        var count = _chat.Store.LedgerTotals();

        Assert.Contains(why, _chat.Say("local:admin", text)[0].Text, StringComparison.Ordinal);

        Assert.Equal(count, _chat.Store.LedgerTotals());
    }
}

public sealed class RefundAndReverseTestsOnLiteDb() : RefundAndReverseContract(StoreKind.LiteDb);

public sealed class RefundAndReverseTestsOnPostgres() : RefundAndReverseContract(StoreKind.Postgres);

public sealed class RefundAndReverseTestsOnMemory() : RefundAndReverseContract(StoreKind.Memory);
