namespace BudgetBot.Domain.Conversation;

/// <summary>
/// A chat (or a person's own chat) on a platform. Kept as <c>platform:id</c> wherever it is stored (a subscription, an
/// outbox item, a person's identity); this is the one place that writes and reads that form.
/// </summary>
public readonly record struct ChatAddress(string Platform, string Id)
{
    public override string ToString() => Platform + ":" + Id;

    /// <summary>The address written as <c>platform:id</c>; null for text of another form.</summary>
    public static ChatAddress? Parse(string? text)
    {
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return colon > 0 && colon < text!.Length - 1 ? new ChatAddress(text[..colon], text[(colon + 1)..]) : null;
    }

    /// <summary>The platform a key of the form <c>platform:…</c> belongs to (a message's source key, say); "" when it has none.</summary>
    public static string PlatformOf(string key) => Parse(key)?.Platform ?? "";
}
