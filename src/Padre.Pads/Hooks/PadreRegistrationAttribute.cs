namespace Padre.Pads.Hooks;

/// <summary>
/// Names a type whose <c>public static void Register()</c> registers a library's event loggers. The Padre.Pads
/// generator hands it to the tracker from a module initializer of every program that references the library; the
/// tracker calls it on its warm-up thread, and at the latest before the first hooked call or change to the event
/// loggers, so loading the library does not delay <c>Main</c>.
/// </summary>
/// <param name="registrationType">The type declaring <c>public static void Register()</c>.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class PadreRegistrationAttribute(Type registrationType) : Attribute
{
    /// <summary>The type declaring <c>Register()</c>.</summary>
    public Type RegistrationType { get; } = registrationType;
}
