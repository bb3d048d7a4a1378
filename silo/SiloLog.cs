namespace SupportQueue.Silo;

internal static partial class SiloLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "SupportQueue silo up: storage {Storage}, silo port {SiloPort}, gateway port {GatewayPort}, HTTP API {HttpUrl}, cluster '{ClusterId}'. Ctrl+C to stop.")]
    public static partial void Listening(ILogger logger, string storage, int siloPort, int gatewayPort, string httpUrl, string clusterId);

    [LoggerMessage(Level = LogLevel.Information, Message = "SupportQueue silo stopping: leaving the cluster cleanly.")]
    public static partial void Stopping(ILogger logger);
}
