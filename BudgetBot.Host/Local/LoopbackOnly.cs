using System.Net;

namespace BudgetBot.Host.Local;

/// <summary>
/// Lets a request through only when it came over a loopback connection and names a loopback host. The second check
/// stops a same-host reverse proxy (which connects from loopback but forwards the public Host) and DNS rebinding (a
/// page on another site whose name resolves to 127.0.0.1 still sends its own name).
/// </summary>
/// It runs as middleware, ahead of body binding, so nothing from a refused request is read.
internal static class LoopbackOnly
{
    public static void UseLoopbackOnly(this WebApplication app, Func<PathString, bool> paths) =>
        app.Use(async (http, next) =>
        {
            if (paths(http.Request.Path) && !Allows(http))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                await http.Response.WriteAsync("The playground answers only on this machine (http://127.0.0.1 or http://localhost).\n", http.RequestAborted);
                return;
            }

            await next(http);
        });

    public static bool Allows(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote) && IsLoopbackName(http.Request.Host.Host);

    private static bool IsLoopbackName(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
