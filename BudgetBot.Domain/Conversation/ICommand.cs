namespace BudgetBot.Domain.Conversation;

/// <summary>One chat command; each lives in its own class under Commands/.</summary>
public interface ICommand
{
    Intent Intent { get; }

    /// <summary>May someone with no linked person (a stranger) use it?</summary>
    bool OpenToStrangers => false;

    IReadOnlyList<Reply> Run(CommandContext ctx);
}
