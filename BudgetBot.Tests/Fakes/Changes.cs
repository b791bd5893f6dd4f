namespace BudgetBot.Tests.Fakes;

/// <summary>
/// A signal that something was added (a call, a delivery, an update): a waiter looks, and if what it wants is not
/// there yet, awaits the next change instead of sleeping and looking again.
/// </summary>
internal sealed class Changes
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Notify() => Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>The first non-null answer of <paramref name="look"/>, looked for again after every change; throws at the deadline.</summary>
    public async Task<T> WaitFor<T>(Func<T?> look, TimeSpan timeout, Func<string> whyNot)
        where T : class
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var next = _next.Task; // taken before looking, so a change during the look is not missed
            if (look() is { } found)
            {
                return found;
            }

            try
            {
                await next.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(whyNot());
            }
        }
    }

    /// <summary>Completes at the next change, or when <paramref name="ct"/> is cancelled.</summary>
    public Task Next(CancellationToken ct) => _next.Task.WaitAsync(ct);
}
