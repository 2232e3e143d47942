using System.Text.Json;
using Hangar.Cli.Output;
using Hangar.Contracts.Events;
using Xunit;

namespace Hangar.Cli.Tests;

public sealed class EventLineTests
{
    private static readonly Guid Id = Guid.Parse("01900000-0000-7000-8000-000000000001");

    [Fact]
    public void UpdateStatusChanged_ShowsTheDeviceAndTheUpdatesState()
    {
        var line = EventLine.Format(Event("update.status_changed",
            """{"identifier":"gw-0001","device_update_id":"01900000-0000-7000-8000-000000000002","from":"installing","to":"failed","attempt":1,"reason":"disk full"}"""));

        Assert.Equal($"2027-05-12T07:52:28Z  update.status_changed        hrn:1:o:device:d  device  gw-0001 installing -> failed (disk full)  {Id}", line);
    }

    [Fact]
    public void OtherEvents_KeepTheirShortLine()
    {
        var line = EventLine.Format(Event("device.created", """{"identifier":"gw-0001"}"""));

        Assert.Equal($"2027-05-12T07:52:28Z  device.created               hrn:1:o:device:d  device  {Id}", line);
    }

    private static EventResponse Event(string type, string data) => new(
        Id, "hrn:1:o:event:e", type, new DateTime(2027, 5, 12, 7, 52, 28, DateTimeKind.Utc), "device", null, null, "device", Guid.Empty, "hrn:1:o:device:d",
        JsonDocument.Parse(data).RootElement.Clone());
}
