namespace FormationControl.Controller.Hosting;

/// <summary>What <see cref="RackConnector"/> does about a unit it cannot reach.</summary>
public enum RackConnectMode
{
    /// <summary>Any unreachable unit is an error naming unit and address, and nothing is left open (<c>fc run</c>).</summary>
    Strict,

    /// <summary>An unreachable unit is reported and retried in the background; it polls as offline until it answers (<c>fc serve</c>).</summary>
    Tolerant,
}
