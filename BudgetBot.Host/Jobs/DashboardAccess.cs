using System.Security.Cryptography;
using System.Text;
using BudgetBot.Host.Options;
using Hangfire.Dashboard;

namespace BudgetBot.Host.Jobs;

/// <summary>HTTP Basic with the configured user and password; without them, loopback requests to a loopback name only.</summary>
internal sealed class DashboardAccess(DashboardOptions options) : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
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
