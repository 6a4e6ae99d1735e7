namespace FormationControl.Controller.Operations;

/// <summary>What an operator may do: engineers may also jump steps and start unreleased profiles (engineering mode).</summary>
public enum OperatorRole
{
    Technician,
    Engineer,
}
