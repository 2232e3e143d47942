using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Hangar.Cli.Output;
using Hangar.Client;
using Hangar.Contracts.Common;

namespace Hangar.Cli.Commands;

/// <summary>The options every list command takes, and the page walk behind <c>--all</c>.</summary>
internal sealed class PagingOptions
{
    public const int MaxLimit = 100;

    private readonly Option<int?> _limit = new("--limit")
    {
        Description = $"Items per page, 1 to {MaxLimit} (server default 20).",
        HelpName = "n",
        CustomParser = ParseLimit,
    };

    private readonly Option<string?> _order = new("--order")
    {
        Description = "Sort by creation time: asc (oldest first, the default) or desc.",
        HelpName = "asc|desc",
    };

    private readonly Option<string?> _page = new("--page")
    {
        Description = "Start at this cursor: the next_page of a previous page.",
        HelpName = "cursor",
    };

    private readonly Option<string?> _search;

    private readonly Option<bool> _all = new("--all")
    {
        Description = "Follow next_page to the end and show every item (--limit sets the page size).",
    };

    /// <param name="searchFields">The fields the endpoint accepts in <c>search</c>, most useful first.</param>
    public PagingOptions(Command command, params string[] searchFields)
    {
        _search = new Option<string?>("--search")
        {
            Description = $"Filter, e.g. \"{searchFields[0]}:'value'\": up to 5 clauses joined by ' and '; operators : - ~ < <= > >=. " +
                $"Fields: {string.Join(", ", searchFields)}.",
            HelpName = "query",
        };
        _order.AcceptOnlyFromAmong("asc", "desc");
        command.Add(_limit);
        command.Add(_order);
        command.Add(_page);
        command.Add(_search);
        command.Add(_all);
    }

    /// <summary>Fetches one page, or with <c>--all</c> every page from the starting cursor on, and prints the result.</summary>
    public async Task<int> ListAsync<T>(
        ParseResult parseResult, CommandOutput output, ResourceView<T> view,
        Func<ListOptions, CancellationToken, Task<ListResponse<T>>> fetch, CancellationToken cancellationToken)
    {
        var options = new ListOptions(parseResult.GetValue(_limit), parseResult.GetValue(_order), parseResult.GetValue(_page), parseResult.GetValue(_search));
        var page = await fetch(options, cancellationToken);
        if (parseResult.GetValue(_all))
        {
            var items = new List<T>(page.Data);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (page.NextPage is { } cursor)
            {
                if (!seen.Add(cursor))
                {
                    throw new CommandException(ExitCodes.UnexpectedError, $"the server returned the cursor '{cursor}' twice; stopping to avoid a loop.");
                }

                page = await fetch(options with { Page = cursor }, cancellationToken);
                items.AddRange(page.Data);
            }

            page = new ListResponse<T>(items, null);
        }

        if (output.Format == OutputFormat.Json)
        {
            output.Json(page);
            return ExitCodes.Success;
        }

        output.Rows(page.Data, view);
        if (page.NextPage is { } next)
        {
            output.Note($"more results: repeat with --page {next} (or use --all)");
        }

        return ExitCodes.Success;
    }

    private static int? ParseLimit(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= MaxLimit)
        {
            return limit;
        }

        result.AddError($"--limit must be a whole number from 1 to {MaxLimit}, not '{text}'.");
        return null;
    }
}
