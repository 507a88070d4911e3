using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Accountability.Api.Tests.Architecture;

/// <summary>Which folders of an assembly use which: read from the compiled IL (signatures and method bodies).</summary>
public static class FolderGraph
{
    /// <summary>The folder a namespace lives in: `Features.X` for a feature, the top folder otherwise.</summary>
    public static string? FolderOf(string? ns, string root)
    {
        if (ns is null || !ns.StartsWith(root + ".", StringComparison.Ordinal)) return null;
        var parts = ns[(root.Length + 1)..].Split('.');
        return parts[0] == "Features" && parts.Length > 1 ? $"Features.{parts[1]}" : parts[0];
    }

    public static IReadOnlySet<(string From, string To)> Edges(string assemblyPath, string root)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var edges = new HashSet<(string, string)>();
        foreach (var type in module.GetTypes())
        {
            var from = FolderOf(Outermost(type).Namespace, root);
            if (from is null) continue;
            void Use(TypeReference? t)
            {
                while (t is TypeSpecification spec)
                {
                    if (spec is GenericInstanceType g) foreach (var a in g.GenericArguments) Use(a);
                    t = spec.ElementType;
                }
                if (t is null) return;
                var to = FolderOf(Outermost(t).Namespace, root);
                if (to is not null && to != from) edges.Add((from, to));
            }
            Use(type.BaseType);
            foreach (var i in type.Interfaces) Use(i.InterfaceType);
            foreach (var f in type.Fields) Use(f.FieldType);
            foreach (var p in type.Properties) Use(p.PropertyType);
            foreach (var m in type.Methods)
            {
                Use(m.ReturnType);
                foreach (var p in m.Parameters) Use(p.ParameterType);
                if (!m.HasBody) continue;
                foreach (var v in m.Body.Variables) Use(v.VariableType);
                foreach (var ins in m.Body.Instructions)
                    switch (ins.Operand)
                    {
                        case TypeReference t: Use(t); break;
                        case MethodReference r: Use(r.DeclaringType); Use(r.ReturnType); foreach (var p in r.Parameters) Use(p.ParameterType);
                            if (r is GenericInstanceMethod gm) foreach (var a in gm.GenericArguments) Use(a); break;
                        case FieldReference f: Use(f.DeclaringType); Use(f.FieldType); break;
                    }
            }
            foreach (var a in type.CustomAttributes) Use(a.AttributeType);
        }
        return edges;
    }

    private static TypeReference Outermost(TypeReference t)
    {
        while (t.DeclaringType is not null) t = t.DeclaringType;
        return t;
    }
}
