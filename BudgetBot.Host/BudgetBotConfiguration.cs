namespace BudgetBot.Host;

internal static class BudgetBotConfiguration
{
    /// <summary>The program's folder, where <c>config/</c> is copied; relative settings such as the demo report start here.</summary>
    public static string BaseDirectory => AppContext.BaseDirectory;

    public static void AddDefaults(IConfigurationBuilder config, string environment)
    {
        var dir = Path.Combine(BaseDirectory, "config");
        config.AddJsonFile(Path.Combine(dir, "appsettings.json"), optional: true, reloadOnChange: false);
        config.AddJsonFile(Path.Combine(dir, $"appsettings.{environment}.json"), optional: true, reloadOnChange: false);
    }

    public static string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.Combine(BaseDirectory, path);
}
