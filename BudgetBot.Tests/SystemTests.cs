namespace BudgetBot.Tests;

/// <summary>
/// Tests that need a system package (PostgreSQL's server programs, Chromium). Where it is missing they skip and say
/// why; where the run says it installed them (<c>BUDGETBOT_REQUIRE_SYSTEM_TESTS=1</c>, set by <c>.ci/run</c>) a missing
/// or broken one fails the test instead, so CI can never pass by skipping them.
/// </summary>
internal static class SystemTests
{
    public static bool Required => Environment.GetEnvironmentVariable("BUDGETBOT_REQUIRE_SYSTEM_TESTS") == "1";

    public static void Need(bool available, string why)
    {
        if (!available && Required)
        {
            throw new InvalidOperationException("BUDGETBOT_REQUIRE_SYSTEM_TESTS=1 but " + why);
        }

        Skip.IfNot(available, why);
    }
}
