namespace FormationControl.Controller.Operations;

/// <summary>Who asks for an operation, as written to the audit trail.</summary>
public sealed record OperatorIdentity(string Name, OperatorRole Role)
{
    public string RoleText => Role == OperatorRole.Engineer ? "engineer" : "technician";
}
