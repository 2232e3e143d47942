using System.Text.Json;
using Microsoft.Playwright;

namespace Hangar.Console.Tests;

/// <summary>
/// axe-core (pinned in tools/accessibility-check, installed by scripts/install-test-deps) run inside a page against
/// WCAG 2.1 A and AA: labels, names, roles, contrast, document structure. Each finding is one line naming the rule,
/// its impact and the first elements it was found on.
/// </summary>
internal static class AxeCheck
{
    private static readonly string ScriptPath =
        Path.Combine(ArtifactFiles.RepositoryRoot, "tools", "accessibility-check", "node_modules", "axe-core", "axe.min.js");

    // Two animation frames first: the console marks scrolling regions focusable on the frame after a render.
    private const string Run = """
        async () => (await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done))), await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))
            .violations.map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)
        """;

    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        Assert.True(File.Exists(ScriptPath), $"{ScriptPath} is missing: run scripts/install-test-deps");
        if (!await page.EvaluateAsync<bool>("() => typeof axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new() { Path = ScriptPath });
        }

        var found = await page.EvaluateAsync<JsonElement>(Run);
        return [.. found.EnumerateArray().Select(line => line.GetString()!)];
    }
}
