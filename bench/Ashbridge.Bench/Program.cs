using Ashbridge.Bench;

// dotnet run -c Release --project bench/Ashbridge.Bench -- emulator [--candidates N]
if (args.Length > 0 && args[0] == "emulator")
{
    int? candidates = null;
    var at = Array.IndexOf(args, "--candidates");
    if (at > 0 && at + 1 < args.Length) candidates = int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture);
    return await EmulatorBench.RunAsync(candidates);
}

Console.WriteLine("usage: Ashbridge.Bench emulator [--candidates N]");
return 1;
