using BudgetBot.Host.Options;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Line;

/// <summary>Reads LINE's monthly quota and what has been used of it at start and then once a day; a failed reading is logged and tried the next day.</summary>
internal sealed class LineQuotaWatch(LineApi api, LineQuota quota, IOptions<BudgetBotOptions> options, TimeProvider clock, ILogger<LineQuotaWatch> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Line.Enabled())
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await api.QuotaAsync(stoppingToken) is { } reading)
                {
                    quota.Read(reading.Limit, reading.Used);
                    Log.LineQuotaRead(logger, reading.Used, reading.Limit);
                }
                else
                {
                    Log.LineQuotaUnread(logger, null);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever LINE answers, the watch goes on (and the host with it).
                Log.LineQuotaUnread(logger, ex);
            }

            await Task.Delay(Every, clock, stoppingToken);
        }
    }
}
