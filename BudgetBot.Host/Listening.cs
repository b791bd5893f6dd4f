using System.Net;

namespace BudgetBot.Host;

/// <summary>Whether the configured addresses let other machines reach the host, which decides what may be exposed.</summary>
internal static class Listening
{
    public static bool BeyondLoopback(IConfiguration configuration)
    {
        var urls = (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? HostingExtensions.DefaultUrl)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        return urls.Any(url => !IsLoopback(url));
    }

    private static bool IsLoopback(string url)
    {
        // "http://*:80" and "http://+:80" are not valid URIs, and mean every interface anyway.
        if (!Uri.TryCreate(url.Replace("*", "any", StringComparison.Ordinal).Replace("+", "any", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
