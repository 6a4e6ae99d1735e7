namespace FormationControl.Simulator.Numerics;

/// <summary>A level a signal is watched for: reached from below (<see cref="Rising"/>) or from above.</summary>
/// <param name="Level">The level.</param>
/// <param name="Rising">True: triggered when the signal is at or above the level; false: at or below.</param>
/// <param name="Strict">True: the level itself does not trigger, only going past it.</param>
internal readonly record struct Threshold(double Level, bool Rising, bool Strict = false)
{
    public bool IsTriggeredBy(double value) => Rising
        ? (Strict ? value > Level : value >= Level)
        : (Strict ? value < Level : value <= Level);
}
