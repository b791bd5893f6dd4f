using BudgetBot.Domain.Budget;
using BudgetBot.Host.Storage;

namespace BudgetBot.Host.Messaging;

/// <summary>
/// Fetches the pictures of receipts from their platforms and keeps them in the store, beside the ledger, so they are in
/// every backup and move with <c>migrate</c> (LINE keeps what users send only for a while). A picture that cannot be
/// fetched is tried again on the next pass, and given up after <see cref="MaxTries"/>; nothing here stops the loop.
/// </summary>
internal sealed class ReceiptFetcher(IServiceStore store, IEnumerable<IPlatformChannel> channels, TimeProvider clock, ILogger<ReceiptFetcher> logger) : BackgroundService
{
    public const int MaxTries = 5;

    /// <summary>A picture larger than this is not a phone's photo of a receipt, and is not kept.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    private readonly Dictionary<string, IPlatformChannel> _channels = channels.ToDictionary(c => c.Platform);

    /// <summary>Fetches what waits now; how many pictures were kept.</summary>
    public async Task<int> FetchOnceAsync(CancellationToken ct)
    {
        var kept = 0;
        foreach (var receipt in store.ReceiptsToFetch(16))
        {
            try
            {
                var picture = _channels.TryGetValue(receipt.Platform, out var channel)
                    ? await channel.FetchPhotoAsync(receipt.FileRef, ct)
                    : throw new InvalidOperationException("no channel " + receipt.Platform);
                if (picture.Length is 0 or > MaxBytes)
                {
                    throw new InvalidDataException($"{picture.Length} bytes");
                }

                store.KeepReceiptFile(receipt, picture);
                kept++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                Failed(receipt, ex);
            }
        }

        return kept;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Every receipt comes with a commit, so a pass follows commits, at most one a second however busy the
                // store is; a picture that failed waits for a later pass.
                var next = store.NextCommit;
                await FetchOnceAsync(stoppingToken);
                await Task.WhenAny(next, Task.Delay(Idle, clock, stoppingToken));
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The store itself failed (a full disk, say): the receipts wait, nothing is lost.
                Log.DrainFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(5), clock, stoppingToken);
            }
        }
    }

    /// <summary>A shared store's other hosts commit without telling this one: look again now and then.</summary>
    private TimeSpan Idle => store.IdleLook == Timeout.InfiniteTimeSpan ? TimeSpan.FromMinutes(5) : store.IdleLook * 25;

    private void Failed(Receipt receipt, Exception ex)
    {
        try
        {
            var tries = store.ReceiptFetchFailed(receipt, MaxTries);
            if (tries >= MaxTries)
            {
                Log.ReceiptGivenUp(logger, receipt.Key, tries);
            }
            else
            {
                Log.ReceiptFetchFailed(logger, receipt.Key, tries, ex);
            }
        }
        catch (Exception)
        {
            // Counting the failure failed too (the store): the receipt is tried again on the next pass.
        }
    }
}
