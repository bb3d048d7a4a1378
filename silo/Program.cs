using SupportQueue.Hosting;
using SupportQueue.Silo;

// `dotnet run --project silo` starts a silo; `dotnet run --project silo -- db migrate` prepares PostgreSQL.
var builder = WebApplication.CreateBuilder(args);
var options = builder.Configuration.GetSection(SupportQueueOptions.SectionName).Get<SupportQueueOptions>() ?? new SupportQueueOptions();
var errors = options.Validate();
if (errors.Count > 0)
{
    Console.Error.WriteLine("Invalid SupportQueue settings (appsettings.json, environment SupportQueue__*, or --SupportQueue:*):");
    foreach (var error in errors)
    {
        Console.Error.WriteLine("  " + error);
    }

    return 2;
}

builder.UseOrleans(silo => silo.UseSupportQueue(options));
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
var httpUrl = builder.Configuration["SupportQueue:HttpUrl"] ?? "http://127.0.0.1:5080";
builder.WebHost.UseUrls(httpUrl);

var app = builder.Build();
app.MapSupportQueueApi();
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
