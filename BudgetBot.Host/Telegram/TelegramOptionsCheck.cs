using BudgetBot.Host.Options;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Telegram;

/// <summary>Telegram's own settings check, registered with the adapter.</summary>
internal sealed class TelegramOptionsCheck : IValidateOptions<BudgetBotOptions>
{
    /// <summary>The ports Telegram's servers deliver webhooks to.</summary>
    private static readonly int[] WebhookPorts = [443, 80, 88, 8443];

    public ValidateOptionsResult Validate(string? name, BudgetBotOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Telegram.Token) || string.IsNullOrEmpty(options.PublicBaseUrl))
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (string.IsNullOrEmpty(options.Telegram.WebhookSecret))
        {
            errors.Add("BudgetBot:Telegram:WebhookSecret is required when BudgetBot:PublicBaseUrl is set (webhook mode): without it every update would be refused.");
        }

        // Telegram's own servers accept only these; a self-hosted Bot API server (another ApiBaseUrl) is not bound by them.
        if (Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var url) && IsTelegramItself(options.Telegram.ApiBaseUrl)
            && (url.Scheme != Uri.UriSchemeHttps || !WebhookPorts.Contains(url.Port)))
        {
            errors.Add($"BudgetBot:PublicBaseUrl must be an https:// address on port 443, 80, 88 or 8443 for Telegram's webhook, not {url.Scheme}://…:{url.Port} (setWebhook would be refused and no update would arrive).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsTelegramItself(string apiBaseUrl) =>
        Uri.TryCreate(apiBaseUrl, UriKind.Absolute, out var api) && api.Host.Equals("api.telegram.org", StringComparison.OrdinalIgnoreCase);
}
