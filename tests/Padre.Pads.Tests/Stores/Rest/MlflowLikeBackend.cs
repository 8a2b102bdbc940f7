using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Padre.Pads.Tests.Stores.Rest;

/// <summary>
/// A stand-in for the server's log-batch semantics (MLflow's SQL store): params are immutable (same value again is fine,
/// a changed value is a 400), a metric row identical in (key, value, timestamp, step) to a stored one is kept once.
/// Records every metric row it received so tests can see duplicates arrive and collapse.
/// </summary>
internal sealed class MlflowLikeBackend
{
    private readonly object gate = new();

    public Dictionary<string, string> Params { get; } = new(StringComparer.Ordinal);

    public HashSet<(string Key, double Value, long Timestamp, long Step)> Metrics { get; } = [];

    public int MetricRowsReceived { get; private set; }

    public Task Handle(HttpContext context, byte[] body)
    {
        var path = context.Request.Path.Value!;
        if (path.EndsWith("/runs/log-batch", StringComparison.Ordinal))
        {
            var json = JsonNode.Parse(body)!;
            lock (gate)
            {
                foreach (var p in json["params"]?.AsArray() ?? [])
                {
                    var (key, value) = (p!["key"]!.GetValue<string>(), p["value"]!.GetValue<string>());
                    if (Params.TryGetValue(key, out var stored) && stored != value)
                    {
                        return Answer(context, 400, $$"""{"error_code":"INVALID_PARAMETER_VALUE","message":"Changing param values is not allowed. Param with key='{{key}}' was already logged."}""");
                    }

                    Params[key] = value;
                }

                foreach (var m in json["metrics"]?.AsArray() ?? [])
                {
                    MetricRowsReceived++;
                    var value = m!["value"]!;
                    var number = value.GetValueKind() == System.Text.Json.JsonValueKind.String ? double.Parse(value.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) : value.GetValue<double>();
                    Metrics.Add((m["key"]!.GetValue<string>(), number, m["timestamp"]!.GetValue<long>(), m["step"]!.GetValue<long>()));
                }
            }
        }

        return Answer(context, 200, "{}");
    }

    private static Task Answer(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Items["answer"] = Encoding.UTF8.GetBytes(json);
        return Task.CompletedTask;
    }
}
