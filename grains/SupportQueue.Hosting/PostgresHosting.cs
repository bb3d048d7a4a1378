using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using SupportQueue.Hosting.Database;

namespace SupportQueue.Hosting;

/// <summary>PostgreSQL storage, clustering and reminders through Orleans' ADO.NET providers.</summary>
internal static class PostgresHosting
{
    public const string Invariant = "Npgsql";

    // The ADO.NET provider itself; grains use it through StorageFailures under the public name.
    private const string DatabaseStorageName = SupportQueueOptions.StorageProviderName + "-database";

    /// <summary>
    /// The connection string the providers use. Every grain read and write is a short statement
    /// on a pooled connection, so unless the operator chose otherwise: let Npgsql prepare the
    /// repeated statements (PostgreSQL then skips parsing and planning them), and keep them by
    /// not resetting connections returned to the pool (our statements leave no session state).
    /// </summary>
    public static string ProviderConnectionString(string connectionString)
    {
        // What the operator wrote is read with the generic builder: Npgsql's own ContainsKey answers
        // whether a keyword is *known*, not whether it was given, so it is true for every one.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!Gives(given, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 32;
        }

        if (!Gives(given, "No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    private static bool Gives(System.Data.Common.DbConnectionStringBuilder given, params string[] keywords) =>
        keywords.Any(given.ContainsKey);

    public static void Configure(ISiloBuilder silo, SupportQueueOptions options)
    {
        var connectionString = ProviderConnectionString(options.ConnectionString!);
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp =>
            ActivatorUtilities.CreateInstance<SiloDatabaseGate>(sp, options));
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        // State is stored in Orleans' own binary format: every SupportQueue state type is
        // [GenerateSerializer] already, and it is several times smaller and cheaper than the
        // default JSON with type metadata, which matters at one write per ticket transition.
        silo.AddAdoNetGrainStorage(DatabaseStorageName, (Microsoft.Extensions.Options.OptionsBuilder<Orleans.Configuration.AdoNetGrainStorageOptions> builder) =>
            builder.Configure<Orleans.Serialization.Serializer>((o, serializer) =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = connectionString;
                o.GrainStorageSerializer = new Orleans.Storage.OrleansGrainStorageSerializer(serializer);
            }));
        silo.Services.AddGrainStorage(SupportQueueOptions.StorageProviderName, (services, _) =>
            new StorageFailures(services.GetRequiredKeyedService<Orleans.Storage.IGrainStorage>(DatabaseStorageName)));
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        // Several silos share one machine: each binds and advertises its own ports on loopback
        // (listening endpoints default to the advertised address), which is also what goes into
        // the membership table for the other silos and the clients to dial.
        silo.Configure<Orleans.Configuration.EndpointOptions>(o =>
        {
            o.SiloPort = options.SiloPort;
            o.GatewayPort = options.GatewayPort;
            o.AdvertisedIPAddress = System.Net.IPAddress.Loopback;
        });
    }

    public static void Configure(IClientBuilder client, SupportQueueOptions options)
    {
        // No start-up gate here: the client initialises its gateway list before any client
        // lifecycle stage runs, so client processes call PostgresStartup.VerifyAsync first.
        client.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = options.ConnectionString;
        });
    }
}
