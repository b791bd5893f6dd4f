using BudgetBot.Host.Options;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Line;

/// <summary>LINE's own settings check, registered with the adapter.</summary>
internal sealed class LineOptionsCheck : IValidateOptions<BudgetBotOptions>
{
    public ValidateOptionsResult Validate(string? name, BudgetBotOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Line.ChannelSecret) != string.IsNullOrWhiteSpace(options.Line.ChannelAccessToken))
        {
            return ValidateOptionsResult.Fail("BudgetBot:Line:ChannelSecret and BudgetBot:Line:ChannelAccessToken go together: set both or neither.");
        }

        // LINE delivers webhooks over HTTPS only; a test double (another ApiBaseUrl) is not bound by that.
        return options.Line.Enabled() && Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var url) && url.Scheme != Uri.UriSchemeHttps
            && Uri.TryCreate(options.Line.ApiBaseUrl, UriKind.Absolute, out var api) && api.Host.Equals("api.line.me", StringComparison.OrdinalIgnoreCase)
            ? ValidateOptionsResult.Fail($"BudgetBot:PublicBaseUrl must be an https:// address for LINE's webhook, not {url.Scheme}://… (LINE delivers to nothing else).")
            : ValidateOptionsResult.Success;
    }
}
