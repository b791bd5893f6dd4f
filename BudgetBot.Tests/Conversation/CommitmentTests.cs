using BudgetBot.Domain.Budget;
using BudgetBot.Tests.Storage;

namespace BudgetBot.Tests.Conversation;

/// <summary>Contracts and orders signed but not paid: committed, paid by reference, cancelled, on every store.</summary>
public abstract class CommitmentContract(StoreKind kind) : IDisposable
{
    private readonly ChatFixture _chat = new(kind: kind);

    public void Dispose()
    {
        _chat.Dispose();
        GC.SuppressFinalize(this);
    }

    private Commitments Commitments => Domain.Budget.Commitments.Of(_chat.Store.BudgetEvents(_chat.OfficeId, 2566));

    private string P7 => Project.KeyFor(_chat.OfficeId, 2566, 7);

    [SkippableFact]
    public void Commitment_LowersWhatIsAvailable_AndIsPaidDownByReference_ThenCancelled()
    {
        var f = _chat.Figures(7);

        var committed = _chat.Say("local:owner", "ผูกพัน 7 50,000 สัญญาเลขที่ 12/2566")[0].Text;

        Assert.StartsWith("บันทึกก่อหนี้ผูกพันแล้ว โครงการ 7", committed, StringComparison.Ordinal);
        Assert.Contains($"ผูกพัน 50,000 บาท คงเหลือใช้ได้ {Say(f.Remaining - 50_000m)} บาท", committed, StringComparison.Ordinal);
        Assert.Contains("ใช้จ่าย (รวมผูกพัน)", _chat.Say("local:admin", "ยอด 7")[0].Text, StringComparison.Ordinal);
        Assert.Equal(50_000m, Commitments.OpenFor(P7));
        Assert.Equal(f.Used, _chat.Figures(7).Used);

        var paid = _chat.Say("local:owner", "จ่าย 7 20,000 ค่าจ้างงวดที่ 1 อ้างอิง 12/2566")[0].Text;

        Assert.StartsWith("บันทึกแล้ว โครงการ 7", paid, StringComparison.Ordinal);
        Assert.Equal(f.Used + 20_000m, _chat.Figures(7).Used);
        Assert.Equal(30_000m, Commitments.OpenFor(P7));
        Assert.Equal(20_000m, Commitments.OpenOne(P7, "12/2566")!.Paid);

        Assert.Contains("คืน 30,000 บาท", _chat.Say("local:owner", "ผูกพัน ยกเลิก 7 12/2566")[0].Text, StringComparison.Ordinal);
        Assert.Equal(0m, Commitments.OpenFor(P7));
        Assert.Contains("ไม่พบสัญญาหรือใบสั่งซื้อ", _chat.Say("local:owner", "จ่าย 7 1,000 อ้างอิง 12/2566")[0].Text, StringComparison.Ordinal);
        Assert.Equal(f.Used + 20_000m, _chat.Figures(7).Used);
    }

    [SkippableFact]
    public void Commitment_NeverExceedsWhatIsAvailable_AndATransferCannotTakeCommittedMoney()
    {
        var available = _chat.Figures(7).Remaining;

        Assert.Contains("ไม่พอผูกพัน", _chat.Say("local:admin", $"/commit 7 {available + 1} PO-1")[0].Text, StringComparison.Ordinal);
        Assert.Contains("บันทึกก่อหนี้ผูกพันแล้ว", _chat.Say("local:admin", $"/commit 7 {available - 100} PO-1")[0].Text, StringComparison.Ordinal);
        Assert.Contains("ผูกพันไว้แล้ว", _chat.Say("local:admin", "/commit 7 50 PO-1")[0].Text, StringComparison.Ordinal);

        Assert.Contains("เหลือให้โอนได้ 100 บาท", _chat.Say("local:admin", "โอน 101 จาก 7 ไป 9")[0].Text, StringComparison.Ordinal);
        Assert.Contains("ไม่พอผูกพัน", _chat.Say("local:admin", "/commit 7 101 PO-2")[0].Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void PaymentAgainstAnUnknownReference_IsRefused_AndRecordsNothing()
    {
        var totals = _chat.Store.LedgerTotals();

        Assert.Contains("ไม่พบสัญญาหรือใบสั่งซื้อ", _chat.Say("local:owner", "จ่าย 7 1,000 ref 99/2566")[0].Text, StringComparison.Ordinal);

        Assert.Equal(totals, _chat.Store.LedgerTotals());
    }

    [SkippableFact]
    public void SamePaymentTwice_PaysTheCommitmentOnce()
    {
        _chat.Say("local:owner", "ผูกพัน 7 50,000 12/2566");
        var message = _chat.Message("local:owner", "จ่าย 7 20,000 อ้างอิง 12/2566");

        _chat.Engine.Handle(message);
        _chat.Engine.Handle(message);

        Assert.Equal(30_000m, Commitments.OpenFor(P7));
    }

    [SkippableTheory]
    [InlineData("ผูกพัน 7 50,000", "ระบุโครงการ จำนวนเงิน และเลขที่")]
    [InlineData("ผูกพัน 7 50,000 สัญญา เลขที่ยาว มาก", "ระบุโครงการ จำนวนเงิน และเลขที่")]
    [InlineData("ผูกพัน 7 ห้าหมื่น 12/2566", "ระบุโครงการ")]
    [InlineData("ผูกพัน 7 50,000 1 พ.ย. 67 12/2566", "อยู่ในปีงบประมาณ")]
    [InlineData("ผูกพัน ยกเลิก 7", "พิมพ์โครงการและเลขที่")]
    [InlineData("ผูกพัน ยกเลิก 7 77/2566", "ไม่พบเลขที่ 77/2566")]
    public void BadCommitment_IsRefusedWithWhatToType(string text, string why)
    {
        Assert.Contains(why, _chat.Say("local:admin", text)[0].Text, StringComparison.Ordinal);
        Assert.Empty(_chat.Store.BudgetEvents(_chat.OfficeId, 2566));
    }

    private static string Say(decimal amount) => Domain.Conversation.Say.Baht(amount);
}

public sealed class CommitmentTestsOnLiteDb() : CommitmentContract(StoreKind.LiteDb);

public sealed class CommitmentTestsOnPostgres() : CommitmentContract(StoreKind.Postgres);

public sealed class CommitmentTestsOnMemory() : CommitmentContract(StoreKind.Memory);
