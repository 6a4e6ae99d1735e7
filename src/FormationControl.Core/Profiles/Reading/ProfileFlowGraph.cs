namespace FormationControl.Core.Profiles.Reading;

/// <summary>
/// The ways from step to step of a flat profile: limit actions (next, goto, end; a fault leads nowhere), pulse steps
/// ending by themselves, labels and loop markers passing on, a loop end repeating or leaving. Node <c>Count</c> stands
/// for "completed". Used to find the steps from which the profile can never complete.
/// </summary>
internal sealed class ProfileFlowGraph
{
    private readonly List<int>[] _next;
    private readonly int _completed;

    public ProfileFlowGraph(IReadOnlyList<ProfileStep> steps, IReadOnlyDictionary<string, int> labels)
    {
        _completed = steps.Count;
        _next = [.. Enumerable.Range(0, steps.Count + 1).Select(_ => new List<int>())];
        foreach (var step in steps)
        {
            var ways = _next[step.Index];
            int following = step.Index + 1;
            switch (step.Type)
            {
                case StepType.End:
                    ways.Add(_completed);
                    break;
                case StepType.Loop or StepType.Label:
                    ways.Add(following);
                    break;
                case StepType.LoopEnd:
                    // Leaving first, so that a cycle found through a loop is one its passes cannot end.
                    ways.Add(following);
                    ways.Add(step.Loop!.StartIndex + 1);
                    break;
                default:
                    if (step.EndsByItself)
                    {
                        ways.Add(following);
                    }

                    foreach (var limit in step.Limits)
                    {
                        if (limit.Action == LimitAction.Next)
                        {
                            ways.Add(following);
                        }
                        else if (limit.Action == LimitAction.End)
                        {
                            ways.Add(_completed);
                        }
                        else if (limit.Action == LimitAction.Goto && limit.GotoLabel is { } label && labels.TryGetValue(label, out int target))
                        {
                            ways.Add(target);
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// The steps from which the profile cannot complete, each where such a region is entered: the first step, or a
    /// step reached from one that could still complete. Ascending.
    /// </summary>
    public IEnumerable<int> StuckEntries()
    {
        var reachable = Reach(0, _next);
        var previous = Reverse();
        var completing = Reach(_completed, previous);
        bool Stuck(int i) => reachable[i] && !completing[i];
        for (int i = 0; i < _completed; i++)
        {
            if (Stuck(i) && (i == 0 || previous[i].Any(p => reachable[p] && !Stuck(p))))
            {
                yield return i;
            }
        }
    }

    /// <summary>A cycle of steps starting at <paramref name="start"/> (first repeated at the end), or null when none is reachable from it.</summary>
    public IReadOnlyList<int>? CycleFrom(int start)
    {
        // Depth-first along the first ways; a step seen twice on the path closes a cycle.
        var path = new List<int>();
        var onPath = new Dictionary<int, int>();
        var done = new HashSet<int>();
        return Walk(start);

        IReadOnlyList<int>? Walk(int node)
        {
            if (onPath.TryGetValue(node, out int at))
            {
                return [.. path.Skip(at), node];
            }

            if (node == _completed || !done.Add(node))
            {
                return null;
            }

            onPath[node] = path.Count;
            path.Add(node);
            foreach (int next in _next[node])
            {
                if (Walk(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            onPath.Remove(node);
            return null;
        }
    }

    private List<int>[] Reverse()
    {
        var previous = Enumerable.Range(0, _next.Length).Select(_ => new List<int>()).ToArray();
        for (int from = 0; from < _next.Length; from++)
        {
            foreach (int to in _next[from])
            {
                previous[to].Add(from);
            }
        }

        return previous;
    }

    private static bool[] Reach(int start, List<int>[] ways)
    {
        var seen = new bool[ways.Length];
        var stack = new Stack<int>([start]);
        seen[start] = true;
        while (stack.TryPop(out int node))
        {
            foreach (int next in ways[node].Where(n => !seen[n]))
            {
                seen[next] = true;
                stack.Push(next);
            }
        }

        return seen;
    }
}
