namespace SupportQueue.Silo.Api;

/// <summary>One tier now: waiting (not offered), offered, oldest wait, agents by presence, held tickets, free capacity.</summary>
public sealed record TierStatusResponse(string Tier, int Queued, int Offered, TimeSpan OldestWait, int Available, int OnBreak, int Offline, int Assigned, int FreeCapacity);
