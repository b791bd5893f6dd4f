namespace BudgetBot.Domain.Budget;

public enum Role
{
    Admin,
    Executive,
    DivisionHead,
    Owner,
    Auditor,
}

/// <summary>A role in one office, optionally narrowed to a division or a project id.</summary>
public sealed record RoleGrant(string OfficeId, Role Role, string? Scope);

/// <summary>A person with any number of platform identities (<c>telegram:123</c>, <c>line:U…</c>) that all mean the same person.</summary>
public sealed record Person(string Id, string DisplayName)
{
    public IReadOnlyList<string> Identities { get; init; } = [];

    public IReadOnlyList<RoleGrant> Roles { get; init; } = [];

    public Language Language { get; init; } = Language.Thai;
}
