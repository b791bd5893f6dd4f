using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Options;

/// <summary>Checks that need more than attributes, so a bad setting stops start-up with a message instead of failing later.</summary>
internal sealed class ValidateBudgetBotOptions : IValidateOptions<BudgetBotOptions>
{
    public ValidateOptionsResult Validate(string? name, BudgetBotOptions options)
    {
        var errors = new List<string>();
        if (!TimeZones.TryFind(options.TimeZone, out _))
        {
            errors.Add($"BudgetBot:TimeZone '{options.TimeZone}' is not a known time zone.");
        }

        foreach (var admin in options.Admins.Where(a => !a.StartsWith("telegram:", StringComparison.Ordinal) && !a.StartsWith("line:", StringComparison.Ordinal)))
        {
            errors.Add($"BudgetBot:Admins entry '{admin}' must look like 'telegram:123456789' or 'line:U…'.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
