using Ashbridge.Bench;

// dotnet run -c Release --project bench/Ashbridge.Bench -- emulator [--candidates N]
if (args.Length > 0 && args[0] == "emulator")
{
    int? candidates = null;
    var at = Array.IndexOf(args, "--candidates");
    if (at > 0 && at + 1 < args.Length) candidates = int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture);
    return await EmulatorBench.RunAsync(candidates);
}

// dotnet run -c Release --project bench/Ashbridge.Bench -- mirror [--candidates N] [--memory-sizes 10000,1000000] [--latency-ms N]
if (args.Length > 0 && args[0] == "mirror") return await MirrorSyncBench.RunAsync(args);
if (args.Length > 0 && args[0] == "mirror-child") return await MirrorSyncBench.ChildMainAsync(args);
if (args.Length > 0 && args[0] == "mirror-sqlite-alone") return await SqliteAlone.ChildMainAsync(args);
if (args.Length > 0 && args[0] == "emulator-serve") return await Ashbridge.Emulator.EmulatorProgram.RunAsync(args[1..]);

// dotnet build -c Release src/Ashbridge.Server && dotnet run -c Release --project bench/Ashbridge.Bench -- webhooks [--deliveries N] [--changes N] [--action T]
if (args.Length > 0 && args[0] == "webhooks") return await WebhookBench.RunAsync(args);
if (args.Length > 0 && args[0] == "webhooks-bare") return await WebhookBench.BareMainAsync(args);

// dotnet build -c Release src/Ashbridge.Server && dotnet run -c Release --project bench/Ashbridge.Bench -- newhires [--hires N]
if (args.Length > 0 && args[0] == "newhires") return await NewHireBench.RunAsync(args);

// dotnet build -c Release src/Ashbridge.Server && dotnet run -c Release --project bench/Ashbridge.Bench -- open-roles [--postings N]
if (args.Length > 0 && args[0] == "open-roles") return await OpenRoleBench.RunAsync(args);
// dotnet build -c Release src/Ashbridge.Server && dotnet run -c Release --project bench/Ashbridge.Bench -- org-chart [--people N] [--roles N] [--requests N]
if (args.Length > 0 && args[0] == "org-chart") return await OrgChartBench.RunAsync(args);

// dotnet build -c Release src/Ashbridge.Server && dotnet run -c Release --project bench/Ashbridge.Bench -- pages [--candidates N] [--events N] [--rounds N]
if (args.Length > 0 && args[0] == "pages") return await PageBench.RunAsync(args);

// dotnet run -c Release --project bench/Ashbridge.Bench -- dedupe [--candidates N] [--prospects N] [--warm-up N] [--postgres CONNECTION-STRING | --sqlite FILE]
if (args.Length > 0 && args[0] == "dedupe") return await DedupeBench.RunAsync(args);

// dotnet run -c Release --project bench/Ashbridge.Bench -- users [--users N] [--searches N] [--postgres CONNECTION-STRING]
if (args.Length > 0 && args[0] == "users") return await UserDirectoryBench.RunAsync(args);

// An export of N hired applications: CSV, JSON Lines and XLSX timed, with memory (docs/benchmarks/exports.md).
if (args.Length > 0 && args[0] == "exports") return await ExportBench.RunAsync(args);
// dotnet run -c Release --project bench/Ashbridge.Bench -- dedupe-batch [--rows N] [--candidates N]
if (args.Length > 0 && args[0] == "dedupe-batch") return await DedupeBatchBench.RunAsync(args);

// dotnet run -c Release --project bench/Ashbridge.Bench -- micro [BenchmarkDotNet arguments, e.g. --filter * --job short]
if (args.Length > 0 && args[0] == "micro")
{
    BenchmarkDotNet.Running.BenchmarkSwitcher.FromTypes([typeof(EmulatorPageBenchmarks)]).Run(args[1..]);
    return 0;
}

Console.WriteLine("usage: Ashbridge.Bench emulator [--candidates N] | mirror [--candidates N] [--memory-sizes A,B] [--latency-ms N] | webhooks [--deliveries N] [--changes N] [--action T] | newhires [--hires N] | open-roles [--postings N] | org-chart [--people N] [--roles N] [--requests N] | dedupe [--candidates N] [--prospects N] [--warm-up N] [--postgres CS | --sqlite FILE] | users [--users N] [--searches N] [--postgres CS] | micro [BenchmarkDotNet arguments]");
return 1;
