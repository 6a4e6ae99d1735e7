using FormationControl.Devices.Meter;
using FormationControl.Simulator.Meter;

namespace FormationControl.Cli.Demo;

/// <summary>
/// An in-memory line to a <see cref="SimulatedMeter"/>, so the demo measures through the real <see cref="OcvIrMeter"/>
/// driver: a written line is executed at once and its answer, if any, waits to be read. A query the meter rejects
/// leaves nothing to read, which the driver sees as a silent query (it then asks the error queue), as on a serial line.
/// </summary>
public sealed class SimulatedMeterLink(SimulatedMeter meter) : IMeterLink
{
    private readonly Queue<string> _answers = new();

    /// <inheritdoc />
    public string Name => "simulated-meter";

    /// <inheritdoc />
    public ValueTask WriteLineAsync(string line, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (meter.Execute(line) is { } answer)
        {
            _answers.Enqueue(answer);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<string?> TryReadLineAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Nothing queued means nothing will come: the meter answers synchronously, so waiting out the timeout adds nothing.
        return ValueTask.FromResult(_answers.TryDequeue(out string? answer) ? answer : null);
    }

    /// <inheritdoc />
    public void DiscardInput() => _answers.Clear();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
