using System.Collections.Concurrent;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Messaging;

namespace BudgetBot.Tests.Messaging;

/// <summary>A channel that records what it was asked to send and answers as the test says; it never repeats a part safely.</summary>
internal sealed class RecordingChannel(Func<OutboxItem, Action<int>, SendOutcome> answer) : IPlatformChannel
{
    public const string Name = "test";

    public string Platform => Name;

    public bool Enabled => true;

    public ConcurrentQueue<(string Key, int FromPart)> Sends { get; } = new();

    /// <summary>What an event of this platform asks for; nothing unless the test says.</summary>
    public Func<InboundEvent, IReadOnlyList<InboundAction>> Reader { get; init; } = _ => [];

    public IReadOnlyList<InboundAction> Read(InboundEvent stored) => Reader(stored);

    public bool ResendIsSafe(OutboxItem item) => false;

    public RecordingChannel(Func<OutboxItem, SendOutcome> answer)
        : this((item, _) => answer(item))
    {
    }

    public Task<SendOutcome> SendAsync(OutboxItem item, Action<int> partSent, CancellationToken ct)
    {
        Sends.Enqueue((item.Key, item.PartsSent));
        return Task.FromResult(answer(item, partSent));
    }
}
