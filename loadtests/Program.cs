// Command-line handling (target selection, scenario presets, output folder) arrives with the Orleans
// target; until then the runner is exercised by SupportQueue.LoadTests.Tests.
Console.WriteLine("SupportQueue load runner: no command line yet; see SupportQueue.LoadTests.Runner.LoadRunner.");
return 0;
