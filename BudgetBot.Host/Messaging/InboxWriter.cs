using System.Collections.Concurrent;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Host.Messaging;

/// <summary>
/// Group commit for incoming events: webhook requests that arrive while a commit is running are stored together in the
/// next one, so each request is still answered only after its event is on disk, but many share one flush. A batch that
/// finds nothing older waiting is handled in the same commit (<see cref="InboxDrainer.Receive"/>).
/// </summary>
internal sealed class InboxWriter(InboxDrainer drainer) : IDisposable
{
    private readonly ConcurrentQueue<(InboundEvent Event, TaskCompletionSource<bool> Stored)> _queue = new();
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>Stores the events; each result is false for a key stored before (a redelivery).</summary>
    public async Task<IReadOnlyList<bool>> ReceiveAsync(IReadOnlyList<InboundEvent> events)
    {
        var mine = events.Select(e => (e, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously))).ToList();
        foreach (var item in mine)
        {
            _queue.Enqueue(item);
        }

        // Whoever holds the writer stores everything queued so far, ours included if it got there in time.
        while (!mine.TrueForAll(m => m.Item2.Task.IsCompleted))
        {
            await _writer.WaitAsync();
            try
            {
                WriteQueued();
            }
            finally
            {
                _writer.Release();
            }
        }

        return await Task.WhenAll(mine.Select(m => m.Item2.Task));
    }

    public void Dispose() => _writer.Dispose();

    private void WriteQueued()
    {
        var batch = new List<(InboundEvent Event, TaskCompletionSource<bool> Stored)>();
        while (_queue.TryDequeue(out var item))
        {
            batch.Add(item);
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            var events = batch.Select(b => b.Event).ToList();
            var stored = drainer.Receive(events);
            Metrics.ServiceMetrics.Received(events, stored);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Stored.TrySetResult(stored[i]);
            }

        }
        catch (Exception ex)
        {
            // Every request of the batch fails (the platform will deliver again); none is acknowledged unstored.
            foreach (var b in batch)
            {
                b.Stored.TrySetException(ex);
            }
        }
    }
}
