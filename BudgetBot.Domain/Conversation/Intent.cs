namespace BudgetBot.Domain.Conversation;

/// <summary>Every intent of the product's chat table.</summary>
public enum Intent
{
    Help,
    Spend,
    Undo,
    Balance,
    Projects,
    Plan,
    Progress,
    Status,
    Lagging,
    History,
    Audit,
    Report,
    Chart,
    Subscribe,
    Invite,
    Join,
    WhoAmI,
    Language,
    Round,
    Transfer,
    Refund,
    Reverse,
    AddProject,
    Commit,
    Close,
    CarryOver,
    Receipt,
}
