using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ashbridge.Ashby;

namespace Ashbridge.Bench;

/// <summary>An emulator in its own process (the bench's <c>emulator-serve</c> mode), read from its banner.</summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http;
    private List<string>? _candidateIds;

    private EmulatorProcess(Process process, Uri baseUrl, string apiKey, string summary)
    {
        _process = process;
        BaseUrl = baseUrl;
        ApiKey = apiKey;
        Summary = summary;
        _http = new HttpClient { BaseAddress = baseUrl };
    }

    public Uri BaseUrl { get; }

    public string ApiKey { get; }

    public string Summary { get; }

    /// <summary>The CPU time the emulator's process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<EmulatorProcess> StartAsync(int candidates)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { typeof(EmulatorProcess).Assembly.Location, "emulator-serve", "--urls", "http://127.0.0.1:0", "--seed", "7", "--size", candidates.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        Uri? url = null;
        string? key = null, summary = null;
        while (key is null && await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("Ashby emulator listening on ", StringComparison.Ordinal)) url = new Uri(line["Ashby emulator listening on ".Length..]);
            else if (line.StartsWith("Organization: ", StringComparison.Ordinal)) summary = line["Organization: ".Length..];
            else if (line.StartsWith("API key (every permission): ", StringComparison.Ordinal)) key = line["API key (every permission): ".Length..];
        }

        if (url is null || key is null) throw new InvalidOperationException("The emulator did not start.");
        return new EmulatorProcess(process, url, key, summary ?? "");
    }

    /// <summary>
    /// Lists every candidate's id, for <see cref="ChangeCandidatesAsync"/>: once, before anything is measured, rather
    /// than 1,000 pages (at 100k) served right before each measured incremental pass.
    /// </summary>
    public async Task ListCandidatesAsync()
    {
        var ids = new List<string>();
        string? cursor = null;
        using var client = new AshbyClient(new AshbyClientOptions { BaseUrl = BaseUrl, ApiKey = ApiKey });
        do
        {
            var body = new JsonObject { ["limit"] = 100 };
            if (cursor is not null) body["cursor"] = cursor;
            using var page = JsonDocument.Parse(await client.SendRawBytesAsync("candidate.list", JsonSerializer.SerializeToUtf8Bytes(body), null, CancellationToken.None));
            ids.AddRange(page.RootElement.GetProperty("results").EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
            cursor = page.RootElement.GetProperty("moreDataAvailable").GetBoolean() ? page.RootElement.GetProperty("nextCursor").GetString() : null;
        }
        while (cursor is not null);

        _candidateIds = ids;
    }

    /// <summary>Edits this many distinct candidates through the control API (after <see cref="ListCandidatesAsync"/>).</summary>
    public async Task<int> ChangeCandidatesAsync(int count)
    {
        var ids = _candidateIds ?? throw new InvalidOperationException("List the candidates first.");
        var step = Math.Max(1, ids.Count / count);
        var changed = 0;
        for (var i = 0; i < ids.Count && changed < count; i += step, changed++)
        {
            using var response = await _http.PostAsJsonAsync($"_emulator/candidates/{ids[i]}/edit", new { company = $"Bench {i}" });
            response.EnsureSuccessStatusCode();
        }

        return changed;
    }

    /// <summary>Switches the emulator's fault profile (e.g. <c>latency=10ms</c>; <c>none</c> for none).</summary>
    public async Task SetFaultsAsync(string profile)
    {
        using var response = await _http.PutAsJsonAsync("_emulator/faults", new { profile });
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
