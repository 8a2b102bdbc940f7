using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Padre.Pads.Generators.Discovery;
using Padre.Pads.Generators.Mapping;
using Padre.Pads.Generators.Model;

namespace Padre.Pads.Generators.Emission;

/// <summary>
/// What an interceptor runs once tracking is on, written once per compilation into <see cref="ClassName"/> and shared
/// by every site, in any file, whose body reads the same (same target, hooks, metrics and step): it hands the runtime
/// the site (its first parameter) and the live arguments, calls the target and reports result, metrics or failure. A
/// predict-only body only counts and times, without allocating. Its metric readers and, for a target generated code
/// may not name, its <c>[UnsafeAccessor]</c> come with it.
/// </summary>
/// <remarks>
/// A body is named after the target's method and a hash of its text (<c>Sdca_5f1c03ab</c>), so each file's
/// interceptors name it without knowing the other files: a file's interceptors are regenerated when that file
/// changes, and the shared class when the set of bodies does.
/// </remarks>
internal static class TrackingBody
{
    /// <summary>The generated class that holds the bodies.</summary>
    public const string ClassName = "PadreTracking";

    /// <summary>Where the body's name goes in <see cref="Text"/> (its own and its helpers').</summary>
    public const string NameToken = "\u0001";

    /// <summary>
    /// The site without what only its location decides (where it is, which arguments it wrote): sites with equal keys
    /// share a body.
    /// </summary>
    public static TrackedSite KeyOf(TrackedSite site) => site with
    {
        Call = site.Call with
        {
            LocationVersion = 0,
            LocationData = string.Empty,
            FilePath = string.Empty,
            Line = 0,
            Column = 0,
            Location = null,
            TypeNames = EquatableArray<string>.Empty,
            Parameters = site.Call.Parameters.Select(p => p with { Written = false }).ToEquatableArray(),
        },
    };

    /// <summary>The name of the body each of <paramref name="sites"/> forwards to.</summary>
    public static EquatableArray<string> NamesOf(IReadOnlyList<TrackedSite> sites)
    {
        var names = new Dictionary<TrackedSite, string>();
        var result = new string[sites.Count];
        for (var i = 0; i < sites.Count; i++)
        {
            var key = KeyOf(sites[i]);
            if (!names.TryGetValue(key, out var name))
            {
                name = Name(key, Text(key));
                names.Add(key, name);
            }

            result[i] = name;
        }

        return result.ToEquatableArray();
    }

    /// <summary>The bodies a file's sites forward to, each once.</summary>
    public static TrackingBodies Of(FileInterceptors file)
    {
        var bodies = new List<NamedBody>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        for (var i = 0; i < file.Sites.Count; i++)
        {
            if (seen.Add(file.Bodies[i]))
            {
                bodies.Add(new NamedBody(file.Bodies[i], KeyOf(file.Sites[i])));
            }
        }

        return new TrackingBodies(bodies.ToEquatableArray());
    }

    /// <summary>The body's name: the target's method name and a hash of <paramref name="text"/> (<see cref="Text"/> of its key).</summary>
    public static string Name(TrackedSite key, string text)
    {
        uint hash = 2166136261;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        return key.Call.MethodName.TrimStart('@') + "_" + hash.ToString("x8", CultureInfo.InvariantCulture);
    }

    /// <summary>The body and its helpers, indented for the class, with <see cref="NameToken"/> for the name.</summary>
    public static string Text(TrackedSite key)
    {
        var call = key.Call;
        var w = new SourceWriter(indent: 2);
        var parameters = new List<string> { "PadreHooks.InterceptionSite site" };
        if (call.Shape == CallShape.Instance)
        {
            parameters.Add(call.ReceiverRefKind + call.ContainingType + " @this");
        }

        parameters.AddRange(call.Parameters.Select(p => p.RefKind + p.Type + " " + p.Name));
        w.Line("[StackTraceHidden, DebuggerStepThrough]");
        w.Line("internal static " + call.ReturnType + " " + NameToken + Generic(call.TypeParameters) + "(" + string.Join(", ", parameters) + ")");
        foreach (var constraint in call.Constraints)
        {
            w.Line("    " + constraint);
        }

        w.Block();
        Tracking(w, key);
        w.Close();
        Helpers(w, key);
        return w.ToString();
    }

    /// <summary>The call of the target itself, by name or through the accessor of the body <paramref name="name"/> (qualified by its class from outside it).</summary>
    public static string Invocation(CallSite call, string name)
    {
        var args = string.Join(", ", call.Parameters.Select(Forward));
        var generic = Generic(call.MethodTypeParameters);
        if (call.Reach != Reach.Direct)
        {
            var typeParameters = Generic(call.TypeParameters.Where(t => !call.MethodTypeParameters.Contains(t)));
            var receiver = call.Shape != CallShape.Instance ? "default"
                : call.ReceiverRefKind == "ref " ? "ref @this"
                : call.ReceiverRefKind == "in " ? "ref global::System.Runtime.CompilerServices.Unsafe.AsRef(in @this)"
                : "@this";
            return name + "_Target" + typeParameters + ".Call" + generic + "(" + receiver + (args.Length == 0 ? string.Empty : ", " + args) + ")";
        }

        return call.Shape switch
        {
            CallShape.Instance => "@this." + call.MethodName + generic + "(" + args + ")",
            _ => call.ContainingType + "." + call.MethodName + generic + "(" + args + ")",
        };
    }

    public static string Forward(ParameterModel p) => p.RefKind.Replace("ref readonly ", "in ") + p.Name;

    public static string Generic(IEnumerable<string> typeParameters)
    {
        var list = typeParameters.ToList();
        return list.Count == 0 ? string.Empty : "<" + string.Join(", ", list) + ">";
    }

    /// <summary>What tracks the call: the site is the body's parameter <c>site</c>.</summary>
    private static void Tracking(SourceWriter w, TrackedSite site)
    {
        var call = site.Call;
        var invoke = Invocation(call, NameToken);
        var ret = call.ReturnsVoid ? string.Empty : "return ";
        if (site.Hooks == HookSet.Predict && call.Attributes is null or { ExperimentName: null, DatasetName: null })
        {
            // Hot path: no argument array, no call object; the site aggregates count and time.
            w.Line("var started = global::System.Diagnostics.Stopwatch.GetTimestamp();");
            w.Open("try");
            w.Line(ret + invoke + ";");
            w.Close();
            w.Open("finally");
            w.Line("site.Record(started);");
            w.Close();
            return;
        }

        // Spans and other ref structs cannot be boxed: the hooks see null for them.
        var receiver = call.Shape == CallShape.Instance && (call.RefLike & RefLike.Receiver) == 0 ? "@this"
            : call.Shape == CallShape.Extension && !call.Parameters[0].IsRefLike ? call.Parameters[0].Name
            : "null";
        var values = new List<string>();
        foreach (var p in call.Parameters.Where(p => !p.IsThis))
        {
            values.Add(p.RefKind == "out " || p.IsRefLike ? "null" : p.Name);
            foreach (var member in p.OptionMembers)
            {
                values.Add(p.Name + "?." + member);
            }
        }

        var arguments = values.Count == 0
            ? "global::System.Array.Empty<object?>()"
            : "new object?[] { " + string.Join(", ", values) + " }";
        w.Line("var call = PadreHooks.Interception.Begin(site, " + receiver + ", " + arguments + ");");
        w.Open("try");
        if (call.ReturnsVoid)
        {
            w.Line(invoke + ";");
            w.Line("call?.Complete(null);");
        }
        else
        {
            w.Line("var result = " + invoke + ";");
            var reads = (site.Hooks & HookSet.Metric) != 0 ? call.Metrics : null;
            if (reads is { Awaited: true })
            {
                // An async metric method: the value is read, and the call recorded, when the task completes; the
                // caller awaits a task that completes after that, so what it awaits is already recorded.
                w.Line("result = call is null ? result : call.Complete(result, static (c, value) => " + NameToken + "_Metrics(c, value, 0));");
            }
            else if (IsTask(call.ReturnType))
            {
                // An async method: recorded (and an experiment's run ended) when its task completes; the caller gets a
                // task that completes after that, so even a blocking wait finds the call recorded and the run ended.
                w.Line("result = call is null ? result : call.CompleteAsync(result);");
            }
            else
            {
                if (reads is not null)
                {
                    // The result is passed on untested: a null check here would make the return look nullable.
                    w.Open("if (call is not null)");
                    w.Line(NameToken + (reads.FoldProperty is null ? "_Metrics(call, result, 0);" : "_Folds(call, result);"));
                    w.Close();
                }

                w.Line((call.RefLike & RefLike.Result) == 0 ? "call?.Complete(result);" : "call?.Complete(null);");
            }

            w.Line("return result;");
        }

        w.Close();
        w.Open("catch (global::System.Exception exception)");
        w.Line("call?.Fail(exception);");
        w.Line("throw;");
        w.Close();
    }

    /// <summary>The metric readers and the accessor of a body, if it needs them, each after a blank line.</summary>
    private static void Helpers(SourceWriter w, TrackedSite site)
    {
        var call = site.Call;
        if ((site.Hooks & HookSet.Metric) != 0 && call.Metrics is not null)
        {
            if (call.Metrics.FoldProperty is { } foldProperty)
            {
                w.Line();
                w.Open("private static void " + NameToken + "_Folds(PadreHooks.HookCall call, " + Nullable(call.ReturnType) + " folds)");
                w.Open("if (folds is null)");
                w.Line("return;");
                w.Close();
                w.Line();
                w.Open("for (var fold = 0; fold < folds.Count; fold++)");
                w.Line(NameToken + "_Metrics(call, folds[fold]?." + foldProperty + ", fold);");
                w.Close();
                w.Close();
            }

            w.Line();
            EmitMetrics(w, call.Metrics, site.Step);
        }

        if (call.Reach != Reach.Direct)
        {
            w.Line();
            EmitAccessor(w, call);
        }
    }

    /// <summary>
    /// The target is private or protected: an <c>[UnsafeAccessor]</c> calls it. Type parameters of the declaring type
    /// go on the accessor's class and the method's on the accessor, as the runtime's generic matching requires.
    /// </summary>
    private static void EmitAccessor(SourceWriter w, CallSite call)
    {
        var typeParameters = call.TypeParameters.Where(t => !call.MethodTypeParameters.Contains(t)).ToList();
        var isStatic = call.Shape != CallShape.Instance;
        w.Line("/// <summary>Calls <c>" + Xml(call.TargetDisplay) + "</c>, which generated code may not name (UnsafeAccessor).</summary>");
        w.Line("internal static class " + NameToken + "_Target" + Generic(typeParameters));
        foreach (var constraint in ConstraintsOf(call, typeParameters))
        {
            w.Line("    " + constraint);
        }

        w.Block();
        var receiver = call.Reach == Reach.AccessorByTypeName
            ? "[global::System.Runtime.CompilerServices.UnsafeAccessorType(" + SourceWriter.Literal(call.AccessorTypeName) + ")] object? @this"
            : isStatic ? call.ContainingType + (call.DeclaredInStruct ? " @this" : "? @this")
            : (call.ReceiverRefKind.Length > 0 ? "ref " : string.Empty) + call.ContainingType + " @this";
        var parameters = new List<string> { receiver };
        parameters.AddRange(call.Parameters.Select(p => p.RefKind + p.Type + " " + p.Name));
        w.Line("[global::System.Runtime.CompilerServices.UnsafeAccessor(global::System.Runtime.CompilerServices.UnsafeAccessorKind."
            + (isStatic ? "StaticMethod" : "Method") + ", Name = " + SourceWriter.Literal(call.MethodName.TrimStart('@')) + ")]");
        var signature = "public static extern " + call.ReturnType + " Call" + Generic(call.MethodTypeParameters) + "(" + string.Join(", ", parameters) + ")";
        var constraints = ConstraintsOf(call, call.MethodTypeParameters).ToList();
        w.Line(signature + (constraints.Count == 0 ? ";" : string.Empty));
        for (var i = 0; i < constraints.Count; i++)
        {
            w.Line("    " + constraints[i] + (i == constraints.Count - 1 ? ";" : string.Empty));
        }

        w.Close();
    }

    private static IEnumerable<string> ConstraintsOf(CallSite call, IEnumerable<string> typeParameters) =>
        typeParameters.SelectMany(t => call.Constraints.Where(c => c.StartsWith("where " + t + " :", System.StringComparison.Ordinal)));

    private static void EmitMetrics(SourceWriter w, ResultMetrics metrics, string step)
    {
        w.Open("private static void " + NameToken + "_Metrics(PadreHooks.HookCall call, " + (metrics.IsValueType ? metrics.MetricsType : Nullable(metrics.MetricsType)) + " metrics, long step)");
        if (!metrics.IsValueType)
        {
            w.Open("if (metrics is null)");
            w.Line("return;");
            w.Close();
            w.Line();
        }

        if (metrics.IsValue)
        {
            // A number the user's method returned: named after the method (the step), like PyPads' logged return values.
            w.Line("call.Metric(" + SourceWriter.Literal(step) + ", (double)metrics, step);");
        }

        foreach (var group in metrics.Members.GroupBy(m => m.Owner))
        {
            var owner = "metrics";
            if (group.Key.Length > 0)
            {
                owner = "nested" + group.Key;
                w.Open("if (metrics." + group.Key + " is { } " + owner + ")");
            }

            foreach (var member in group)
            {
                var key = SourceWriter.Literal(group.Key.Length > 0 ? group.Key + "." + member.Name : member.Name);
                var read = owner + "." + member.Name;
                var log = member.Kind switch
                {
                    MetricKind.Scalar => "call.Metric(" + key + ", (double)" + read + ", step);",
                    MetricKind.Series or MetricKind.FloatSeries => "call.MetricSeries(" + key + ", " + read + ", step);",
                    _ => "call.MetricMatrix(" + key + ", " + read + ", step);",
                };
                w.Line(member.Guard is { } guard ? "if (" + owner + "." + guard + " != 0) " + log : log);
            }

            if (group.Key.Length > 0)
            {
                w.Close();
            }
        }

        w.Close();
    }

    private static bool IsTask(string type) =>
        type.TrimEnd('?') == "global::System.Threading.Tasks.Task" || type.StartsWith("global::System.Threading.Tasks.Task<", System.StringComparison.Ordinal);

    private static string Nullable(string type) => type.EndsWith("?", System.StringComparison.Ordinal) ? type : type + "?";

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
