using BudgetBot.Host.Options;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Line;

/// <summary>At start: our bot's user id, which a webhook's <c>destination</c> must match. Without it every destination is accepted.</summary>
internal sealed class LineStartup(LineApi api, LineBotInfo bot, IOptions<BudgetBotOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Line.Enabled())
        {
            return;
        }

        try
        {
            bot.UserId = await api.BotUserIdAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
        {
            bot.UserId = null;
        }
    }
}
