using BudgetBot.Host.Options;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Line;

/// <summary>LINE's own settings check, registered with the adapter.</summary>
internal sealed class LineOptionsCheck : IValidateOptions<BudgetBotOptions>
{
    public ValidateOptionsResult Validate(string? name, BudgetBotOptions options) =>
        string.IsNullOrWhiteSpace(options.Line.ChannelSecret) != string.IsNullOrWhiteSpace(options.Line.ChannelAccessToken)
            ? ValidateOptionsResult.Fail("BudgetBot:Line:ChannelSecret and BudgetBot:Line:ChannelAccessToken go together: set both or neither.")
            : ValidateOptionsResult.Success;
}
