using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Padre.Pads.Generators.Model;

namespace Padre.Pads.Generators.Discovery;

/// <summary>
/// Turns one candidate invocation (its name can be tracked: <see cref="CandidateNames"/>) into a <see cref="CallSite"/>.
/// Calls into <c>System.*</c> are skipped early (they are never mapped) unless the target carries a Padre attribute.
/// </summary>
internal static class CallDiscovery
{
    public const string TrackAttribute = "Padre.Pads.TrackAttribute";
    public const string ExperimentAttribute = "Padre.Pads.PadreExperimentAttribute";
    public const string DatasetAttribute = "Padre.Pads.PadreDatasetAttribute";

    /// <summary>
    /// Describes one call; <paramref name="targets"/> remembers what depends only on the called method, so further
    /// calls of the same method (in any file of the compilation: the files are bound in parallel, so the cache is
    /// shared between threads) cost their binding and location only.
    /// </summary>
    public static CallSite? Describe(InvocationExpressionSyntax invocation, SemanticModel model, ConcurrentDictionary<IMethodSymbol, Target?> targets, CancellationToken cancellationToken)
    {
        // The symbol, not the operation: GetOperation builds an operation tree for the whole statement around the call
        // (about 2.5 times GetSymbolInfo's cost on the benchmark project, DiscoveryProfile), and everything read from
        // it follows from the symbol and the syntax. A dynamically bound call has no symbol, only candidates.
        if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol bound)
        {
            return null;
        }

        // x.Ext(a) binds to the reduced form; the interceptor (and the operation the generator used to read) takes the
        // method as declared, the receiver as its first parameter.
        var method = bound.ReducedFrom is not null ? bound.GetConstructedReducedFrom() ?? bound : bound;
        if (method.MethodKind is not MethodKind.Ordinary || method.ContainingType is null)
        {
            return null;
        }

        if (!targets.TryGetValue(method, out var target))
        {
            // Two threads may describe the same method at once: the description is the same, either is kept.
            target = DescribeTarget(method, model.Compilation);
            targets.TryAdd(method, target);
        }

        if (target is null)
        {
            return null;
        }

        var template = target.Template;
        var definition = method.OriginalDefinition;
        var location = model.GetInterceptableLocation(invocation, cancellationToken);
        var lineSpan = invocation.GetLocation().GetLineSpan();
        var reason = WhyNotInterceptable(invocation, model, definition, target, cancellationToken) ?? target.Reason;
        var written = WrittenParameters(invocation, method, reduced: bound.ReducedFrom is not null);

        var parameters = new List<ParameterModel>();
        for (var i = 0; i < template.Parameters.Count; i++)
        {
            var p = template.Parameters[i];
            parameters.Add(p with { Written = written.Contains(i) || p.IsThis });
        }

        return template with
        {
            LocationVersion = location?.Version ?? 0,
            LocationData = location?.Data ?? string.Empty,
            FilePath = lineSpan.Path,
            Line = lineSpan.StartLinePosition.Line + 1,
            Column = lineSpan.StartLinePosition.Character + 1,
            Parameters = parameters.ToEquatableArray(),
            NotInterceptableReason = location is null ? reason ?? "the compiler gave no interceptable location" : reason,
            Location = SourceSpan.From(NameLocation(invocation)),
        };
    }

    /// <summary>Everything about a call that depends on the called method alone, or null when it is never tracked.</summary>
    private static Target? DescribeTarget(IMethodSymbol method, Compilation compilation)
    {
        var attributes = ReadAttributes(method);
        if (attributes is null && SymbolNames.IsInSystemNamespace(method))
        {
            return null;
        }

        var definition = method.OriginalDefinition;
        var shape = definition.IsExtensionMethod ? CallShape.Extension : definition.IsStatic ? CallShape.Static : CallShape.Instance;
        var typeNames = new List<string>();
        if (shape == CallShape.Extension && definition.Parameters.Length > 0)
        {
            typeNames.AddRange(SymbolNames.WithAncestors(method.Parameters[0].Type));
        }

        typeNames.AddRange(SymbolNames.WithAncestors(method.ContainingType));

        var path = TargetReach.Find(definition, compilation);
        var reason = path.Reason;
        var typeParameters = definition.ContainingType.TypeParameters.Concat(definition.TypeParameters).ToList();
        if (typeParameters.Select(t => t.Name).Distinct().Count() != typeParameters.Count)
        {
            reason ??= "the type parameters of the type and the method share a name";
        }

        if (definition.ContainingType.ContainingType?.IsGenericType == true)
        {
            reason ??= "methods of types nested in generic types are not supported";
        }

        var parameters = new List<ParameterModel>();
        foreach (var p in definition.Parameters)
        {
            parameters.Add(new ParameterModel(
                Escape(p.Name),
                p.Type.ToDisplayString(SymbolNames.Code),
                p.RefKind switch { RefKind.Ref => "ref ", RefKind.Out => "out ", RefKind.In => "in ", RefKind.RefReadOnlyParameter => "ref readonly ", _ => string.Empty },
                false,
                shape == CallShape.Extension && p.Ordinal == 0,
                OptionMembers(p.Type).ToEquatableArray(),
                p.Type.IsRefLikeType));
        }

        var template = new CallSite(
            0,
            string.Empty,
            string.Empty,
            0,
            0,
            method.Name,
            typeNames.Distinct().ToEquatableArray(),
            shape,
            definition.ContainingType.ToDisplayString(SymbolNames.Code),
            definition.ToDisplayString(SymbolNames.Display),
            definition.ReturnType.ToDisplayString(SymbolNames.Code),
            definition.ReturnsVoid,
            typeParameters.Select(t => t.Name).ToEquatableArray(),
            definition.TypeParameters.Select(t => t.Name).ToEquatableArray(),
            typeParameters.Select(Constraint).Where(c => c is not null).Select(c => c!).ToEquatableArray(),
            parameters.ToEquatableArray(),
            definition.ReturnType.IsRefLikeType ? null : MetricReader.Read(definition.ReturnType),
            attributes,
            path.Reach,
            path.TypeName,
            definition.ContainingType.IsValueType,
            shape == CallShape.Instance && definition.ContainingType.IsValueType ? (definition.IsReadOnly ? "in " : "ref ") : string.Empty,
            (definition.ContainingType.IsRefLikeType ? RefLike.Receiver : RefLike.None) | (definition.ReturnType.IsRefLikeType ? RefLike.Result : RefLike.None),
            null,
            null);
        return new Target(template, reason, ByRefReason(definition), SignatureReason(definition, compilation));
    }

    /// <summary>
    /// What a call's description takes from its target: a <see cref="CallSite"/> without location or written
    /// arguments, and why the target cannot be intercepted (if it cannot). <see cref="Reason"/> is said after the
    /// call's own reasons; <see cref="ByRef"/> (said first) and <see cref="Signature"/> (said after a <c>base.</c>
    /// call) depend on the declaration alone, so they are checked once per method, not once per call.
    /// </summary>
    internal sealed class Target(CallSite template, string? reason, string? byRef, string? signature)
    {
        public CallSite Template { get; } = template;

        public string? Reason { get; } = reason;

        public string? ByRef { get; } = byRef;

        public string? Signature { get; } = signature;
    }

    private static Location NameLocation(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.GetLocation(),
        MemberBindingExpressionSyntax binding => binding.Name.GetLocation(),
        _ => invocation.Expression.GetLocation(),
    };

    /// <summary>
    /// The parameters (by position in the declared method) that the call gives an argument: named or positional ones,
    /// and a params parameter always (the compiler passes an array, empty or not); omitted optional ones are not.
    /// </summary>
    private static HashSet<int> WrittenParameters(InvocationExpressionSyntax invocation, IMethodSymbol method, bool reduced)
    {
        var written = new HashSet<int>();
        var parameters = method.Parameters;
        var offset = reduced ? 1 : 0;
        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].IsParams)
            {
                written.Add(i);
            }
        }

        var arguments = invocation.ArgumentList.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].NameColon is { } name)
            {
                var named = name.Name.Identifier.ValueText;
                for (var j = 0; j < parameters.Length; j++)
                {
                    if (parameters[j].Name == named)
                    {
                        written.Add(j);
                    }
                }
            }
            else if (i + offset < parameters.Length)
            {
                written.Add(i + offset);
            }
        }

        return written;
    }

    private static string? WhyNotInterceptable(InvocationExpressionSyntax invocation, SemanticModel model, IMethodSymbol definition, Target target, CancellationToken cancellationToken)
    {
        if (target.ByRef is { } byRef)
        {
            return byRef;
        }

        var receiver = invocation.Expression is MemberAccessExpressionSyntax member ? member.Expression : null;
        if (receiver is BaseExpressionSyntax && (definition.IsVirtual || definition.IsOverride || definition.IsAbstract))
        {
            // An interceptor would dispatch virtually and call the override again, not the base method.
            return "it is called through 'base.', which an interceptor cannot reproduce for a virtual method";
        }

        if (target.Signature is { } signature)
        {
            return signature;
        }

        if (receiver is not null && !definition.IsStatic && !definition.IsExtensionMethod
            && model.GetTypeInfo(receiver, cancellationToken).Type is { TypeKind: TypeKind.Dynamic })
        {
            return "the receiver is dynamic";
        }

        return null;
    }

    private static string? ByRefReason(IMethodSymbol definition) =>
        definition.ReturnsByRef || definition.ReturnsByRefReadonly ? "methods returning by reference are not supported" : null;

    private static string? SignatureReason(IMethodSymbol definition, Compilation compilation)
    {
        foreach (var type in definition.Parameters.Select(p => p.Type).Append(definition.ReturnType))
        {
            if (!IsAccessible(type, compilation))
            {
                return "its signature uses '" + type.ToDisplayString() + "', which generated code cannot name; make it internal or public";
            }
        }

        return null;
    }

    private static bool IsAccessible(ITypeSymbol type, Compilation compilation) => type switch
    {
        ITypeParameterSymbol => true,
        IArrayTypeSymbol array => IsAccessible(array.ElementType, compilation),
        IPointerTypeSymbol => false,
        INamedTypeSymbol named => (named.IsFileLocal == false) && compilation.IsSymbolAccessibleWithin(named, compilation.Assembly)
            && named.TypeArguments.All(a => IsAccessible(a, compilation)),
        _ => true,
    };

    private static string? Constraint(ITypeParameterSymbol parameter)
    {
        var parts = new List<string>();
        if (parameter.HasReferenceTypeConstraint)
        {
            parts.Add("class");
        }

        if (parameter.HasUnmanagedTypeConstraint)
        {
            parts.Add("unmanaged");
        }
        else if (parameter.HasValueTypeConstraint)
        {
            parts.Add("struct");
        }

        if (parameter.HasNotNullConstraint)
        {
            parts.Add("notnull");
        }

        parts.AddRange(parameter.ConstraintTypes.Select(t => t.ToDisplayString(SymbolNames.Code)));
        if (parameter.HasConstructorConstraint && !parameter.HasValueTypeConstraint)
        {
            parts.Add("new()");
        }

        return parts.Count == 0 ? null : "where " + parameter.Name + " : " + string.Join(", ", parts);
    }

    /// <summary>Public simple-valued members of an Options parameter, read directly by generated code.</summary>
    private static IEnumerable<string> OptionMembers(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class } named || !named.Name.EndsWith("Options", System.StringComparison.Ordinal))
        {
            yield break;
        }

        var seen = new HashSet<string>();
        for (var t = named; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
        {
            foreach (var member in t.GetMembers())
            {
                if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public || IsObsolete(member) || !seen.Add(member.Name))
                {
                    continue;
                }

                var memberType = member switch
                {
                    IFieldSymbol { IsConst: false } f => f.Type,
                    IPropertySymbol { IsIndexer: false, GetMethod.DeclaredAccessibility: Accessibility.Public } p => p.Type,
                    _ => null,
                };
                if (memberType is not null && IsSimple(memberType))
                {
                    yield return Escape(member.Name);
                }
            }
        }
    }

    private static bool IsSimple(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type.TypeKind == TypeKind.Enum || type.SpecialType is SpecialType.System_Boolean or SpecialType.System_Char
            or SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
            or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
            or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal or SpecialType.System_String;
    }

    internal static bool IsObsolete(ISymbol symbol) =>
        symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.ObsoleteAttribute");

    private static AttributeHooks? ReadAttributes(IMethodSymbol method)
    {
        var hooks = 0;
        string? experiment = null, project = null, dataset = null, target = null;
        var found = false;
        foreach (var attribute in method.GetAttributes())
        {
            switch (attribute.AttributeClass?.ToDisplayString())
            {
                case TrackAttribute:
                    found = true;
                    foreach (var arg in attribute.ConstructorArguments)
                    {
                        if (arg.Kind == TypedConstantKind.Array)
                        {
                            hooks |= arg.Values.Select(v => v.Value is int i ? i : 0).Aggregate(0, (a, b) => a | b);
                        }
                        else if (arg.Value is int single)
                        {
                            hooks |= single;
                        }
                    }

                    break;
                case ExperimentAttribute:
                    found = true;
                    experiment = attribute.ConstructorArguments.FirstOrDefault().Value as string ?? method.Name;
                    project = Named(attribute, "Project");
                    break;
                case DatasetAttribute:
                    found = true;
                    dataset = attribute.ConstructorArguments.FirstOrDefault().Value as string ?? method.Name;
                    target = Named(attribute, "Target");
                    break;
            }
        }

        return found ? new AttributeHooks(hooks, experiment, project, dataset, target) : null;
    }

    private static string? Named(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;

    internal static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None
            ? "@" + name
            : name;
}
