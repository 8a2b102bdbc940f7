using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Padre.Pads.Analyzers.Calls;

/// <summary>
/// PADRE022: interceptors replace direct calls only. A tracked method reached through a delegate
/// (method group), a <c>dynamic</c> receiver, reflection or inside an expression tree runs untracked.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NonInterceptableCallAnalyzer : DiagnosticAnalyzer
{
    private const string DirectCallFix = "call it directly instead";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.CallNotInterceptable];

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(AnalyzeMethodReference, OperationKind.MethodReference);
        context.RegisterOperationAction(AnalyzeDynamicInvocation, OperationKind.DynamicInvocation);
        context.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);
    }

    private static void AnalyzeMethodReference(OperationAnalysisContext context)
    {
        var reference = (IMethodReferenceOperation)context.Operation;
        var lost = TrackedMethod.WhatIsLost(reference.Method);
        if (lost is null)
        {
            return;
        }

        Report(context, reference.Method, "a delegate (method group)", lost,
            $"call it directly, e.g. in a lambda such as 'x => ...{reference.Method.Name}(x)', whose call is intercepted");
    }

    private static void AnalyzeDynamicInvocation(OperationAnalysisContext context)
    {
        var invocation = (IDynamicInvocationOperation)context.Operation;
        if (invocation.Operation is not IDynamicMemberReferenceOperation member)
        {
            return;
        }

        const string fix = "give the receiver and arguments their static types (cast them) so the call binds at compile time";
        var receiverType = member.Instance?.Type;
        if (receiverType is null || receiverType.TypeKind == TypeKind.Dynamic)
        {
            // Only the name is known; a method of that name matters only where ML.NET is referenced.
            var lostByName = TrackedMethod.WhatIsLostByName(member.MemberName);
            if (lostByName is not null && ReferencesMLNet(context.Compilation))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.CallNotInterceptable, NameLocation(invocation.Syntax), member.MemberName, "a dynamic receiver", "if it is ML.NET's " + member.MemberName + ", " + lostByName, fix));
            }

            return;
        }

        var target = FindTrackedMember(receiverType, member.MemberName);
        if (target is not null)
        {
            Report(context, target.Value.Method, "dynamic binding", target.Value.Lost, fix);
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name == "Invoke" && SymbolFacts.IsType(method.ContainingType, "System.Reflection.MethodBase"))
        {
            AnalyzeReflectionInvoke(context, invocation);
            return;
        }

        var lost = TrackedMethod.WhatIsLost(method);
        if (lost is not null && IsInExpressionTree(invocation))
        {
            Report(context, method, "an expression tree", lost,
                "call it outside the expression tree, or use a delegate lambda (Func<...>) instead of Expression<...>");
        }
    }

    /// <summary>Flags <c>typeof(T).GetMethod("Fit").Invoke(...)</c> (also through a local) when T has a tracked method of that name.</summary>
    private static void AnalyzeReflectionInvoke(OperationAnalysisContext context, IInvocationOperation invoke)
    {
        var source = Unwrap(invoke.Instance);
        if (source is ILocalReferenceOperation local)
        {
            source = Unwrap(InitializerOf(local.Local, invoke.SemanticModel, context));
        }

        if (source is not IInvocationOperation { TargetMethod.Name: "GetMethod" } getMethod
            || !SymbolFacts.IsType(getMethod.TargetMethod.ContainingType, "System.Type")
            || getMethod.Arguments.FirstOrDefault()?.Value.ConstantValue is not { HasValue: true, Value: string name })
        {
            return;
        }

        var type = Unwrap(getMethod.Instance) switch
        {
            ITypeOfOperation typeOf => typeOf.TypeOperand,
            IInvocationOperation { TargetMethod.Name: "GetType", Instance: { } instance } => instance.Type,
            _ => null,
        };
        var target = type is null ? null : FindTrackedMember(type, name);
        if (target is not null)
        {
            Report(context, target.Value.Method, "reflection (MethodInfo.Invoke)", target.Value.Lost, DirectCallFix);
        }
    }

    private static IOperation? InitializerOf(ILocalSymbol local, SemanticModel? model, OperationAnalysisContext context)
    {
        var syntax = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken);
        return syntax is VariableDeclaratorSyntax { Initializer.Value: { } value } && model is not null && value.SyntaxTree == model.SyntaxTree
            ? model.GetOperation(value, context.CancellationToken)
            : null;
    }

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
        {
            operation = operation switch
            {
                IConversionOperation conversion => conversion.Operand,
                IParenthesizedOperation parenthesized => parenthesized.Operand,
                _ => operation,
            };
        }

        return operation;
    }

    private static (IMethodSymbol Method, string Lost)? FindTrackedMember(ITypeSymbol type, string name)
    {
        foreach (var candidate in new[] { type }.Concat(BaseTypes(type)).Concat(type.AllInterfaces))
        {
            foreach (var method in candidate.GetMembers(name).OfType<IMethodSymbol>())
            {
                var lost = TrackedMethod.WhatIsLost(method);
                if (lost is not null)
                {
                    return (method, lost);
                }
            }
        }

        return null;
    }

    private static System.Collections.Generic.IEnumerable<ITypeSymbol> BaseTypes(ITypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            yield return current;
        }
    }

    /// <summary>True when any enclosing lambda becomes an expression tree (a nested delegate lambda is quoted too).</summary>
    private static bool IsInExpressionTree(IOperation operation)
    {
        if (operation.SemanticModel is not { } model)
        {
            return false;
        }

        foreach (var lambda in operation.Syntax.Ancestors().OfType<AnonymousFunctionExpressionSyntax>())
        {
            for (var type = model.GetTypeInfo(lambda).ConvertedType; type is not null; type = type.BaseType)
            {
                if (SymbolFacts.IsType(type, "System.Linq.Expressions.LambdaExpression"))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool ReferencesMLNet(Compilation compilation) =>
        compilation.ReferencedAssemblyNames.Any(a => a.Name.StartsWith("Microsoft.ML", System.StringComparison.Ordinal));

    private static void Report(OperationAnalysisContext context, IMethodSymbol method, string how, string lost, string fix)
    {
        method = method.ReducedFrom ?? method;
        var display = method.ContainingType.Name + "." + method.Name;
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.CallNotInterceptable, NameLocation(context.Operation.Syntax), display, how, lost, fix));
    }

    /// <summary>Points at the member name (<c>Fit</c> in <c>pipeline.Fit</c>) so the squiggle is short.</summary>
    private static Location NameLocation(SyntaxNode syntax)
    {
        var node = syntax is InvocationExpressionSyntax invocation ? invocation.Expression : syntax;
        return node is MemberAccessExpressionSyntax access ? access.Name.GetLocation() : syntax.GetLocation();
    }
}
