using FormationControl.Devices.Meter;

namespace FormationControl.Devices.Tests.Meter;

/// <summary>Answers that arrive after their query timed out, as on a loaded line: never taken for the next query's.</summary>
public sealed class OcvIrMeterLateAnswerTests
{
    [Fact]
    public async Task A_late_channel_answer_and_a_late_error_entry_are_skipped_and_the_channel_is_measured()
    {
        // Each line written delivers the lines that arrive next. The first ROUT:CLOS? is answered only after
        // SYST:ERR? was sent, and the error queue's answer only after the retried ROUT:CLOS? was sent.
        var link = new ScriptedLink(
            [],
            [],
            ["(@2)"],
            ["0,\"No error\"", "(@2)"],
            ["4.5E-04,3.6500E+00"]);
        var meter = new OcvIrMeter(link, new OcvIrMeterOptions { SettleTime = TimeSpan.Zero, ResponseTimeout = TimeSpan.FromSeconds(1) });

        var reading = await meter.MeasureAsync(2);

        Assert.Equal(new MeterReading(4.5e-4, 3.65), reading);
        Assert.Equal(["ROUT:CLOS (@2)", "ROUT:CLOS?", "SYST:ERR?", "ROUT:CLOS?", "READ?"], link.Written);
    }

    private sealed class ScriptedLink(params string[][] deliveries) : IMeterLink
    {
        private readonly Queue<string[]> _deliveries = new(deliveries);
        private readonly Queue<string> _received = new();

        public List<string> Written { get; } = [];

        public string Name => "scripted";

        public ValueTask WriteLineAsync(string line, CancellationToken cancellationToken)
        {
            Written.Add(line);
            foreach (string answer in _deliveries.Dequeue())
            {
                _received.Enqueue(answer);
            }

            return ValueTask.CompletedTask;
        }

        // Nothing more arrives between writes: an empty queue is a timeout, reported at once.
        public ValueTask<string?> TryReadLineAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
            ValueTask.FromResult(_received.TryDequeue(out string? line) ? line : null);

        public void DiscardInput() => _received.Clear();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
