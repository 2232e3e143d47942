namespace Hangar.Bench.Firmware;

/// <summary>
/// One round of the firmware benchmark, in seconds: the baselines (openssl hashing, dd writing durably), the upload and
/// its three phases as the CLI's output shows them, the CPU time the upload cost (CLI and server) and openssl's, the two
/// downloads; and the server's peak RSS per phase in MiB.
/// </summary>
internal sealed record TransferRun(
    double Openssl, double Disk, double Upload, double UploadPrepare, double UploadParts, double UploadVerify,
    double OpensslCpu, double CliCpu, double ServerCpu,
    double HangarDownload, double NginxDownload, double UploadPeakMiB, double DownloadPeakMiB);
