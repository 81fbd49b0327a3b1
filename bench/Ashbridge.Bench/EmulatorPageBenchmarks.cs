using System.Text.Json;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;
using BenchmarkDotNet.Attributes;

namespace Ashbridge.Bench;

/// <summary>Micro-benchmarks of the emulator's hot path: writing a page of 100 candidates or applications.</summary>
[MemoryDiagnoser]
public class EmulatorPageBenchmarks : IDisposable
{
    private Organization _org = null!;
    private PooledBufferWriter _buffer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _org = OrganizationGenerator.Generate(1, OrganizationSize.Parse("large"));
        _buffer = new PooledBufferWriter(256 * 1024);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _buffer?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public int CandidatePage()
    {
        _buffer.Clear();
        using var w = new Utf8JsonWriter(_buffer, JsonOutput.Options);
        w.WriteStartArray();
        for (var i = 50_000; i < 50_100; i++) CandidateJson.Candidate(w, _org.Candidates[i], Viewer.Everything);
        w.WriteEndArray();
        w.Flush();
        return _buffer.WrittenMemory.Length;
    }

    [Benchmark]
    public int ApplicationPage()
    {
        _buffer.Clear();
        using var w = new Utf8JsonWriter(_buffer, JsonOutput.Options);
        w.WriteStartArray();
        for (var i = 50_000; i < 50_100; i++) ApplicationJson.Application(w, _org.Applications[i], Viewer.Everything);
        w.WriteEndArray();
        w.Flush();
        return _buffer.WrittenMemory.Length;
    }
}
