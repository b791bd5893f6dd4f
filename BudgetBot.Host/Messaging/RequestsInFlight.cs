namespace BudgetBot.Host.Messaging;

/// <summary>
/// How many HTTP requests the host is serving now. A webhook's events that arrive while no other request is being
/// served came alone, and are handled in the commit that stores them (<see cref="InboxWriter"/>); under load other
/// requests are always in flight, and the drainer's batches serve them better.
/// </summary>
internal sealed class RequestsInFlight
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Enter() => Interlocked.Increment(ref _count);

    public void Leave() => Interlocked.Decrement(ref _count);
}
