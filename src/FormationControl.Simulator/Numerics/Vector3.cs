using System.Runtime.CompilerServices;

namespace FormationControl.Simulator.Numerics;

/// <summary>Three doubles stored inline, for the modal state of a held cell (no allocation).</summary>
[InlineArray(3)]
internal struct Vector3
{
    private double _element;
}
