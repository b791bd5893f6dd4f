namespace BudgetBot.Host.Messaging;

/// <summary>Figures a platform adds to <c>/readyz</c>'s answer (a quota, say), under its own name; null when it has none yet.</summary>
internal interface IReadinessFigures
{
    string Name { get; }

    object? Figures();

    /// <summary>The same figures in a few words, as the dashboard's home page shows them; null when there are none yet.</summary>
    string? Summary() => null;
}
