namespace Hangar.Server.Hosting.Http;

/// <summary>The route's answer carries a secret shown once (an API key, an invitation token, a webhook secret…).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
internal sealed class CarriesSecretAttribute : Attribute;
