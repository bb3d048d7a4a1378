namespace SupportQueue.Json.Tests;

/// <summary>
/// Damaged files, made by cutting, doubling and replacing pieces of a real one: reading never
/// throws, and every refusal names a path and a reason (most also a position).
/// </summary>
public class MutationTests
{
    private static readonly string[] _pieces = ["{", "}", "[", "]", ",", ":", "\"", "null", "1e400", "-1", "\"x\"", "true", "//", "\\u0000", "\"L1\"", "\"kind\""];

    [Theory]
    [InlineData("b2b-saas-weekday.json", 1)]
    [InlineData("desk-default.json", 2)]
    public void Damaged_files_are_refused_with_a_path_never_an_exception(string file, int seed)
    {
        var original = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "scenarios", file));
        var random = new Random(seed);
        var refused = 0;
        for (var i = 0; i < 1500; i++)
        {
            var text = Mutate(original, random);
            var (errors, input) = file.StartsWith("desk", StringComparison.Ordinal)
                ? DeskSettingsJson.Read(text) is var d ? (d.Errors, d.InputError) : default
                : ScenarioJson.Read(text) is var s ? (s.Errors, s.InputError) : default;
            if (input is not null)
            {
                refused++;
                Assert.StartsWith("$", input.Path, StringComparison.Ordinal);
                Assert.False(string.IsNullOrWhiteSpace(input.Reason), text);
                Assert.Equal([input.ToString()], errors);
            }
        }

        // The damage must mostly land: a test whose inputs all read fine would prove nothing.
        Assert.True(refused > 1000, $"only {refused} of 1500 damaged files were refused");
    }

    private static string Mutate(string text, Random random)
    {
        var at = random.Next(text.Length);
        var length = Math.Min(random.Next(1, 12), text.Length - at);
        return random.Next(3) switch
        {
            0 => text.Remove(at, length),
            1 => text.Insert(at, text.Substring(at, length)),
            _ => text.Remove(at, length).Insert(at, _pieces[random.Next(_pieces.Length)]),
        };
    }
}
