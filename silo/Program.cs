using SupportQueue.Hosting;
using SupportQueue.Hosting.Database;
using SupportQueue.Silo;
using SupportQueue.Silo.Security;

// `dotnet run --project silo` starts a silo; `dotnet run --project silo -- db migrate` prepares PostgreSQL.
GcLatency.PreferShortPauses();
var builder = WebApplication.CreateBuilder(args);
SupportQueueOptions options;
List<string> errors;
try
{
    options = builder.Configuration.GetSection(SupportQueueOptions.SectionName).Get<SupportQueueOptions>() ?? new SupportQueueOptions();
    errors = [.. options.Validate()];
}
catch (InvalidOperationException ex)
{
    // A value that does not even bind (SupportQueue__Storage=Mongo): the binder names the key.
    options = new SupportQueueOptions();
    errors = [SettingsErrors.Describe(ex)];
}

// The web pipeline's own settings bind later, while the app is built: checked here with the rest.
errors.AddRange(SettingsErrors.Find(builder.Configuration));

if (errors.Count > 0)
{
    Console.Error.WriteLine("Invalid SupportQueue settings (appsettings.json, environment SupportQueue__*, or --SupportQueue:*):");
    foreach (var error in errors)
    {
        Console.Error.WriteLine("  " + error);
    }

    return 2;
}

if (args.Length > 0 && args[0] == "db")
{
    return await DbCommand.RunAsync(args[1..], options, Console.Out);
}

if (args.Length > 0 && args[0] == "keys")
{
    return await KeysCommand.RunAsync(args[1..], options, Console.Out, TimeProvider.System);
}

if (options.Storage == StorageKind.PostgreSQL)
{
    try
    {
        // Fail fast, before Orleans starts retrying: unreachable server, bad password, missing or old schema.
        await PostgresStartup.PrepareAsync(options);
    }
    catch (DatabaseNotReadyException ex)
    {
        Console.Error.WriteLine(ex.Message);
        return 3;
    }
}

var httpUrl = builder.Configuration["SupportQueue:HttpUrl"] ?? "http://127.0.0.1:5080";
var taken = PortCheck.Taken(
    ("SupportQueue:SiloPort", options.SiloPort),
    ("SupportQueue:GatewayPort", options.GatewayPort),
    ("SupportQueue:HttpUrl", Uri.TryCreate(httpUrl, UriKind.Absolute, out var httpUri) ? httpUri.Port : 0));
if (taken.Count > 0)
{
    foreach (var line in taken)
    {
        Console.Error.WriteLine(line);
    }

    return 4;
}

builder.AddSupportQueueSilo(options);
builder.WebHost.UseUrls(httpUrl);

var app = builder.Build();
if (await app.MapSupportQueueSiloAsync(options) is { Count: > 0 } unguarded)
{
    Console.Error.WriteLine("Routes without an access rule (add them to silo/Security/RouteOperations.cs): " + string.Join(", ", unguarded));
    return 5;
}

app.Lifetime.ApplicationStarted.Register(() =>
{
    var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SupportQueue.Silo");
    SiloLog.Listening(log, options.Storage.ToString(), options.SiloPort, options.GatewayPort, httpUrl, options.ClusterId);
});
app.Lifetime.ApplicationStopping.Register(() =>
{
    var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SupportQueue.Silo");
    SiloLog.Stopping(log);
});

await app.RunAsync();
return 0;
