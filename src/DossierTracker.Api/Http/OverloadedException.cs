namespace DossierTracker.Api.Http;

/// <summary>The service refuses work it cannot start in time; answered 503 <c>overloaded</c> with Retry-After.</summary>
public sealed class OverloadedException(string message) : Exception(message);
