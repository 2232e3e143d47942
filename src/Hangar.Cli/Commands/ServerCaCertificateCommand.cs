using System.CommandLine;

namespace Hangar.Cli.Commands;

internal sealed class ServerCaCertificateCommand : Command
{
    private readonly Option<string?> _out = new("--out")
    {
        Description = "Write the PEM to this file instead of stdout.",
        HelpName = "file",
    };

    private readonly Option<bool> _force = ForceOption.Create();

    public ServerCaCertificateCommand(CliContext cli)
        : base("ca-certificate", "Print the server's own CA certificate (PEM), which device agents pin to trust the device listener. Always PEM, whatever --output says.")
    {
        Add(_out);
        Add(_force);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var pem = await session.Client.CaCertificates.ServerCaCertificateAsync(ct);
            if (parseResult.GetValue(_out) is { } path)
            {
                LocalFiles.WriteAll([new LocalFile(path, pem, Secret: false)], parseResult.GetValue(_force));
                session.Output.Note($"Wrote the server CA certificate to {Path.GetFullPath(path)}.");
            }
            else
            {
                session.Output.Stdout.Write(pem);
            }

            return ExitCodes.Success;
        }, cancellationToken));
    }
}
