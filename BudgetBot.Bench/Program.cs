using BudgetBot.Bench;

return args switch
{
    ["storage", .. var rest] => StorageBench.Run(rest.Contains("--quick"), rest.Contains("--json")),
    ["load", .. var rest] => await BudgetBot.Bench.Load.LoadBench.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project BudgetBot.Bench -- storage [--quick] [--json]");
    Console.Error.WriteLine("       dotnet run -c Release --project BudgetBot.Bench -- load [--quick] [--json] [--ledger 0,10000,1000000] [--seconds 10] [--store litedb|postgres] [--hosts 2] [--host path/to/BudgetBot.Host.dll]");
    return 2;
}
