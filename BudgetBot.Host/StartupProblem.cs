using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host;

/// <summary>A reason the service cannot start that the operator can fix; printed as one line, never as a stack trace.</summary>
internal sealed partial class StartupProblem(string message, Exception? cause = null) : Exception(message, cause)
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
            case var full when Storage.DiskSpace.IsFull(full):
                // Whichever part wrote first (the store, the scheduler's SQLite file), the cause is the same.
                return ["the disk holding the data dir is full (" + Innermost(full).Message.Trim() + "); free some space and start again."];
            case AggregateException many when many.InnerExceptions.Select(Lines).ToList() is var all && all.All(l => l is not null):
                return all.SelectMany(l => l!).ToList();
            case InvalidOperationException when Unreadable().Match(error.Message) is { Success: true } m:
                // The value itself is left out: it is the operator's own, and a mistyped line may hold a secret.
                return [$"the setting {m.Groups["path"].Value.Replace(":", "__", StringComparison.Ordinal)} cannot be read as {Kind(m.Groups["type"].Value)}; correct it, or remove it to use the default."];
            case { InnerException: { } inner } when error is InvalidOperationException or System.Reflection.TargetInvocationException:
                return Lines(inner);
            default:
                return null;
        }
    }

    private static Exception Innermost(Exception error) => error.InnerException is { } inner ? Innermost(inner) : error;

    private static string Kind(string type) => type switch
    {
        "System.TimeOnly" => "a time of day (HH:mm, such as 08:30)",
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Decimal" or "System.Double" => "a number",
        "System.Boolean" => "true or false",
        "System.DayOfWeek" => "a day of the week (Monday … Sunday)",
        _ => "a " + type[(type.LastIndexOf('.') + 1)..],
    };

    // The configuration binder's message when a value does not convert to its setting's type.
    [System.Text.RegularExpressions.GeneratedRegex("^Failed to convert configuration value '.*' at '(?<path>[^']+)' to type '(?<type>[^']+)'", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex Unreadable();
}
