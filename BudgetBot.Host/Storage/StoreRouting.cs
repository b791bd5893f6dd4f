using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Host.Storage;

/// <summary>Where an outbox item goes, decided when it is queued; the same rule in every store.</summary>
internal static class StoreRouting
{
    /// <summary>The chat the item names, or the person's first identity (the platform they joined on): one sender takes it.</summary>
    public static OutboxItem Route(OutboxItem item, Func<string, Person?> person)
    {
        var target = item.ChatKey ?? (item.PersonId is { } id && person(id) is { Identities.Count: > 0 } found ? found.Identities[0] : null);
        var routed = item with { DueAt = item.DueAt == default ? item.CreatedAt : item.DueAt };
        return ChatAddress.Parse(target) is { } chat
            ? routed with { Platform = chat.Platform, ChatId = chat.Id }
            : routed with { Status = OutboxStatus.Undeliverable, Error = "no identity to send to" };
    }
}
