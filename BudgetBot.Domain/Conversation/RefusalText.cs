using BudgetBot.Domain.Budget;

namespace BudgetBot.Domain.Conversation;

/// <summary>Why the ledger refused an entry, in words a person can act on (never the enum's name).</summary>
public static class RefusalText
{
    public static string Why(Say say, LedgerRefusal refusal) => refusal switch
    {
        LedgerRefusal.NotPositive => say["จำนวนเงินต้องมากกว่า 0 บาท", "the amount must be more than 0 baht"],
        LedgerRefusal.TooManyDecimals => say["จำนวนเงินมีทศนิยมได้ไม่เกิน 2 ตำแหน่ง เช่น 1,234.50", "use at most two decimals, e.g. 1,234.50"],
        LedgerRefusal.TooLarge => say["จำนวนเงินเกินยอดสูงสุดที่รับได้ 10,000,000,000 บาท", "the amount is above the largest accepted, 10,000,000,000 baht"],
        LedgerRefusal.UnknownProject => say["ไม่พบโครงการนี้ พิมพ์ /projects เพื่อดูรายการ", "there is no such project; type /projects for the list"],
        LedgerRefusal.OutsideFiscalYear => say["วันที่อยู่นอกปีงบประมาณของโครงการ", "the date is outside the project's fiscal year"],
        LedgerRefusal.UnknownEntry => say["ไม่พบรายการนี้", "there is no such entry"],
        LedgerRefusal.IsReversal => say["รายการนี้เป็นการยกเลิกอยู่แล้ว", "that entry is itself a cancellation"],
        LedgerRefusal.UnknownCommitment => say["ไม่พบสัญญาหรือใบสั่งซื้อเลขที่นี้ของโครงการที่ยังค้างจ่าย ดูได้ด้วย ยอด เลขโครงการ", "no open commitment of this project has that reference; /balance <project> lists them"],
        LedgerRefusal.MoreThanPaid => say["คืนเงินได้ไม่เกินยอดที่เบิกจ่ายไปแล้วของโครงการ", "a refund cannot be more than the project has paid"],
        _ => say["รายการนี้ถูกยกเลิกไปแล้ว", "that entry was already cancelled"],
    };
}
