using BudgetBot.Domain.Budget;

namespace BudgetBot.Domain.Conversation;

/// <summary>A role as people say it, never the enum's name.</summary>
public static class RoleText
{
    public static string Name(Say say, Role role) => role switch
    {
        Role.Admin => say["ผู้ดูแลระบบ", "admin"],
        Role.Executive => say["ผู้บริหาร", "executive"],
        Role.DivisionHead => say["หัวหน้ากลุ่ม", "division head"],
        Role.Owner => say["ผู้รับผิดชอบโครงการ", "project owner"],
        _ => say["ผู้ตรวจสอบ", "auditor"],
    };
}
