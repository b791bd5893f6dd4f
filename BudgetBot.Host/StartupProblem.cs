using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host;

/// <summary>A reason the service cannot start that the operator can fix; printed as one line, never as a stack trace.</summary>
internal sealed class StartupProblem(string message, Exception? cause = null) : Exception(message, cause)
{
    /// <summary>One line per problem when <paramref name="error"/> is one the operator can fix; null for a bug.</summary>
    public static IReadOnlyList<string>? Lines(Exception error)
    {
        switch (error)
        {
            case StartupProblem problem:
                return [problem.Message];
            case OptionsValidationException invalid:
                return invalid.Failures.SelectMany(f => f.Split("; ", StringSplitOptions.RemoveEmptyEntries)).Distinct().ToList();
            case IOException { InnerException: AddressInUseException } busy:
                return [$"{busy.Message.TrimEnd('.')}: another program is using that port; stop it or choose another address with --urls."];
            case AggregateException many when many.InnerExceptions.Select(Lines).ToList() is var all && all.All(l => l is not null):
                return all.SelectMany(l => l!).ToList();
            case { InnerException: { } inner } when error is InvalidOperationException or System.Reflection.TargetInvocationException:
                return Lines(inner);
            default:
                return null;
        }
    }
}
