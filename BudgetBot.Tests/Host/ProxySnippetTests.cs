using System.Text.RegularExpressions;
using BudgetBot.Tests.Fakes;
using BudgetBot.Tests.Line;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetBot.Tests.Host;

/// <summary>
/// The reverse-proxy snippets in deploy/ forward exactly the public routes: every route the app maps with both platforms
/// configured is forwarded unless it is one of the few kept on the machine, and none of those is.
/// </summary>
public sealed partial class ProxySnippetTests
{
    /// <summary>Routes for this machine only: the playground (demo mode), and the admin pages, which proxies must not expose.</summary>
    private static readonly string[] Private = ["/", "/playground/", "/hangfire", "/metrics"];

    [Fact]
    public async Task Snippets_ForwardEveryPublicRoute_AndNoPrivateOne()
    {
        var routes = await AppRoutes();
        var samples = routes.Select(Sample).Distinct().ToList();
        var publicPaths = samples.Where(p => !IsPrivate(p)).ToList();
        var privatePaths = samples.Where(IsPrivate).Concat(["/", "/playground/feed", "/hangfire/jobs", "/metrics"]).Distinct().ToList();
        Assert.Contains("/webhooks/telegram", publicPaths);
        Assert.Contains("/webhooks/line", publicPaths);
        Assert.Contains("/reports/sarabun.ttf", publicPaths);
        Assert.Contains("/readyz", publicPaths);
        Assert.Contains("/metrics", samples);

        var root = PublishedBuildTests.RepositoryRoot();
        var nginx = File.ReadAllText(Path.Combine(root, "deploy", "nginx.conf"));
        var caddy = File.ReadAllText(Path.Combine(root, "deploy", "Caddyfile"));
        foreach (var path in publicPaths)
        {
            Assert.True(NginxForwards(nginx, path), $"nginx.conf does not forward {path}");
            Assert.True(CaddyForwards(caddy, path), $"Caddyfile does not forward {path}");
        }

        foreach (var path in privatePaths)
        {
            Assert.False(NginxForwards(nginx, path), $"nginx.conf forwards {path}");
            Assert.False(CaddyForwards(caddy, path), $"Caddyfile forwards {path}");
        }
    }

    private static async Task<List<string>> AppRoutes()
    {
        await using var telegram = await FakeTelegramApi.StartAsync();
        await using var line = await FakeLineApi.StartAsync();
        await using var app = LineHost.Start(line,
            ("BudgetBot:Telegram:Token", FakeTelegramApi.Token), ("BudgetBot:Telegram:ApiBaseUrl", telegram.Url.ToString().TrimEnd('/')));
        app.CreateClient().Dispose();
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/')).ToList();
    }

    /// <summary>A path the route matches: each parameter filled with a made-up value.</summary>
    private static string Sample(string route) => Parameter().Replace(route, "x1");

    private static bool IsPrivate(string path) => Private.Any(p => p == "/" ? path == "/" : path == p || path.StartsWith(p.TrimEnd('/') + "/", StringComparison.Ordinal));

    /// <summary>nginx's choice: an exact <c>location =</c> first, else the longest prefix; forwarded when that block proxies.</summary>
    private static bool NginxForwards(string config, string path)
    {
        var blocks = NginxLocation().Matches(config).Select(m => (Exact: m.Groups["exact"].Success, Prefix: m.Groups["path"].Value, Body: m.Groups["body"].Value)).ToList();
        var chosen = blocks.FirstOrDefault(b => b.Exact && b.Prefix == path);
        if (chosen.Prefix is null)
        {
            chosen = blocks.Where(b => !b.Exact && path.StartsWith(b.Prefix, StringComparison.Ordinal)).MaxBy(b => b.Prefix.Length);
        }

        return chosen.Body?.Contains("proxy_pass", StringComparison.Ordinal) == true;
    }

    /// <summary>Caddy: forwarded when a path of the <c>@public</c> matcher (a trailing * is a prefix) matches, and that matcher's handle proxies.</summary>
    private static bool CaddyForwards(string config, string path)
    {
        var matcher = CaddyPublic().Match(config);
        Assert.True(matcher.Success, "the Caddyfile names its public paths in @public");
        Assert.Matches(@"handle @public \{[^}]*(\{[^}]*\}[^}]*)*reverse_proxy", config);
        return matcher.Groups["paths"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(p => p.EndsWith('*') ? path.StartsWith(p[..^1], StringComparison.Ordinal) : path == p);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"location\s+(?<exact>=\s+)?(?<path>\S+)\s*\{(?<body>[^}]*)\}")]
    private static partial Regex NginxLocation();

    [GeneratedRegex(@"@public path (?<paths>[^\n]+)")]
    private static partial Regex CaddyPublic();
}
