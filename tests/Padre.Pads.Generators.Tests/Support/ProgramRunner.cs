using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Padre.Pads.Generators.Tests.Support;

/// <summary>Compiles a user program with the generator and loads it, so tests run real interceptors.</summary>
internal static class ProgramRunner
{
    public static Assembly Build(params (string Path, string Text)[] sources)
    {
        var (run, output) = GeneratorHarness.Run(GeneratorHarness.Compile(GeneratorHarness.EnabledOptions, OutputKind.DynamicallyLinkedLibrary, sources));
        Assert.Empty(run.Diagnostics);
        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return Assembly.Load(stream.ToArray());
    }

    public static object? Invoke(Assembly assembly, string type, string method, params object?[] arguments) =>
        assembly.GetType(type, throwOnError: true)!.GetMethod(method)!.Invoke(null, arguments);
}
