using BudgetBot.Domain.Budget;

namespace BudgetBot.Domain.Conversation;

/// <summary>The roles of the product brief: who may read and change what, in one office.</summary>
public static class Access
{
    public static bool Has(Person? p, string? office, params Role[] roles) =>
        p is not null && office is not null && p.Roles.Any(r => r.OfficeId == office && roles.Contains(r.Role));

    public static bool IsAdmin(Person? p, string? office) => Has(p, office, Role.Admin);

    /// <summary>Admins, executives and auditors read the whole office.</summary>
    public static bool ReadsEverything(Person? p, string? office) => Has(p, office, Role.Admin, Role.Executive, Role.Auditor);

    public static bool HeadsDivision(Person? p, string divisionId) =>
        p is not null && p.Roles.Any(r => r.Role == Role.DivisionHead && r.Scope == divisionId);

    public static bool Owns(Person? p, Project project) => p is not null && project.Owners.Contains(p.Id);

    public static bool CanRead(Person? p, Project project) =>
        ReadsEverything(p, project.OfficeId) || HeadsDivision(p, project.DivisionId) || Owns(p, project);

    /// <summary>Spending, progress, status and corrections: admins, the division's head, the project's owners.</summary>
    public static bool CanRecord(Person? p, Project project) =>
        IsAdmin(p, project.OfficeId) || HeadsDivision(p, project.DivisionId) || Owns(p, project);

    /// <summary>Office totals: everyone with a role in the office (owners see totals, not others' projects).</summary>
    public static bool CanReadOffice(Person? p, string? office) => p is not null && office is not null && p.Roles.Any(r => r.OfficeId == office);

    public static bool CanReadDivision(Person? p, string office, string divisionId) => ReadsEverything(p, office) || HeadsDivision(p, divisionId);

    public static bool CanReport(Person? p, string? office) => Has(p, office, Role.Admin, Role.Executive, Role.Auditor, Role.DivisionHead);

    public static bool CanSubscribe(Person? p, string? office) => Has(p, office, Role.Admin, Role.DivisionHead);
}
