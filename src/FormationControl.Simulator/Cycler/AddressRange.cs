namespace FormationControl.Simulator.Cycler;

/// <summary>A half-open range [Start, End) of register addresses.</summary>
internal readonly record struct AddressRange(int Start, int End)
{
    public static AddressRange Empty { get; } = new(0, 0);

    public int Length => End - Start;

    public bool Contains(int address) => address >= Start && address < End;

    public bool Overlaps(AddressRange other) => Length > 0 && other.Length > 0 && Start < other.End && other.Start < End;
}
