using BudgetBot.Tests.Fakes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace BudgetBot.Tests.Line;

/// <summary>The real host with the LINE adapter pointed at the loopback fake; line:Uadmin… are admins of the demo office.</summary>
internal static class LineHost
{
    public const string Admin = "Uadmin00000000000000000000000001";
    public const string Admin2 = "Uadmin00000000000000000000000002";
    public const string Group = "Cgroup00000000000000000000000001";

    public static WebApplicationFactory<Program> Start(FakeLineApi fake, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["BudgetBot:DataDir"] = Seed.WithOffice(Seed.TempDir()),
            ["BudgetBot:Line:ChannelSecret"] = FakeLineApi.Secret,
            ["BudgetBot:Line:ChannelAccessToken"] = FakeLineApi.AccessToken,
            ["BudgetBot:Line:ApiBaseUrl"] = fake.Url.ToString().TrimEnd('/'),
            ["BudgetBot:Line:DataApiBaseUrl"] = fake.Url.ToString().TrimEnd('/'),
            ["BudgetBot:Admins:0"] = "line:" + Admin,
            ["BudgetBot:Admins:1"] = "line:" + Admin2,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(settings)));
    }
}
