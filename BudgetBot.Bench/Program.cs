using BudgetBot.Bench;

return args switch
{
    ["storage", .. var rest] => StorageBench.Run(rest.Contains("--quick"), rest.Contains("--json")),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project BudgetBot.Bench -- storage [--quick] [--json]");
    return 2;
}
