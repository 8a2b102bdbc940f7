namespace Padre.Pads.Package.Tests.Support;

/// <summary>NativeAOT links with clang by default; machines with only gcc are told to use it.</summary>
internal static class NativeToolchain
{
    public static string[] PublishArguments() =>
        OnPath("clang") || !OnPath("gcc") ? [] : ["-p:CppCompilerAndLinker=gcc"];

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));
}
