using System.Globalization;
using System.Text;

namespace Padre.Pads.Stores.Mlflow.FileStore;

/// <summary>
/// Prints and parses doubles exactly as Python's <c>str(float)</c> / <c>float(str)</c> do, because the file
/// store's metric lines are written with Python's formatting and MLflow's readers expect that text.
/// </summary>
/// <remarks>
/// Python uses the shortest round-trip digits (as .NET's "R" does), then prints positional notation when the
/// decimal exponent is in [-4, 16), scientific otherwise (<c>1e-05</c>, <c>1e+16</c>, <c>1.5e+300</c>), always
/// with a fractional part in positional form (<c>1.0</c>) and at least two exponent digits.
/// </remarks>
internal static class PythonFloat
{
    /// <summary>The text Python's <c>str(value)</c> produces.</summary>
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        var (negative, digits, pointPosition) = ShortestDigits(value);
        var builder = new StringBuilder(digits.Length + 8);
        if (negative)
        {
            builder.Append('-');
        }

        // pointPosition: the value is 0.<digits> * 10^pointPosition (Python's "decpt").
        if (pointPosition > -4 && pointPosition <= 16)
        {
            if (pointPosition <= 0)
            {
                builder.Append("0.").Append('0', -pointPosition).Append(digits);
            }
            else if (pointPosition >= digits.Length)
            {
                builder.Append(digits).Append('0', pointPosition - digits.Length).Append(".0");
            }
            else
            {
                builder.Append(digits, 0, pointPosition).Append('.').Append(digits, pointPosition, digits.Length - pointPosition);
            }

            return builder.ToString();
        }

        builder.Append(digits[0]);
        if (digits.Length > 1)
        {
            builder.Append('.').Append(digits, 1, digits.Length - 1);
        }

        var exponent = pointPosition - 1;
        builder.Append('e').Append(exponent < 0 ? '-' : '+');
        var magnitude = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        if (magnitude.Length < 2)
        {
            builder.Append('0');
        }

        return builder.Append(magnitude).ToString();
    }

    /// <summary>Parses a value as Python's <c>float()</c> does for the texts MLflow writes; false when it is not a number.</summary>
    public static bool TryParse(string text, out double value)
    {
        var trimmed = text.Trim();
        var body = trimmed.TrimStart('+', '-');
        var negative = trimmed.StartsWith('-');
        if (body.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }

        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase) || body.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        return double.TryParse(trimmed.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static (bool Negative, string Digits, int PointPosition) ShortestDigits(double value)
    {
        // "E16" would not be shortest; "R" is shortest round-trip on .NET Core 3.0+ and prints either
        // positional or E notation, so it is normalised here into digits and a decimal point position.
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = text.StartsWith('-');
        if (negative)
        {
            text = text[1..];
        }

        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var integerDigits = dot < 0 ? text.Length : dot;
        var allDigits = dot < 0 ? text : string.Concat(text.AsSpan(0, dot), text.AsSpan(dot + 1));
        var leadingZeros = 0;
        while (leadingZeros < allDigits.Length - 1 && allDigits[leadingZeros] == '0')
        {
            leadingZeros++;
        }

        var digits = allDigits[leadingZeros..].TrimEnd('0');
        if (digits.Length == 0)
        {
            // Zero: Python prints "0.0" / "-0.0".
            return (negative, "0", 1);
        }

        return (negative, digits, integerDigits - leadingZeros + exponent);
    }
}
