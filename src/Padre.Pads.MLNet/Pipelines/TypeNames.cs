using System.Text;

namespace Padre.Pads.MLNet.Pipelines;

/// <summary>C#-like type names without namespaces: <c>MulticlassPredictionTransformer&lt;MaximumEntropyModelParameters&gt;</c>.</summary>
internal static class TypeNames
{
    public static string Readable(Type type)
    {
        if (!type.IsGenericType) return type.Name;
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        var text = new StringBuilder(tick < 0 ? name : name[..tick]).Append('<');
        var arguments = type.GetGenericArguments();
        for (var i = 0; i < arguments.Length; i++)
        {
            if (i > 0) text.Append(", ");
            text.Append(Readable(arguments[i]));
        }
        return text.Append('>').ToString();
    }
}
