using FormationControl.Core.Grading;
using FormationControl.Storage;

namespace FormationControl.Controller.Grading;

/// <summary>
/// Grades finished runs with a recipe and stores the grade with everything it was decided from: the
/// measured capacity, the recipe's name, version and hash.
/// </summary>
public sealed class RunGrader(FormationStore store, GradingRecipe recipe, TimeProvider time)
{
    /// <summary>The capacity the recipe grades on: |Ah| of the last result of its named step in a completed run.</summary>
    public double? CapacityOf(RunRecord run)
    {
        if (run.Status != RunStatus.Completed)
        {
            return null;
        }

        var step = store.GetStepResults(run.Id).LastOrDefault(s => s.Label == recipe.CapacityStepLabel);
        return step is null ? null : Math.Abs(step.Ah);
    }

    public Task<GradeRecord> GradeAsync(RunRecord run, CancellationToken cancellationToken = default)
    {
        double? capacity = CapacityOf(run);
        var decision = run.Status == RunStatus.Completed
            ? recipe.Grade(capacity)
            : recipe.Grade(null) with { Reason = $"run {run.Status.ToString().ToLowerInvariant()}: {run.EndNote}" };
        var grade = new GradeRecord(
            0, run.CellId, run.Lot, run.Id, recipe.Name, recipe.Version, recipe.Hash,
            capacity, decision.Grade, decision.Reason, 0, time.GetUtcNow());
        return store.RecordGradeAsync(grade, cancellationToken);
    }
}
