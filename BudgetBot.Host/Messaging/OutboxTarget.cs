using BudgetBot.Domain.Ports;

namespace BudgetBot.Host.Messaging;

/// <summary>
/// Where an outbox item goes: the chat it names, or the person's first identity (the platform they joined on).
/// One answer per item, so two platform senders never both take it.
/// </summary>
internal static class OutboxTarget
{
    public static (string Platform, string Id)? Of(OutboxItem item, IChatStore chat)
    {
        var target = item.ChatKey ?? (item.PersonId is { } id && chat.Person(id) is { Identities.Count: > 0 } person ? person.Identities[0] : null);
        var colon = target?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return colon > 0 ? (target![..colon], target[(colon + 1)..]) : null;
    }
}
