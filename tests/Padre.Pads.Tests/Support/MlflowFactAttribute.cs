namespace Padre.Pads.Tests.Support;

/// <summary>A fact that needs the real MLflow bundle; it is skipped, with the reason, where the bundle is absent.</summary>
public sealed class MlflowFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the bundle is missing.</summary>
    public MlflowFactAttribute()
    {
        if (MlflowBundle.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
