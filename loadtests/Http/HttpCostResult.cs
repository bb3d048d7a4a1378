using SupportQueue.Silo;

namespace SupportQueue.LoadTests.Http;

/// <summary>One measured batch of submits through one variant of the web pipeline.</summary>
/// <param name="Variant">What runs in front of the endpoints.</param>
/// <param name="Parts">The parts of the silo's pipeline that were on; null: no HTTP, the Orleans client.</param>
/// <param name="Requests">Submits measured (every one answered 201).</param>
/// <param name="CpuMicrosPerRequest">This process's CPU time (server, silo and client together) per submit, µs.</param>
/// <param name="AllocatedBytesPerRequest">Managed bytes allocated per submit.</param>
/// <param name="RequestsPerSecond">Wall throughput of the closed loop.</param>
public sealed record HttpCostResult(string Variant, SiloWebParts? Parts, int Requests, double CpuMicrosPerRequest, double AllocatedBytesPerRequest, double RequestsPerSecond);
