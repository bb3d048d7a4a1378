namespace SupportQueue.Hosting;

/// <summary>PostgreSQL storage, clustering and reminders through Orleans' ADO.NET providers.</summary>
internal static class PostgresHosting
{
    public const string Invariant = "Npgsql";

    public static void Configure(ISiloBuilder silo, SupportQueueOptions options)
    {
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = options.ConnectionString;
        });
        silo.AddAdoNetGrainStorage(SupportQueueOptions.StorageProviderName, o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = options.ConnectionString;
        });
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = options.ConnectionString;
        });
        silo.Configure<Orleans.Configuration.EndpointOptions>(o =>
        {
            o.SiloPort = options.SiloPort;
            o.GatewayPort = options.GatewayPort;
            o.AdvertisedIPAddress = System.Net.IPAddress.Loopback;
        });
    }

    public static void Configure(IClientBuilder client, SupportQueueOptions options)
    {
        client.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = options.ConnectionString;
        });
    }
}
