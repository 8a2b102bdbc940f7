using System.Collections;
using System.Globalization;
using System.Text;

namespace Padre.Pads.Hooks.Defaults;

/// <summary>Formats argument values for parameters: culture-invariant, MLflow-like (<c>None</c> for null).</summary>
internal static class ValueText
{
    /// <summary>The text of a simple value, or null when the value is not simple (data, models, delegates).</summary>
    public static bool TryFormat(object? value, out string? text)
    {
        switch (value)
        {
            case null:
                text = "None";
                return true;
            case string s:
                text = s;
                return true;
            case bool b:
                text = b ? "True" : "False";
                return true;
            case float f:
                text = f.ToString("R", CultureInfo.InvariantCulture);
                return true;
            case double d:
                text = d.ToString("R", CultureInfo.InvariantCulture);
                return true;
            case Enum e:
                text = e.ToString();
                return true;
            case char or sbyte or byte or short or ushort or int or uint or long or ulong or decimal:
                text = ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture);
                return true;
            case IEnumerable items and (Array or IList):
                var builder = new StringBuilder("[");
                foreach (var item in items)
                {
                    if (!TryFormat(item, out var itemText))
                    {
                        text = null;
                        return false;
                    }

                    if (builder.Length > 1)
                    {
                        builder.Append(", ");
                    }

                    builder.Append(itemText);
                    if (builder.Length > 6000)
                    {
                        break;
                    }
                }

                text = builder.Append(']').ToString();
                return true;
            default:
                text = null;
                return false;
        }
    }
}
