using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Options;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Local;

/// <summary>
/// The browser playground at <c>/</c>: pick a demo person, chat, tap buttons, see charts, through the same engine as
/// the platforms. It speaks only for <c>local:</c> identities, so it cannot act as a Telegram or LINE user, exists only in
/// demo mode and answers only on this machine (<see cref="LoopbackOnly"/>).
/// </summary>
internal static class PlaygroundEndpoints
{
    public sealed record PlaygroundMessage(string Identity, string Chat, string? Text, string? Payload);

    public static void MapPlayground(this WebApplication app)
    {
        app.MapGet("/media/{id}", (string id, MediaFiles media) =>
            // A chart shows in the chat; a report or a ledger downloads under its own name (Content-Disposition, UTF-8 safe).
            media.Find(id) is { } path
                ? Results.File(path, MediaFiles.ContentType(id), id.EndsWith(".png", StringComparison.Ordinal) ? null : MediaFiles.DownloadName(path) ?? id)
                : Results.NotFound());

        if (!app.Services.GetRequiredService<IOptions<BudgetBotOptions>>().Value.DemoMode)
        {
            return;
        }

        app.UseLoopbackOnly(path => path == "/" || path.StartsWithSegments("/playground", StringComparison.Ordinal));
        var playground = app.MapGroup("");
        playground.MapGet("/", () => Results.Stream(typeof(PlaygroundEndpoints).Assembly.GetManifestResourceStream("BudgetBot.Host.Local.playground.html")!, "text/html; charset=utf-8"));
        playground.MapGet("/playground/sarabun.ttf", () => Results.File(BudgetBotConfiguration.Resolve("config/fonts/Sarabun-Regular.ttf"), "font/ttf"));
        playground.MapGet("/playground/people", (IBudgetStore store, IChatStore chat) =>
            store.Offices().SelectMany(o => chat.People(o.Id))
                .Where(p => p.Identities.Any(i => i.StartsWith("local:", StringComparison.Ordinal)))
                .DistinctBy(p => p.Id)
                .Select(p => new { identity = p.Identities.First(i => i.StartsWith("local:", StringComparison.Ordinal)), name = p.DisplayName, roles = string.Join(", ", p.Roles.Select(r => r.Role).Distinct().Select(r => RoleText.Name(new Say(p.Language), r))) }));
        // Messages the scheduler sent to a demo person or the playground group, newest last.
        playground.MapGet("/playground/feed", (string identity, string? after, Storage.IServiceStore feeds, HttpRequest request) =>
        {
            if (!identity.StartsWith("local:", StringComparison.Ordinal))
            {
                return Results.BadRequest();
            }

            var since = DateTimeOffset.TryParse(after, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var a) ? a : DateTimeOffset.MinValue;
            return Results.Ok(feeds.LocalFeed(identity, 20).Where(x => x.At > since).Select(x => new
            {
                at = x.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                text = x.Reply.Text,
                buttons = Buttons(x.Reply, request),
                attachments = Files(x.Reply, request),
                flex = Flex(x.Reply),
            }));
        });
        playground.MapPost("/playground/messages", async (PlaygroundMessage body, LocalConversation conversation, IChatStore chat, TimeProvider clock, HttpRequest request, CancellationToken ct) =>
        {
            if (!body.Identity.StartsWith("local:", StringComparison.Ordinal) || body.Identity.Length <= 6)
            {
                return Results.BadRequest(new { error = "The playground speaks only for local: identities." });
            }

            var user = body.Identity[6..];
            var group = body.Chat == "group";
            var name = chat.PersonByIdentity(body.Identity)?.DisplayName ?? user;
            var message = new IncomingMessage("local", group ? "playground-group" : user, group ? ChatKind.Group : ChatKind.Private, user, name,
                body.Text ?? "", Guid.NewGuid().ToString("N"), clock.GetUtcNow())
            {
                ButtonPayload = string.IsNullOrEmpty(body.Payload) ? null : body.Payload,
            };
            return Results.Ok((await conversation.AskAsync(message, ct)).Select(r => new
            {
                text = r.Text,
                buttons = Buttons(r, request),
                attachments = Files(r, request),
                flex = Flex(r),
            }));
        });
    }

    /// <summary>Buttons as the page shows them: a tap's payload, or a link at the playground's own address.</summary>
    private static IEnumerable<object> Buttons(Reply reply, HttpRequest request) =>
        reply.AllButtons.Select(b => new { label = b.Label, payload = b.Payload, url = b.Url is { } u ? Messaging.Links.Absolute(u, Here(request)) : null });

    private static IEnumerable<object> Files(Reply reply, HttpRequest request) =>
        reply.Attachments.Select(a => new { kind = a.Kind == AttachmentKind.Image ? "image" : "file", name = a.Name, url = a.Url is { } u ? Messaging.Links.Absolute(u, Here(request)) : null });

    /// <summary>A card as the Flex message LINE gets, for the page to draw as LINE would; null without one.</summary>
    private static System.Text.Json.Nodes.JsonNode? Flex(Reply reply) => reply.Card is { } card ? Line.LineMessages.Flex(card, reply.Text) : null;

    /// <summary>The address this request reached (a loopback one: the playground answers no other).</summary>
    private static string Here(HttpRequest request) => $"{request.Scheme}://{request.Host}";
}
