namespace BudgetBot.Domain.Budget;

/// <summary>An office's group or unit (กลุ่ม/หน่วย); names vary between offices, so divisions are data.</summary>
public sealed record Division(string Id, string OfficeId, string Name, int Order)
{
    public static string KeyFor(string officeId, int order) => $"{officeId}/d{order}";
}
