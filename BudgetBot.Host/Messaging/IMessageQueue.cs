using BudgetBot.Domain.Ports;

namespace BudgetBot.Host.Messaging;

/// <summary>
/// What the message path keeps, as the drainer and the senders use it: the inbox, the outbox, what is known of each
/// chat, and units of work over them. One port, so each of them is handed the store once.
/// </summary>
internal interface IMessageQueue : IInbox, IOutbox, IChatStates, IUnitOfWork
{
    /// <summary>
    /// Runs <paramref name="work"/> while this host holds the named lease (Telegram's long poll, say), and returns false
    /// at once when another host holds it. A lease ends when the work returns or the host dies, so the next host takes over.
    /// </summary>
    Task<bool> WhileLeaderAsync(string lease, Func<CancellationToken, Task> work, CancellationToken ct);
}
