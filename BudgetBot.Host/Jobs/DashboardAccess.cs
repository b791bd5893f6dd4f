using System.Security.Cryptography;
using System.Text;
using BudgetBot.Host.Options;
using Hangfire.Dashboard;

namespace BudgetBot.Host.Jobs;

/// <summary>HTTP Basic with the configured user and password; without them, loopback requests to a loopback name only.</summary>
internal sealed class DashboardAccess(DashboardOptions options) : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => Allows(context.GetHttpContext(), options);

    /// <summary>
    /// True when admin pages must stay off: the service is reachable beyond this machine (a public URL, or listening on
    /// more than loopback) and no user and password are set.
    /// </summary>
    public static bool MustStayOff(BudgetBotOptions options, IConfiguration configuration) =>
        (!string.IsNullOrEmpty(options.PublicBaseUrl) || Listening.BeyondLoopback(configuration))
        && (string.IsNullOrEmpty(options.Dashboard.User) || string.IsNullOrEmpty(options.Dashboard.Password));

    /// <summary>The same rule for every admin-only page (the jobs dashboard, <c>/metrics</c>).</summary>
    public static bool Allows(HttpContext http, DashboardOptions options)
    {
        if (string.IsNullOrEmpty(options.User) || string.IsNullOrEmpty(options.Password))
        {
            return Local.LoopbackOnly.Allows(http);
        }

        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"BudgetBot jobs\"";
            return false;
        }

        string given;
        try
        {
            given = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = $"{options.User}:{options.Password}";
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
    }
}
