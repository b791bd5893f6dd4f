namespace BudgetBot.Domain.Conversation.Commands;

/// <summary><c>/lang th|en</c>, <c>ภาษา</c>: the caller's reply language.</summary>
internal sealed class LanguageCommand : ICommand
{
    public Intent Intent => Intent.Language;

    public IReadOnlyList<Reply> Run(CommandContext ctx)
    {
        var language = ctx.Args.Trim().ToLowerInvariant() switch
        {
            "en" or "english" or "อังกฤษ" => "en",
            "th" or "thai" or "ไทย" => "th",
            _ => null,
        };
        if (language is null)
        {
            return [ctx.Text("พิมพ์ ภาษา en (English) หรือ ภาษา th (ไทย)", "Type /lang en (English) or /lang th (ไทย).")];
        }

        ctx.Chat.SavePerson(ctx.Person! with { Language = language });
        return [new Reply(language == "en" ? "Replies are now in English." : "ตอบเป็นภาษาไทยแล้ว")];
    }
}
