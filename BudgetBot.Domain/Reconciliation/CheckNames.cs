namespace BudgetBot.Domain.Reconciliation;

/// <summary>What each reconciliation check is called in a Thai report for the planning officer; the codes stay for <c>--json</c>.</summary>
public static class CheckNames
{
    private static readonly Dictionary<string, string> Thai = new(StringComparer.Ordinal)
    {
        ["amount-words"] = "จำนวนเงินตัวอักษร",
        ["column-total"] = "ยอดรวมคอลัมน์",
        ["date-outside-period"] = "วันที่นอกช่วงรายงาน",
        ["division-count"] = "จำนวนโครงการของกลุ่ม",
        ["duplicate-number"] = "ลำดับโครงการซ้ำ",
        ["envelope-parts"] = "ส่วนประกอบของงบ",
        ["envelopes-total"] = "ยอดรวมงบแต่ละส่วน",
        ["extra-cell"] = "ช่องเกิน",
        ["fiscal-year"] = "ปีงบประมาณ",
        ["missing-cell"] = "ช่องขาด",
        ["office-name"] = "ชื่อหน่วยงาน",
        ["period"] = "ช่วงเวลารายงาน",
        ["project-envelope"] = "งบดำเนินโครงการ",
        ["reserve-envelope"] = "งบสำรองกรณีเร่งด่วน",
        ["round-restated"] = "งวดการจัดสรรซ้ำ",
        ["rounds-total"] = "ยอดรวมการจัดสรร",
        ["total-plan"] = "ยอดรวมแผน",
        ["total-result"] = "ยอดรวมผล",
        ["plan-total"] = "แผนรวมสี่ไตรมาส",
        ["result-total"] = "ผลรวมสี่ไตรมาส",
        ["result-after-period"] = "ผลหลังช่วงรายงาน",
        ["remaining"] = "คงเหลือ",
        ["used"] = "ใช้จริง",
        ["negative"] = "ยอดติดลบ",
    };

    /// <summary>The Thai name of a check; a code with no name yet is shown as it is rather than hidden.</summary>
    public static string InThai(string code) => Thai.TryGetValue(code, out var name) ? name : code;
}
