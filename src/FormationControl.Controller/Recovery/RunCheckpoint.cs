using System.Text.Json;
using System.Text.Json.Serialization;
using FormationControl.Controller.Channels;
using FormationControl.Controller.Execution;
using FormationControl.Controller.Logging;
using FormationControl.Core.Profiles;
using FormationControl.Core.Sequencing;
using FormationControl.Devices.Cycler;

namespace FormationControl.Controller.Recovery;

/// <summary>
/// Everything a <see cref="ChannelRun"/> needs to continue exactly where it was after the controller restarts:
/// taken by <see cref="ChannelRun.CreateCheckpoint"/> at every transition, every step end and periodically, stored
/// through the run's journal with the cycle's records, and given to <see cref="ChannelRun.Restore"/>. The device
/// keeps the running step's own counters (time, Ah, Wh); the checkpoint keeps what only the controller knows.
/// Serialised as JSON (<see cref="ToJson"/>); <see cref="Format"/> versions it.
/// </summary>
public sealed record RunCheckpoint
{
    /// <summary>The format this build writes and reads.</summary>
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public int Format { get; init; } = CurrentFormat;

    /// <summary>When it was taken (controller time).</summary>
    public DateTimeOffset SavedAt { get; init; }

    /// <summary>Starting, InStep or PausedByOperator; a run in CommLoss is checkpointed in the state it lost the link in.</summary>
    public ChannelState State { get; init; }

    /// <summary>0-based index of the running profile step.</summary>
    public int StepIndex { get; init; }

    /// <summary>Loop counters.</summary>
    public SequencerState Sequence { get; init; } = SequencerState.Initial;

    /// <summary>The device leg of the step (pulse steps have several).</summary>
    public int Leg { get; init; }

    /// <summary>Time, Ah and Wh of the step's finished legs.</summary>
    public StepTotals LegsDone { get; init; }

    /// <summary>What the current leg ran before an operator pause (its remainder is what a resume sends).</summary>
    public StepTotals LegPart { get; init; }

    /// <summary>Voltage and current the device latched at the end of each leg so far (a pulse's DCIR).</summary>
    public IReadOnlyList<LegEnd> LegEnds { get; init; } = [];

    /// <summary>When the step started (controller time).</summary>
    public DateTimeOffset StepStartedAt { get; init; }

    /// <summary>The device step sequence the run expects for its current leg.</summary>
    public ushort ExpectedSequence { get; init; }

    /// <summary>The software limit the run stopped the leg for, if it did.</summary>
    public StepLimit? SoftwareEnd { get; init; }

    /// <summary>An engineer's jump waiting for the stop of the running step.</summary>
    public int? JumpTo { get; init; }

    /// <summary>The device's final counters of a leg paused by an operator.</summary>
    public ChannelStatus? PausedStatus { get; init; }

    /// <summary>Since when the unit has not answered, if it does not; the give-up timeout runs on from it.</summary>
    public DateTimeOffset? CommLostSince { get; init; }

    /// <summary>Run totals of finished steps (absolute values).</summary>
    public double ChargeAh { get; init; }

    public double DischargeAh { get; init; }

    public double ChargeWh { get; init; }

    public double DischargeWh { get; init; }

    /// <summary>Step results the run had recorded when the checkpoint was taken: a restarted run never records one twice.</summary>
    public int StepResults { get; init; }

    /// <summary>The sample logger's last kept sample of the step.</summary>
    public SampleReference? LastLogged { get; init; }

    /// <summary>The run's last reason text.</summary>
    public string? Reason { get; init; }

    /// <summary>How far a running CCCV step's split into its CC and CV parts has got.</summary>
    public CccvSplitState? Cccv { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a checkpoint written by <see cref="ToJson"/>.</summary>
    /// <exception cref="InvalidDataException">Not a checkpoint, or one of another format; the message says which.</exception>
    public static RunCheckpoint FromJson(string json)
    {
        RunCheckpoint? checkpoint;
        try
        {
            checkpoint = JsonSerializer.Deserialize<RunCheckpoint>(json, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"not a run checkpoint: {e.Message}", e);
        }

        if (checkpoint is null)
        {
            throw new InvalidDataException("not a run checkpoint: the document is null");
        }

        return checkpoint.Format == CurrentFormat
            ? checkpoint
            : throw new InvalidDataException($"run checkpoint format {checkpoint.Format}; this build reads format {CurrentFormat}");
    }
}

/// <summary>What the device latched at the end of one leg of a step.</summary>
public readonly record struct LegEnd(double VoltageV, double CurrentA);
