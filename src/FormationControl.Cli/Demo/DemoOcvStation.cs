using FormationControl.Core.Time;
using FormationControl.Devices.Meter;
using FormationControl.Storage;

namespace FormationControl.Cli.Demo;

/// <summary>
/// The demo's OCV/IR station: the real <see cref="OcvIrMeter"/> driver steps the simulated meter's multiplexer
/// through the cells one by one, each taking <paramref name="timePerCell"/> of virtual time (switch, settle, read),
/// and the session is stored as ageing measurements. The station's temperature probe reads the cell's temperature.
/// </summary>
public sealed class DemoOcvStation(OcvIrMeter meter, VirtualClock clock, TimeSpan timePerCell)
{
    /// <summary>The station name stored with each measurement.</summary>
    public const string Name = "demo-ocv-ir";

    /// <summary>Measures <paramref name="cells"/> as session <paramref name="session"/>, in order, and stores the session.</summary>
    /// <exception cref="MeterException">The meter refused a channel or a measurement.</exception>
    public async Task<IReadOnlyList<AgeingSessionReading>> MeasureAsync(
        FormationStore store, string session, IReadOnlyList<DemoCell> cells, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(cells);
        await meter.ResetAsync(cancellationToken).ConfigureAwait(false);
        var readings = new List<AgeingSessionReading>(cells.Count);
        foreach (var cell in cells)
        {
            clock.Advance(timePerCell);
            var reading = await meter.MeasureAsync(cell.MeterChannel, cancellationToken).ConfigureAwait(false);
            var state = cell.Unit.ReadChannelState(cell.Channel);
            var measurement = new AgeingMeasurementRecord(
                0, cell.CellId, session, Name, clock.GetUtcNow(), reading.VoltageV, reading.IsOpenCircuit ? null : reading.AcResistanceOhm, state.TemperatureC);
            readings.Add(new AgeingSessionReading(measurement, state.OpenCircuitVoltageV, state.R0Ohm));
        }

        await store.RecordAgeingMeasurementsAsync([.. readings.Select(r => r.Measurement)], cancellationToken).ConfigureAwait(false);
        return readings;
    }
}
