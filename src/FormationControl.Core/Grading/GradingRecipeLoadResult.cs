using System.Diagnostics.CodeAnalysis;
using FormationControl.Core.Profiles;

namespace FormationControl.Core.Grading;

/// <summary>The outcome of loading a grading recipe: the recipe when the file had no problem, else every problem found.</summary>
public sealed class GradingRecipeLoadResult(GradingRecipe? recipe, IReadOnlyList<ProfileDiagnostic> diagnostics)
{
    /// <summary>The recipe; null whenever <see cref="Diagnostics"/> is not empty.</summary>
    public GradingRecipe? Recipe { get; } = diagnostics.Count == 0 ? recipe : null;

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<ProfileDiagnostic> Diagnostics { get; } = diagnostics;

    /// <summary>True when the recipe loaded without any problem.</summary>
    [MemberNotNullWhen(true, nameof(Recipe))]
    public bool Succeeded => Recipe is not null;
}
