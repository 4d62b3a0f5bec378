using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Tests;

/// <summary>
/// The <c>run:</c> steps of a GitHub Actions workflow, read from its YAML and run as GitHub runs them on
/// Linux (<c>bash --noprofile --norc -eo pipefail</c>), so tests follow the workflow as it is written.
/// </summary>
public static class WorkflowSteps
{
    public sealed record Step(string Name, string Script, string WorkingDirectory, IReadOnlyDictionary<string, string> Env);

    /// <summary>The <c>run:</c> steps of the workflow's jobs in order, with the workflow's, job's and step's env and working directory.</summary>
    public static List<Step> Read(string workflow)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(workflow))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var env = Env(root);
        var steps = new List<Step>();
        foreach (var (_, jobNode) in ((YamlMappingNode)root["jobs"]).Children)
        {
            var job = (YamlMappingNode)jobNode;
            var jobEnv = new Dictionary<string, string>(env, StringComparer.Ordinal);
            foreach (var (k, v) in Env(job))
            {
                jobEnv[k] = v;
            }

            var dir = job.Children.TryGetValue("defaults", out var defaults) && ((YamlMappingNode)defaults).Children.TryGetValue("run", out var run)
                && ((YamlMappingNode)run).Children.TryGetValue("working-directory", out var wd) ? ((YamlScalarNode)wd).Value! : ".";
            if (!job.Children.TryGetValue("steps", out var stepsNode))
            {
                continue;
            }

            foreach (var stepNode in ((YamlSequenceNode)stepsNode).Children.Cast<YamlMappingNode>())
            {
                if (!stepNode.Children.TryGetValue("run", out var script))
                {
                    continue; // an action (checkout, setup-dotnet, configure-pages, upload/deploy): not ours to run
                }

                var stepEnv = new Dictionary<string, string>(jobEnv, StringComparer.Ordinal);
                foreach (var (k, v) in Env(stepNode))
                {
                    stepEnv[k] = v;
                }

                var name = stepNode.Children.TryGetValue("name", out var n) ? ((YamlScalarNode)n).Value! : ((YamlScalarNode)script).Value!;
                var stepDir = stepNode.Children.TryGetValue("working-directory", out var sd) ? ((YamlScalarNode)sd).Value! : dir;
                steps.Add(new Step(name, ((YamlScalarNode)script).Value!, stepDir, stepEnv));
            }
        }

        return steps;
    }

    private static Dictionary<string, string> Env(YamlMappingNode node) =>
        node.Children.TryGetValue("env", out var env)
            ? ((YamlMappingNode)env).Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    public static (int Exit, string Log) Bash(string workingDir, string script, IReadOnlyDictionary<string, string> env)
    {
        // As GitHub runs a `run:` step on Linux: bash --noprofile --norc -eo pipefail.
        var info = new ProcessStartInfo("bash") { WorkingDirectory = workingDir, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in new[] { "--noprofile", "--norc", "-eo", "pipefail", "-c", script })
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in env)
        {
            info.Environment[key] = value;
        }

        var (exit, stdout, stderr) = Cli.CliRunner.Finish(info, TimeSpan.FromMinutes(20), script);
        return (exit, stdout + stderr);
    }

    public static string Tail(string log) => log.Length > 6000 ? "…" + log[^6000..] : log;
}
