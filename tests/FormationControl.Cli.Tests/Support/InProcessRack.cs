namespace FormationControl.Cli.Tests.Support;

/// <summary>
/// Tests whose simulated unit answers from this test process in real time, and the in-process demo that keeps this
/// process's CPU busy for seconds: in one collection, so they never run at once (a starved unit went silent for 5 s).
/// </summary>
[CollectionDefinition(Name)]
public sealed class InProcessRack
{
    public const string Name = "In-process rack";
}
