namespace SupportQueue.Client.Commands;

public sealed class AgentResolveSettings : AgentTicketSettings;
