using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Common;

namespace Hangar.Cli.Commands;

/// <summary>Lists saved profiles without their secrets.</summary>
internal sealed class ProfilesListCommand : Command
{
    public ProfilesListCommand(CliContext cli)
        : base("list", "List the saved profiles (API keys are shown by their public prefix only); '*' marks the one in use.")
    {
        SetAction(parseResult => cli.Run(parseResult, output =>
        {
            var current = cli.Connections.ProfileName(parseResult.GetValue(cli.Options.Profile));
            var profiles = cli.Connections.Store.Load().Profiles
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new ProfileSummary(p.Key, p.Value.Url, ProfileSummary.MaskKey(p.Value.ApiKey), p.Key == current))
                .ToList();
            if (output.Format == OutputFormat.Json)
            {
                output.Json(new ListResponse<ProfileSummary>(profiles, null));
            }
            else
            {
                output.Rows(profiles, Views.Profile);
                if (profiles.Count == 0)
                {
                    output.Note($"No profiles in {cli.Connections.Store.FilePath}; create one with 'hangar login --url URL --api-key KEY'.");
                }
            }

            return ExitCodes.Success;
        }));
    }
}
