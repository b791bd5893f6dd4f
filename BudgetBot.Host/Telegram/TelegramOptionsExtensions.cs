using BudgetBot.Host.Options;

namespace BudgetBot.Host.Telegram;

internal static class TelegramOptionsExtensions
{
    public static bool Enabled(this TelegramOptions options) => !string.IsNullOrWhiteSpace(options.Token);
}
