using FormationControl.Storage;

namespace FormationControl.Cli.Export;

/// <summary>
/// The BDF quantities a sample does not carry, derived from the samples in time order: cycle and step counts, the
/// row's position within its step, and cumulative charge and energy in each direction since the run started.
/// </summary>
public sealed class BdfCounters
{
    private bool _started;
    private int _stepId;
    private double _stepTimeS;
    private double _stepAh;
    private double _stepWh;

    public int CycleCount { get; private set; }

    public int StepCount { get; private set; }

    public int StepIndex { get; private set; }

    public double ChargingAh { get; private set; }

    public double DischargingAh { get; private set; }

    public double ChargingWh { get; private set; }

    public double DischargingWh { get; private set; }

    /// <summary>Takes the next sample of the run (in time order) into account.</summary>
    public void Advance(in SampleRecord sample)
    {
        // A new step execution: another step, or the same step again (its step clock went back to the start).
        bool newStep = !_started || sample.StepIndex != _stepId || sample.StepTimeS < _stepTimeS;
        if (newStep)
        {
            // A jump back to an earlier step is a loop's next pass.
            CycleCount = !_started ? 1 : sample.StepIndex <= _stepId ? CycleCount + 1 : CycleCount;
            StepCount++;
            StepIndex = 0;
            _stepAh = 0;
            _stepWh = 0;
            _started = true;
        }

        StepIndex++;
        // Step totals are signed (positive = charge): what moved since the last row goes to one direction.
        Accumulate(sample.StepAh - _stepAh, sample.StepWh - _stepWh);
        _stepId = sample.StepIndex;
        _stepTimeS = sample.StepTimeS;
        _stepAh = sample.StepAh;
        _stepWh = sample.StepWh;
    }

    private void Accumulate(double ah, double wh)
    {
        if (ah >= 0)
        {
            ChargingAh += ah;
        }
        else
        {
            DischargingAh -= ah;
        }

        if (wh >= 0)
        {
            ChargingWh += wh;
        }
        else
        {
            DischargingWh -= wh;
        }
    }
}
