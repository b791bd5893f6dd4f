namespace BudgetBot.Host.Messaging;

/// <summary>
/// What hosts sharing one store agree on besides the data: which host's sender sends to a chat, and which host does
/// work that only one may do at a time (Telegram's long poll). A store only one host uses needs none of it
/// (<see cref="OneHost"/>); a shared database gives its own, on connections apart from the units of work.
/// </summary>
internal interface IHostLocks
{
    /// <summary>
    /// Of these chats, the ones this host's sender for the platform holds now (already or newly): only it sends to them
    /// until it lets them go, so each chat's messages go out in order from one host at a time.
    /// </summary>
    IReadOnlyList<string> HoldChats(string platform, IReadOnlyList<string> chats);

    /// <summary>Lets chats go once their results are written; another host's sender may take them from then on.</summary>
    void ReleaseChats(string platform, IReadOnlyList<string> chats);

    /// <summary>
    /// Runs <paramref name="work"/> while this host holds the named lease, and returns false at once when another host
    /// holds it. A lease ends when the work returns or the host dies, so the next host takes over.
    /// </summary>
    Task<bool> WhileLeaderAsync(string lease, Func<CancellationToken, Task> work, CancellationToken ct);
}

/// <summary>The only host of its store holds every chat and every lease.</summary>
internal sealed class OneHost : IHostLocks
{
    public static OneHost Instance { get; } = new();

    public IReadOnlyList<string> HoldChats(string platform, IReadOnlyList<string> chats) => chats;

    public void ReleaseChats(string platform, IReadOnlyList<string> chats)
    {
    }

    public async Task<bool> WhileLeaderAsync(string lease, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        await work(ct);
        return true;
    }
}
