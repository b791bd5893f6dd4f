using BudgetBot.Tests.Storage;

namespace BudgetBot.Tests;

/// <summary>The test assembly doubles as a child process for the crash test; <c>dotnet test</c> never calls this.</summary>
public static class TestProgram
{
    public static int Main(string[] args)
    {
        if (args is ["crash-writer", var path])
        {
            return CrashWriter.Run(path);
        }

        Console.Error.WriteLine("This assembly holds BudgetBot's tests: run them with 'dotnet test'.");
        return 2;
    }
}
