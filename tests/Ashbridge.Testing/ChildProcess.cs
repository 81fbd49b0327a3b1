using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ashbridge.Testing;

/// <summary>
/// One of our programs run as a process of its own (<c>dotnet X.dll …</c>), as an operator runs it: its output is
/// kept for failure messages, and it is killed with its children when disposed.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly StringBuilder _output = new();

    private ChildProcess(Process process) => Process = process;

    public Process Process { get; }

    /// <summary>What it printed so far, standard output and error interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>Starts <paramref name="program"/> (a .dll beside the tests) with <paramref name="args"/>; an environment value of null removes the variable.</summary>
    public static ChildProcess StartDotnet(string program, IEnumerable<string> args, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, program));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }

        var child = new ChildProcess(Process.Start(start)!);
        child.Process.OutputDataReceived += (_, e) => child.Append(e.Data);
        child.Process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        child.Process.BeginOutputReadLine();
        child.Process.BeginErrorReadLine();
        return child;
    }

    /// <summary>A loopback port free at the moment of asking, for a child to listen on.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// The answer to a GET of <paramref name="path"/> when it succeeds; null while the child is not listening yet or
    /// answers otherwise. Throws with the child's output once it has exited, so a wait on it fails at once.
    /// </summary>
    public async Task<string?> GetWhenUpAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (Process.HasExited) throw new InvalidOperationException($"The process exited with {Process.ExitCode}:\n{Output}");
        try
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
            return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync(cancellationToken) : null;
        }
        catch (HttpRequestException)
        {
            return null; // not listening yet
        }
    }

    /// <summary>Its working set now.</summary>
    public long WorkingSet()
    {
        Process.Refresh();
        if (Process.HasExited) throw new InvalidOperationException($"The process exited with {Process.ExitCode}:\n{Output}");
        return Process.WorkingSet64;
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited) Process.Kill(entireProcessTree: true);
        await Process.WaitForExitAsync();
        Process.Dispose();
    }

    private void Append(string? line)
    {
        lock (_output) _output.AppendLine(line);
    }
}
