using BudgetBot.Domain.Budget;

namespace BudgetBot.Domain.Reconciliation;

/// <summary>A project's status from the words its progress note uses.</summary>
internal static class ProjectStatusReader
{
    public static ProjectStatus Read(string progress, decimal used)
    {
        bool Has(string words) => progress.Contains(words, StringComparison.Ordinal);
        if (Has("ยกเลิกโครงการ") || Has("ไม่ได้ดำเนินการ"))
        {
            return ProjectStatus.Cancelled;
        }

        if (Has("จบโครงการ") || Has("ดำเนินการแล้วเสร็จ"))
        {
            return ProjectStatus.Done;
        }

        // "เลื่อนเงินเดือน" (a salary step) is not a postponement: only the project's own schedule counts.
        if (Has("เลื่อนระยะเวลา") || Has("เลื่อนการดำเนิน") || Has("เลื่อนโครงการ"))
        {
            return ProjectStatus.Postponed;
        }

        if (Has("อยู่ระหว่าง"))
        {
            return ProjectStatus.InProgress;
        }

        return used > 0 ? ProjectStatus.InProgress : ProjectStatus.NotStarted;
    }
}
