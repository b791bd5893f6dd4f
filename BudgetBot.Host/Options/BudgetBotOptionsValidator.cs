using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Options;

/// <summary>The attribute checks of every section, nested ones included, written by the options source generator.</summary>
[OptionsValidator]
internal sealed partial class BudgetBotOptionsValidator : IValidateOptions<BudgetBotOptions>;
