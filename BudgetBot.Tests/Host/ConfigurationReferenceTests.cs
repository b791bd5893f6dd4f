using System.Collections;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text;
using BudgetBot.Host.Options;

namespace BudgetBot.Tests.Host;

/// <summary>
/// docs/configuration.md's table of settings is generated from the options classes (names, defaults, ranges and each
/// setting's [Description]): a setting without a description, or a table that no longer matches the classes, fails here.
/// <c>BUDGETBOT_WRITE_DOCS=1 dotnet test --filter ConfigurationReference</c> writes the table again.
/// </summary>
public sealed class ConfigurationReferenceTests
{
    private const string Begin = "<!-- settings: generated from BudgetBot.Host/Options by ConfigurationReferenceTests; do not edit by hand -->";
    private const string End = "<!-- end of settings -->";

    [Fact]
    public void EverySetting_IsDescribed_AndTheDocsTableIsGeneratedFromTheOptions()
    {
        var rows = Settings(typeof(BudgetBotOptions), BudgetBotOptions.Section, new BudgetBotOptions()).ToList();
        Assert.True(rows.Count > 40, $"{rows.Count} settings found");
        var undescribed = rows.Where(r => r.Description is null).Select(r => r.Key).ToList();
        Assert.True(undescribed.Count == 0, "settings without a [Description]: " + string.Join(", ", undescribed));

        var file = Path.Combine(PublishedBuildTests.RepositoryRoot(), "docs", "configuration.md");
        var doc = File.ReadAllText(file);
        var (start, stop) = (doc.IndexOf(Begin, StringComparison.Ordinal), doc.IndexOf(End, StringComparison.Ordinal));
        Assert.True(start >= 0 && stop > start, "docs/configuration.md marks where the generated table goes");
        var table = Render(rows);
        var current = doc[(start + Begin.Length)..stop];
        if (current != table && Environment.GetEnvironmentVariable("BUDGETBOT_WRITE_DOCS") == "1")
        {
            File.WriteAllText(file, doc[..(start + Begin.Length)] + table + doc[stop..]);
            current = table;
        }

        Assert.True(current == table, "docs/configuration.md is not what the options classes say; run with BUDGETBOT_WRITE_DOCS=1 to write it");
    }

    [Fact]
    public void Readme_PointsToTheReference_AndNamesNoSettingThatDoesNotExist()
    {
        var keys = Settings(typeof(BudgetBotOptions), BudgetBotOptions.Section, new BudgetBotOptions()).Select(r => r.Key).ToHashSet();
        var readme = File.ReadAllText(Path.Combine(PublishedBuildTests.RepositoryRoot(), "README.md"));
        Assert.Contains("docs/configuration.md", readme, StringComparison.Ordinal);
        var named = System.Text.RegularExpressions.Regex.Matches(readme, @"BudgetBot__[A-Za-z]+(__[A-Za-z0-9]+)*").Select(m => m.Value).Distinct();
        Assert.All(named, n => Assert.True(keys.Contains(n) || keys.Any(k => k.StartsWith(n + "__", StringComparison.Ordinal)), $"README names {n}, which is no setting"));
    }

    private sealed record Row(string Key, string Default, string Allowed, string? Description);

    private static IEnumerable<Row> Settings(Type type, string prefix, object instance)
    {
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var key = prefix + "__" + p.Name;
            var value = p.GetValue(instance);
            var t = p.PropertyType;
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            {
                var element = t.GetGenericArguments()[1];
                foreach (var row in Settings(element, key + "__{office}", Activator.CreateInstance(element)!))
                {
                    yield return row;
                }
            }
            else if (t.IsClass && t != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(t))
            {
                foreach (var row in Settings(t, key, value!))
                {
                    yield return row;
                }
            }
            else
            {
                var list = t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>);
                yield return new Row(list ? key + "__0" : key, Default(value), Allowed(p), p.GetCustomAttribute<DescriptionAttribute>()?.Description);
            }
        }
    }

    private static string Default(object? value) => value switch
    {
        null => "",
        string s => $"`{s}`",
        TimeOnly t => $"`{t.ToString("HH:mm", CultureInfo.InvariantCulture)}`",
        IList { Count: 0 } => "",
        IList l => string.Join(", ", l.Cast<object>().Select(o => $"`{o}`")),
        IFormattable f => $"`{f.ToString(null, CultureInfo.InvariantCulture)}`",
        _ => $"`{value}`",
    };

    private static string Allowed(PropertyInfo p)
    {
        var type = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
        return p.GetCustomAttribute<RangeAttribute>() is { } range ? string.Create(CultureInfo.InvariantCulture, $"{range.Minimum}–{range.Maximum}")
            : p.GetCustomAttribute<UrlAttribute>() is not null ? "a URL"
            : type == typeof(bool) ? "`true`, `false`"
            : type == typeof(TimeOnly) ? "`HH:mm`"
            : type.IsEnum ? string.Join(", ", Enum.GetNames(type).Select(n => $"`{n}`"))
            : "";
    }

    private static string Render(IReadOnlyList<Row> rows)
    {
        var text = new StringBuilder("\n| setting | default | allowed | what it does |\n| --- | --- | --- | --- |\n");
        foreach (var r in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"| `{r.Key}` | {r.Default} | {r.Allowed} | {r.Description} |\n");
        }

        return text.ToString();
    }
}
