namespace SupportQueue.Silo.Security;

internal static partial class SecurityLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "*** API KEYS ARE OFF: anyone who reaches this port can act as any agent and reconfigure any desk. Set SupportQueue:Auth:Enabled=true (PostgreSQL mode has it on by default). ***")]
    public static partial void Open(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "API keys are on in memory mode, where keys live in this process only. Cluster admin key (shown once): {Key}")]
    public static partial void MemoryAdminKey(ILogger logger, string key);
}
