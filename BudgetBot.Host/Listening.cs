using System.Net;

namespace BudgetBot.Host;

/// <summary>Whether the configured addresses let other machines reach the host, which decides what may be exposed.</summary>
internal static class Listening
{
    /// <summary>
    /// Whether addresses were given: <c>urls</c>, or ports alone (<c>ASPNETCORE_HTTP_PORTS</c>, which ASP.NET Core's
    /// container images set, and which mean every interface).
    /// </summary>
    public static bool Configured(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["urls"]) || !string.IsNullOrEmpty(configuration["http_ports"]) || !string.IsNullOrEmpty(configuration["https_ports"]);

    public static bool BeyondLoopback(IConfiguration configuration)
    {
        if (string.IsNullOrEmpty(configuration["urls"]) && Configured(configuration))
        {
            return true;
        }

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
