using System.Diagnostics.CodeAnalysis;
using FormationControl.Controller.Operations;

namespace FormationControl.Cli.Commands.Serve;

/// <summary>Who asks, from a request's "operator" and "role" fields.</summary>
internal static class ApiOperator
{
    public static bool TryRead(string? name, string? role, [NotNullWhen(true)] out OperatorIdentity? who, [NotNullWhen(false)] out string? error)
    {
        who = null;
        if (string.IsNullOrWhiteSpace(name))
        {
            error = "\"operator\": give the name of who asks (it goes to the audit trail)";
            return false;
        }

        OperatorRole? parsed = role switch
        {
            null or "" or "technician" => OperatorRole.Technician,
            "engineer" => OperatorRole.Engineer,
            _ => null,
        };
        if (parsed is not { } r)
        {
            error = $"\"role\": '{role}' is not a role; expected \"technician\" or \"engineer\"";
            return false;
        }

        who = new OperatorIdentity(name.Trim(), r);
        error = null;
        return true;
    }
}
