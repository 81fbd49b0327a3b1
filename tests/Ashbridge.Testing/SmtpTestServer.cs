using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ashbridge.Testing;

/// <summary>
/// A real SMTP server for the e-mail tests: Debian's aiosmtpd (<c>python3 -m aiosmtpd</c>, installed by
/// <c>eng/smtp.sh</c>) on a free loopback port, with a handler that writes each message it accepts to a folder as an
/// <c>.eml</c> file (its envelope recipients in an <c>X-Envelope-To</c> line first). Killed when disposed.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    /// <summary>The handler aiosmtpd loads with <c>-c folder_handler.FolderHandler &lt;folder&gt;</c>.</summary>
    private const string Handler =
        """
        import os, uuid

        class FolderHandler:
            def __init__(self, folder):
                self.folder = folder

            @classmethod
            def from_cli(cls, parser, *args):
                return cls(args[0])

            async def handle_DATA(self, server, session, envelope):
                name = os.path.join(self.folder, uuid.uuid4().hex)
                with open(name + ".tmp", "wb") as f:
                    f.write(("X-Envelope-To: " + ", ".join(envelope.rcpt_tos) + "\r\n").encode())
                    f.write(envelope.original_content or envelope.content)
                os.rename(name + ".tmp", name + ".eml")  # whole files only: a reader never sees half a message
                return "250 Message accepted for delivery"
        """;

    private readonly StringBuilder _output = new();
    private readonly Process _process;
    private readonly string _root;

    private SmtpTestServer(Process process, string root, int port)
    {
        _process = process;
        _root = root;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Where the messages are written.</summary>
    public string Mailbox => Path.Combine(_root, "mail");

    /// <summary>Starts the server and waits (up to 20 s) until it accepts connections.</summary>
    /// <exception cref="InvalidOperationException">aiosmtpd is not installed (run <c>eng/smtp.sh</c>) or did not start.</exception>
    public static async Task<SmtpTestServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var python = Python() ?? throw new InvalidOperationException(
            "The e-mail tests need Debian's python3-aiosmtpd (a real SMTP server): run eng/smtp.sh (or apt-get install python3-aiosmtpd).");
        var root = Directory.CreateTempSubdirectory("ashbridge-smtp-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "mail"));
        await File.WriteAllTextAsync(Path.Combine(root, "folder_handler.py"), Handler, cancellationToken);
        var port = ChildProcess.FreePort();
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
        foreach (var arg in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "folder_handler.FolderHandler", Path.Combine(root, "mail") }) start.ArgumentList.Add(arg);
        start.Environment["PYTHONPATH"] = root;
        var server = new SmtpTestServer(Process.Start(start)!, root, port);
        server._process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        try
        {
            await Eventually.ValueAsync(server.AcceptsAsync, up => up, TimeSpan.FromSeconds(20), $"aiosmtpd to listen on 127.0.0.1:{port}");
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>The messages received so far, each as its raw text (headers and body).</summary>
    public IReadOnlyList<string> Messages() =>
        [.. Directory.EnumerateFiles(Mailbox, "*.eml").Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    /// <summary>Waits (up to 20 s) until <paramref name="count"/> messages have arrived; returns them.</summary>
    public Task<IReadOnlyList<string>> WaitForMessagesAsync(int count = 1) =>
        Eventually.ValueAsync(() => Task.FromResult(Messages()), m => m.Count >= count, TimeSpan.FromSeconds(20), $"{count} e-mail(s) at the test SMTP server");

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>Debian's python (where python3-aiosmtpd installs) before any other python3 on the PATH (pyenv's, say).</summary>
    private static string? Python()
    {
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                using var probe = Process.Start(new ProcessStartInfo(candidate, ["-c", "import aiosmtpd"]) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true });
                if (probe is null) continue;
                probe.WaitForExit(10_000);
                if (probe.HasExited && probe.ExitCode == 0) return candidate;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // not there
            }
        }

        return null;
    }

    private async Task<bool> AcceptsAsync()
    {
        if (_process.HasExited) throw new InvalidOperationException($"aiosmtpd exited with {_process.ExitCode}:\n{Output()}");
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private string Output()
    {
        lock (_output) return _output.ToString();
    }

    private void Append(string? line)
    {
        lock (_output) _output.AppendLine(line);
    }
}
