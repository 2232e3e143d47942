using System.CommandLine;
using Xunit;

namespace Hangar.Cli.Tests;

public sealed class HelpTests
{
    public static TheoryData<string> CommandPaths()
    {
        var data = new TheoryData<string>();
        void Walk(Command command, string path)
        {
            data.Add(path);
            foreach (var child in command.Subcommands)
            {
                Walk(child, path.Length == 0 ? child.Name : $"{path} {child.Name}");
            }
        }

        Walk(BuildCommands(), "");
        return data;
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public async Task Help_EveryCommand_ExitsZeroAndDescribesEveryOption(string path)
    {
        var command = Find(BuildCommands(), path);
        using var cli = new CliSandbox();

        var result = await cli.RunAsync([.. path.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        // Help wraps long descriptions to the terminal's width, so whitespace is compared collapsed.
        var help = Collapse(result.Stdout);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.False(string.IsNullOrWhiteSpace(command.Description), $"'{path}' has no description");
        Assert.Contains(Collapse(command.Description!), help, StringComparison.Ordinal);
        foreach (var option in command.Options.Concat(GlobalOptions()))
        {
            Assert.False(string.IsNullOrWhiteSpace(option.Description), $"{option.Name} of '{path}' has no description");
            Assert.Contains(option.Name, help, StringComparison.Ordinal);
            Assert.Contains(Collapse(option.Description!), help, StringComparison.Ordinal);
        }

        foreach (var argument in command.Arguments)
        {
            Assert.False(string.IsNullOrWhiteSpace(argument.Description), $"argument {argument.Name} of '{path}' has no description");
            Assert.Contains(Collapse(argument.Description!), help, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Commands_EveryLeaf_HasAnAction()
    {
        var leaves = CommandPaths().Select(row => Find(BuildCommands(), row.Data)).Where(c => !c.Subcommands.Any()).ToList();

        Assert.NotEmpty(leaves);
        Assert.All(leaves, leaf => Assert.NotNull(leaf.Action));
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static IEnumerable<Option> GlobalOptions() => BuildCommands().Options.Where(o => o.Recursive);

    private static RootCommand BuildCommands() =>
        CliApplication.BuildCommands(new CliContext(TextWriter.Null, TextWriter.Null, new Dictionary<string, string?>(), TimeProvider.System, isTerminal: false));

    private static Command Find(Command root, string path) =>
        path.Split(' ', StringSplitOptions.RemoveEmptyEntries).Aggregate(root, (command, name) => command.Subcommands.Single(c => c.Name == name));
}
