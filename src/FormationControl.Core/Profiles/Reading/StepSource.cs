using FormationControl.Core.Json;

namespace FormationControl.Core.Profiles.Reading;

/// <summary>
/// Where a flat step came from, for problems found after all steps are read (flow checks): the step's node, the node
/// of each of its limits (same order as <see cref="ProfileStep.Limits"/>) and, for loop markers, the "until" node.
/// </summary>
internal sealed record StepSource(JsonSourceNode Node, IReadOnlyList<JsonSourceNode> LimitNodes, JsonSourceNode? UntilNode = null);
