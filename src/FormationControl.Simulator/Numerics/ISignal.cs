namespace FormationControl.Simulator.Numerics;

/// <summary>A scalar quantity along a closed-form path, as a function of time since the path's start.</summary>
internal interface ISignal
{
    double ValueAt(double timeS);
}
