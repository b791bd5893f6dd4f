namespace BudgetBot.Domain.Conversation.Parsing;

/// <summary>What a message asks for: a command with its arguments, something unknown, or nothing for this bot.</summary>
public abstract record ParseOutcome
{
    /// <summary>A command; <paramref name="Inferred"/> when read from a plain sentence, which then needs a one-tap confirmation.</summary>
    public sealed record Command(Intent Intent, string Args, bool Inferred = false) : ParseOutcome;

    /// <summary>Not a command; <paramref name="Suggestion"/> is the nearest command, if one is close.</summary>
    public sealed record Unknown(string Word, Intent? Suggestion) : ParseOutcome;

    /// <summary>Not addressed to this bot (group chatter, another bot's command): no reply at all.</summary>
    public sealed record NotForUs : ParseOutcome;
}
