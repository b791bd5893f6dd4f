using System.Net;
using System.Net.Http.Json;
using System.Text;
using BudgetBot.Domain.Budget;
using BudgetBot.Host.Storage;
using BudgetBot.Tests.Fakes;
using BudgetBot.Tests.Telegram;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetBot.Tests.Security;

/// <summary>The playground acts as the demo office's admin, so it exists only in demo mode and only for this machine.</summary>
public sealed class PlaygroundAccessTests
{
    private const string AsAdmin = """{"identity":"local:admin","chat":"private","text":"/invite admin"}""";

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1:5080", HttpStatusCode.OK)]
    [InlineData("127.0.0.1", "localhost:5080", HttpStatusCode.OK)]
    [InlineData("::1", "[::1]:5080", HttpStatusCode.OK)]
    [InlineData("192.0.2.10", "127.0.0.1:5080", HttpStatusCode.Forbidden)]
    [InlineData("127.0.0.1", "budget.example.go.th", HttpStatusCode.Forbidden)]
    [InlineData("127.0.0.1", "rebind.attacker.example:5080", HttpStatusCode.Forbidden)]
    [InlineData(null, "127.0.0.1:5080", HttpStatusCode.Forbidden)]
    public async Task Playground_InDemoMode_AnswersOnlyLoopbackRequestsToALoopbackName(string? remote, string host, HttpStatusCode expected)
    {
        await using var factory = DemoHost(Seed.TempDir());

        var page = await Send(factory, "GET", "/", null, remote, host);
        var message = await Send(factory, "POST", "/playground/messages", AsAdmin, remote, host);

        Assert.True(expected == page.StatusCode, $"{page.ReasonPhrase}: {page.StatusCode} {await page.Content.ReadAsStringAsync()}");
        Assert.True(expected == message.StatusCode, $"{message.ReasonPhrase}: {message.StatusCode} {await message.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Playground_WithAPlatformConfigured_IsAbsent_AndNoLocalIdentityHasARole()
    {
        await using var telegram = await FakeTelegramApi.StartAsync();
        var dir = Seed.TempDir();
        await using (var demo = DemoHost(dir))
        {
            // The data dir begins as a demo: its demo people hold every role.
            Assert.Equal(HttpStatusCode.OK, (await Send(demo, "GET", "/", null, "127.0.0.1", "127.0.0.1")).StatusCode);
        }

        await using (var real = TelegramHost.Start(telegram, dir))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await Send(real, "GET", "/", null, "127.0.0.1", "127.0.0.1")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await Send(real, "POST", "/playground/messages", AsAdmin, "127.0.0.1", "127.0.0.1")).StatusCode);

            // Read through the host's own store: the data file is its alone while it runs.
            var store = real.Services.GetRequiredService<IServiceStore>();
            var office = store.Offices().Single().Id;
            Assert.DoesNotContain(store.People(office), p => p.Identities.Any(i => i.StartsWith("local:", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task EmptyDataDir_WithAPlatformConfigured_GetsNoDemoOffice()
    {
        await using var telegram = await FakeTelegramApi.StartAsync();
        var dir = Seed.TempDir();
        await using var real = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(
        [
            new("BudgetBot:DataDir", dir),
            new("BudgetBot:Telegram:Token", FakeTelegramApi.Token),
            new("BudgetBot:Telegram:ApiBaseUrl", telegram.Url.ToString().TrimEnd('/')),
        ])));
        using var client = real.CreateClient();

        var health = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/healthz");

        Assert.Equal(0, health.GetProperty("offices").GetInt32());
    }

    [Theory]
    [InlineData("true", HttpStatusCode.OK)]
    [InlineData("false", HttpStatusCode.NotFound)]
    public async Task PlaygroundEnabled_OverridesTheDefault(string enabled, HttpStatusCode expected)
    {
        await using var telegram = await FakeTelegramApi.StartAsync();
        await using var factory = TelegramHost.Start(telegram, Seed.TempDir(), ("BudgetBot:Playground:Enabled", enabled));
        Assert.Equal(expected, (await Send(factory, "GET", "/", null, "127.0.0.1", "127.0.0.1")).StatusCode);

        await using var demo = DemoHost(Seed.TempDir(), ("BudgetBot:Playground:Enabled", enabled));
        Assert.Equal(expected, (await Send(demo, "GET", "/", null, "127.0.0.1", "127.0.0.1")).StatusCode);
    }

    private static WebApplicationFactory<Program> DemoHost(string dir, params (string Key, string Value)[] extra) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.ConfigureAppConfiguration((_, c) =>
            c.AddInMemoryCollection([new("BudgetBot:DataDir", dir), .. extra.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value))])));

    /// <summary>A request as if it came over a socket from <paramref name="remote"/>: the test server has none of its own.</summary>
    internal static async Task<HttpResponseMessage> Send(WebApplicationFactory<Program> factory, string method, string path, string? json, string? remote, string host, params (string Name, string Value)[] headers)
    {
        var context = await factory.Server.SendAsync(c =>
        {
            foreach (var (name, value) in headers)
            {
                c.Request.Headers[name] = value;
            }

            c.Request.Method = method;
            c.Request.Path = path;
            c.Request.Host = HostString.FromUriComponent(host);
            c.Connection.RemoteIpAddress = remote is null ? null : IPAddress.Parse(remote);
            if (json is not null)
            {
                c.Request.ContentType = "application/json";
                var bytes = Encoding.UTF8.GetBytes(json);
                c.Request.Body = new MemoryStream(bytes);
                c.Request.ContentLength = bytes.Length;
                c.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>(new HasBody());
            }
        });
        var body = context.Response.Body.CanSeek || context.Response.Body.CanRead ? await new StreamReader(context.Response.Body).ReadToEndAsync() : "";
        return new HttpResponseMessage((HttpStatusCode)context.Response.StatusCode) { Content = new StringContent(body), ReasonPhrase = method + " " + path };
    }

    private sealed class HasBody : Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }
}
