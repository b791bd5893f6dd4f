using BudgetBot.Host.Options;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Telegram;

/// <summary>Telegram's own settings check, registered with the adapter.</summary>
internal sealed class TelegramOptionsCheck : IValidateOptions<BudgetBotOptions>
{
    public ValidateOptionsResult Validate(string? name, BudgetBotOptions options) =>
        !string.IsNullOrWhiteSpace(options.Telegram.Token) && !string.IsNullOrEmpty(options.PublicBaseUrl) && string.IsNullOrEmpty(options.Telegram.WebhookSecret)
            ? ValidateOptionsResult.Fail("BudgetBot:Telegram:WebhookSecret is required when BudgetBot:PublicBaseUrl is set (webhook mode): without it every update would be refused.")
            : ValidateOptionsResult.Success;
}
