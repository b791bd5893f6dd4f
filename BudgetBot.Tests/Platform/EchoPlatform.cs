using System.Collections.Concurrent;
using System.Text.Json;
using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetBot.Tests.Platform;

/// <summary>
/// A platform that exists only in the tests, to show that adding one takes a webhook, a channel and a message mapping
/// and nothing in the message path, the store or the settings check: <c>POST /webhooks/echo</c> takes
/// <c>{"id","chat","user","text"}</c>, and the channel keeps what it sends.
/// </summary>
internal sealed class EchoChannel : IPlatformChannel
{
    public const string Name = "echo";

    public ConcurrentQueue<(string ChatId, Reply Reply)> Sent { get; } = new();

    public string Platform => Name;

    public bool Enabled => true;

    public IReadOnlyList<InboundAction> Read(InboundEvent stored)
    {
        var m = JsonSerializer.Deserialize<EchoMessage>(stored.Payload) ?? throw new JsonException("empty message");
        return [new InboundAction.Handle(new IncomingMessage(Name, m.Chat, ChatKind.Private, m.User, "Echo " + m.User, m.Text, m.Id, stored.At))];
    }

    public Task<SendOutcome> SendAsync(OutboxItem item, Action<int> partSent, CancellationToken ct)
    {
        Sent.Enqueue((item.ChatId, item.Reply));
        return Task.FromResult(SendOutcome.Done(1));
    }

    /// <summary>The test keeps every send, so a repeat would be seen; it is never asked to repeat one.</summary>
    public bool ResendIsSafe(OutboxItem item) => false;
}

internal sealed record EchoMessage(string Id, string Chat, string User, string Text);

internal static class EchoSetup
{
    /// <summary>What <c>AddTelegram</c> and <c>AddLine</c> register for their platforms: the channel and its identity form.</summary>
    public static IServiceCollection AddEcho(this IServiceCollection services)
    {
        services.AddSingleton<EchoChannel>();
        services.AddSingleton<IPlatformChannel>(sp => sp.GetRequiredService<EchoChannel>());
        services.AddSingleton(new PlatformIdentity(EchoChannel.Name, "echo:alice"));
        services.AddSingleton<IStartupFilter, EchoRoutes>();
        return services;
    }

    /// <summary>The webhook: the event is stored before the answer, as every platform's is.</summary>
    public static void MapEcho(this IEndpointRouteBuilder app) =>
        app.MapPost("/webhooks/echo", async (HttpRequest request, InboxWriter inbox, TimeProvider clock) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var message = JsonSerializer.Deserialize<EchoMessage>(body)!;
            await inbox.ReceiveAsync([new InboundEvent("echo:" + message.Id, EchoChannel.Name, body, clock.GetUtcNow()) { Chat = "echo:" + message.Chat }]);
            return Results.Ok();
        });

    /// <summary>The test host is <c>Program</c> as it is; its routes are added here, as <c>Program</c> adds <c>MapTelegram</c>.</summary>
    private sealed class EchoRoutes : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseRouting();
            app.UseEndpoints(e => e.MapEcho());
            next(app);
        };
    }
}
