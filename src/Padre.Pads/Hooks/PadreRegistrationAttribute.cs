namespace Padre.Pads.Hooks;

/// <summary>
/// Names a type whose <c>public static void Register()</c> registers a library's event loggers. The Padre.Pads
/// generator calls it from a module initializer of every program that references the library.
/// </summary>
/// <param name="registrationType">The type declaring <c>public static void Register()</c>.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class PadreRegistrationAttribute(Type registrationType) : Attribute
{
    /// <summary>The type declaring <c>Register()</c>.</summary>
    public Type RegistrationType { get; } = registrationType;
}
