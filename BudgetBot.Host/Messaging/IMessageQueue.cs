using BudgetBot.Domain.Ports;

namespace BudgetBot.Host.Messaging;

/// <summary>
/// What the message path keeps, as the drainer and the senders use it: the inbox, the outbox, what is known of each
/// chat, and units of work over them. One port, so each of them is handed the store once.
/// </summary>
internal interface IMessageQueue : IInbox, IOutbox, IChatStates, IUnitOfWork
{
}
