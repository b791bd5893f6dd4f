using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace BudgetBot.Tests.Security;

/// <summary>The jobs dashboard can delete and re-run jobs: closed to anyone but this machine unless a password is set.</summary>
public sealed class DashboardAccessTests
{
    private static readonly (string, string) GoodLogin = ("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ops:correct-horse")));

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1:5080", HttpStatusCode.OK)]
    [InlineData("192.0.2.7", "127.0.0.1:5080", HttpStatusCode.Unauthorized)]
    [InlineData("127.0.0.1", "budget.example.go.th", HttpStatusCode.Unauthorized)]
    [InlineData(null, "127.0.0.1:5080", HttpStatusCode.Unauthorized)]
    public async Task WithoutCredentials_OnLoopback_OnlyThisMachine(string? remote, string host, HttpStatusCode expected)
    {
        await using var factory = Host();
        Assert.Equal(expected, (await PlaygroundAccessTests.Send(factory, "GET", "/hangfire", null, remote, host)).StatusCode);
    }

    [Theory]
    [InlineData("BudgetBot:PublicBaseUrl", "https://budget.example.go.th")]
    [InlineData("urls", "http://0.0.0.0:5080")]
    [InlineData("urls", "http://*:5080")]
    public async Task Exposed_WithoutCredentials_IsNotServedAtAll(string key, string value)
    {
        await using var factory = Host((key, value), ("BudgetBot:Telegram:WebhookSecret", "x"));
        Assert.Equal(HttpStatusCode.NotFound, (await PlaygroundAccessTests.Send(factory, "GET", "/hangfire", null, "127.0.0.1", "127.0.0.1")).StatusCode);
    }

    /// <summary>Ports alone (ASP.NET Core's container images set <c>ASPNETCORE_HTTP_PORTS</c>) mean every interface.</summary>
    [Theory]
    [InlineData("http_ports", "8080", true)]
    [InlineData("https_ports", "8443", true)]
    [InlineData("urls", "http://127.0.0.1:5080", false)]
    [InlineData("urls", "http://localhost:5080;http://[::1]:5080", false)]
    [InlineData("unrelated", "x", false)]
    public void PortsAlone_AreEveryInterface(string key, string value, bool exposed)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();
        Assert.Equal(exposed, BudgetBot.Host.Listening.BeyondLoopback(configuration));
        Assert.Equal(key != "unrelated", BudgetBot.Host.Listening.Configured(configuration));
    }

    [Fact]
    public async Task Exposed_WithCredentials_NeedsThemEvenFromLoopback()
    {
        await using var factory = Host(("BudgetBot:PublicBaseUrl", "https://budget.example.go.th"), ("BudgetBot:Dashboard:User", "ops"), ("BudgetBot:Dashboard:Password", "correct-horse"));
        var wrong = ("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ops:guess")));

        Assert.Equal(HttpStatusCode.Unauthorized, (await PlaygroundAccessTests.Send(factory, "GET", "/hangfire", null, "127.0.0.1", "127.0.0.1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PlaygroundAccessTests.Send(factory, "GET", "/hangfire", null, "127.0.0.1", "127.0.0.1", wrong)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PlaygroundAccessTests.Send(factory, "GET", "/hangfire", null, "192.0.2.7", "budget.example.go.th", GoodLogin)).StatusCode);
    }

    [Fact]
    public async Task PostAction_WithoutAntiforgeryToken_IsRefused()
    {
        await using var factory = Host(("BudgetBot:Dashboard:User", "ops"), ("BudgetBot:Dashboard:Password", "correct-horse"));
        var response = await PlaygroundAccessTests.Send(factory, "POST", "/hangfire/recurring/trigger", null, "127.0.0.1", "127.0.0.1", GoodLogin, ("Content-Type", "application/x-www-form-urlencoded"));
        Assert.False(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
    }

    [Fact]
    public async Task ForwardedFor_IsBelievedOnlyFromAConfiguredProxy()
    {
        // A same-host proxy forwards a stranger's request: with the proxy configured the stranger is seen and refused.
        await using (var configured = Host(("BudgetBot:KnownProxies:0", "127.0.0.1")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await PlaygroundAccessTests.Send(configured, "GET", "/hangfire", null, "127.0.0.1", "127.0.0.1", ("X-Forwarded-For", "203.0.113.9"))).StatusCode);
        }

        // A stranger cannot claim to be local through the header when the sender is not a configured proxy.
        await using var open = Host(("BudgetBot:KnownProxies:0", "127.0.0.1"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await PlaygroundAccessTests.Send(open, "GET", "/hangfire", null, "192.0.2.7", "127.0.0.1", ("X-Forwarded-For", "127.0.0.1"))).StatusCode);
    }

    private static WebApplicationFactory<Program> Host(params (string Key, string Value)[] extra) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.ConfigureAppConfiguration((_, c) =>
            c.AddInMemoryCollection([new("BudgetBot:DataDir", Seed.TempDir()), .. extra.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value))])));
}
