using SupportQueue.Grains.Simulation;

// grain-sim [tickets] [agents]: grain-mode simulation throughput on M/M/c (see GrainSimulationBenchmark).
if (args is ["grain-sim", ..])
{
    var tickets = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
    var agents = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 50;
    var result = await GrainSimulationBenchmark.RunAsync(GrainSimulationBenchmark.MMc(agents: agents, tickets: tickets));
    Console.WriteLine(result);
    return result.OutcomesMatch == false ? 1 : 0;
}

// pg-bench [rates] [seconds] [connection string]: live routing on PostgreSQL (see PostgresBenchmark).
if (args is ["pg-bench", ..])
{
    return await SupportQueue.LoadTests.Postgres.PostgresBenchmark.RunAsync(args[1..]);
}

Console.WriteLine("SupportQueue load runner: usage: grain-sim [tickets] [agents]");
return 0;
