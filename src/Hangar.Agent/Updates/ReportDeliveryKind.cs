namespace Hangar.Agent.Updates;

public enum ReportDeliveryKind
{
    /// <summary>Recorded (or recognised as a repeat): the report can be forgotten.</summary>
    Delivered,

    /// <summary>Refused for good (4xx): sending it again cannot succeed, so it is dropped and logged.</summary>
    Refused,

    /// <summary>Not delivered now (network, 5xx, rate limit): kept and sent again later, in order.</summary>
    RetryLater,
}
