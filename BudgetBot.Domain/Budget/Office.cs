namespace BudgetBot.Domain.Budget;

/// <summary>A budget-receiving office (for example an สพป.). Nothing is shared between offices.</summary>
public sealed record Office(string Id, string Name)
{
    /// <summary>A stable id from the office's name, so importing the same office twice lands on the same record.</summary>
    public static string IdFor(string name)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name.Trim()));
        return "office-" + Convert.ToHexStringLower(hash)[..10];
    }
}
