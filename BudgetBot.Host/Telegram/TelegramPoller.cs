using System.Globalization;
using System.Text.Json;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Messaging;
using BudgetBot.Host.Options;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace BudgetBot.Host.Telegram;

/// <summary>
/// Long polling without Telegram.Bot's loop, which moves the offset before the handler runs: each batch is stored in the
/// inbox first, and only then is the offset moved past it (the next getUpdates confirms them to Telegram).
/// </summary>
internal sealed class TelegramPoller(
    TelegramBot bot, IMessageQueue messages, Messaging.IHostLocks locks, MessageSignals signals, IOptions<BudgetBotOptions> options, TimeProvider clock, ILogger<TelegramPoller> logger)
    : BackgroundService
{
    public const string OffsetKey = "telegram:offset";
    private const string LeaseName = "telegram:polling";

    /// <summary>How often a host that does not hold the polling lease asks for it again.</summary>
    private static readonly TimeSpan LeaseRetry = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!bot.Enabled || !string.IsNullOrEmpty(options.Value.PublicBaseUrl))
        {
            return;
        }

        await bot.Ready.Task.WaitAsync(stoppingToken);
        // Telegram answers one getUpdates at a time per bot: one host polls, and another takes over when it dies.
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await locks.WhileLeaderAsync(LeaseName, PollAsync, stoppingToken))
                {
                    continue;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Log.LeaseFailed(logger, LeaseName, ex);
            }

            await Task.Delay(LeaseRetry, clock, stoppingToken);
        }
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var offset = messages.State(OffsetKey) is { } saved ? int.Parse(saved, CultureInfo.InvariantCulture) : (int?)null;
                var updates = await bot.Client.GetUpdates(offset, timeout: options.Value.Telegram.PollTimeoutSeconds, allowedUpdates: TelegramStartup.Updates, cancellationToken: stoppingToken);
                if (updates.Length > 0)
                {
                    // The batch and the offset past it in one commit.
                    var now = clock.GetUtcNow();
                    var events = updates.Select(u => new InboundEvent(TelegramKey(u.Id), TelegramUpdates.Platform, JsonSerializer.Serialize(u, JsonBotAPI.Options), now) { Chat = TelegramUpdates.ChatOf(u) }).ToList();
                    var stored = messages.Run(() =>
                    {
                        var stored = messages.ReceiveAll(events);
                        messages.SetState(OffsetKey, (updates.Max(u => u.Id) + 1).ToString(CultureInfo.InvariantCulture));
                        return stored;
                    });
                    Metrics.ServiceMetrics.Received(events, stored);
                    signals.WakeDrainer();
                }

                failures = 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                var wait = Math.Min(30, 1 << Math.Min(failures++, 5));
                Log.TelegramPollFailed(logger, wait, ex);
                await Task.Delay(TimeSpan.FromSeconds(wait), clock, stoppingToken);
            }
        }
    }

    public static string TelegramKey(int updateId) => "telegram:" + updateId.ToString(CultureInfo.InvariantCulture);
}
