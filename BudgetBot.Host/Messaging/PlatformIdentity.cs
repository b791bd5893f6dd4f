namespace BudgetBot.Host.Messaging;

/// <summary>
/// How a platform's identities are written in the settings (<c>BudgetBot:Admins</c>): its prefix and an example. Each
/// platform registers its own, so the settings check knows every platform the host runs and names none itself.
/// </summary>
internal sealed record PlatformIdentity(string Platform, string Example)
{
    public bool Matches(string identity) => Domain.Conversation.ChatAddress.Parse(identity)?.Platform == Platform;
}
