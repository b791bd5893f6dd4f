namespace BudgetBot.Domain.Conversation;

/// <summary>A button; <see cref="Payload"/> is an opaque key to state kept on the server, never trusted input.</summary>
public sealed record Button(string Label, string Payload);

public enum AttachmentKind
{
    Image,
    Spreadsheet,
}

/// <summary>A file the adapter produces and sends with the reply, named by what it shows (e.g. <c>report:office/2566:h1</c>).</summary>
public sealed record Attachment(AttachmentKind Kind, string Name, string Content);

/// <summary>What the bot says back: text, rows of buttons, attachments. Each platform adapter translates it.</summary>
public sealed record Reply(string Text)
{
    public IReadOnlyList<IReadOnlyList<Button>> Buttons { get; init; } = [];

    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    /// <summary>People to mention in a group (person ids); each platform does it its own way, where it can.</summary>
    public IReadOnlyList<string> Mentions { get; init; } = [];

    public IEnumerable<Button> AllButtons => Buttons.SelectMany(r => r);
}
