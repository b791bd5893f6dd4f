using BudgetBot.Domain.Budget;

namespace BudgetBot.Domain.Conversation.Commands;

/// <summary><c>/lang th|en</c>, <c>ภาษา</c>: the caller's reply language.</summary>
internal sealed class LanguageCommand : ICommand
{
    public Intent Intent => Intent.Language;

    public IReadOnlyList<Reply> Run(CommandContext ctx)
    {
        if (Languages.Parse(ctx.Args) is not { } language)
        {
            return [ctx.Text("พิมพ์ ภาษา en (English) หรือ ภาษา th (ไทย)", "Type /lang en (English) or /lang th (ไทย).")];
        }

        ctx.Chat.SavePerson(ctx.Person! with { Language = language });
        return [new Reply(language == Language.English ? "Replies are now in English." : "ตอบเป็นภาษาไทยแล้ว")];
    }
}
