namespace BudgetBot.Domain.Conversation.Commands;

internal static class CommandSet
{
    public static IEnumerable<ICommand> All() =>
    [
        new HelpCommand(), new SpendCommand(), new UndoCommand(), new BalanceCommand(), new ProjectsCommand(),
        new PlanCommand(), new ProgressCommand(), new StatusCommand(), new LaggingCommand(), new HistoryCommand(), new AuditCommand(),
        new ReportCommand(), new ChartCommand(), new SubscribeCommand(), new InviteCommand(), new JoinCommand(),
        new WhoAmICommand(), new LanguageCommand(), new RoundCommand(), new TransferCommand(), new RefundCommand(), new ReverseCommand(), new AddProjectCommand(), new CommitCommand(), new CloseCommand(), new CarryOverCommand(), new ReceiptCommand(),
    ];
}
