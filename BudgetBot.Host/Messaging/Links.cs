namespace BudgetBot.Host.Messaging;

/// <summary>Where a link button's path is reached from a phone: under the address the service is known by.</summary>
internal static class Links
{
    /// <summary>
    /// <paramref name="url"/> as an absolute address: as it is when it already is one, under <paramref name="baseUrl"/>
    /// otherwise; null when there is no base (a path alone opens nothing in a chat app).
    /// </summary>
    public static string? Absolute(string url, string? baseUrl)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "https" or "http")
        {
            return absolute.ToString();
        }

        return string.IsNullOrWhiteSpace(baseUrl) || !url.StartsWith('/') ? null : baseUrl.TrimEnd('/') + url;
    }
}
