using System.Security.Cryptography;
using System.Text;
using Padre.Pads.Loggers;
using Padre.Pads.Stores;

namespace Padre.Pads.Hooks.Defaults;

/// <summary>
/// Records the datasets a call reads as MLflow dataset inputs. Without a data library this knows only the
/// dataset's declared identity (<c>[PadreDataset]</c>) or its type; Padre.Pads.MLNet replaces this logger
/// (same name, <c>input</c>) with one that adds the content digest, schema and row count.
/// </summary>
internal sealed class InputLogger : IEventLogger
{
    public string Name => "input";

    public HookEvents Events => HookEvents.Input;

    public void OnCall(HookCall call, IRunWriter run)
    {
        var site = call.Site;
        for (var i = 0; i < site.Parameters.Count && i < call.Arguments.Count; i++)
        {
            if (site.Parameters[i].Role != ArgumentRole.Input || call.Arguments[i] is not { } data)
            {
                continue;
            }

            var declared = DatasetIdentity.Of(data);
            var name = declared?.Name ?? site.Parameters[i].Name;
            var source = site.File + ":" + site.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var dataset = new Dataset(name, Digest(name + "|" + data.GetType().FullName), "code", "{\"source\": \"" + source + "\", \"type\": \"" + data.GetType().Name + "\"}");
            run.LogInput(DatasetInput.WithContext(dataset, Context(site.Hooks)));
        }
    }

    internal static string Context(Hook hooks) =>
        (hooks & Hook.Fit) != 0 ? "training" : (hooks & Hook.Metric) != 0 ? "evaluation" : (hooks & Hook.Split) != 0 ? "split" : "transform";

    // MLflow's digests are short hex strings; this one identifies the declaration, not the content.
    private static string Digest(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8].ToLowerInvariant();
}
