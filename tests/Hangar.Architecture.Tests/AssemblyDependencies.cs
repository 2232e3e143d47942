using Mono.Cecil;

namespace Hangar.Architecture.Tests;

/// <summary>
/// Every type-to-type use in one of Hangar's assemblies, read with Mono.Cecil from the built assembly beside the
/// tests: base types, interfaces, members' signatures, attributes, and method bodies (calls, fields, locals, casts).
/// </summary>
internal static class AssemblyDependencies
{
    private static readonly Dictionary<string, IReadOnlyList<TypeDependency>> Cache = [];
    private static readonly Lock CacheLock = new();

    public static IReadOnlyList<TypeDependency> Of(string assemblyName)
    {
        lock (CacheLock)
        {
            if (!Cache.TryGetValue(assemblyName, out var dependencies))
            {
                Cache[assemblyName] = dependencies = Read(Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll"));
            }

            return dependencies;
        }
    }

    /// <summary>The assemblies the assembly references by name (what its project references, as compiled).</summary>
    public static IReadOnlyList<string> ReferencedAssemblies(string assemblyName)
    {
        using var assembly = AssemblyDefinition.ReadAssembly(Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll"));
        return [.. assembly.MainModule.AssemblyReferences.Select(r => r.Name)];
    }

    private static List<TypeDependency> Read(string path)
    {
        using var assembly = AssemblyDefinition.ReadAssembly(path);
        var module = assembly.MainModule;
        var found = new HashSet<TypeDependency>();
        foreach (var type in module.GetTypes())
        {
            var source = Outermost(type);
            var collector = new Collector(source, module.Assembly.Name.Name, found);
            collector.Add(type.BaseType);
            foreach (var implemented in type.Interfaces)
            {
                collector.Add(implemented.InterfaceType);
            }

            collector.Attributes(type.CustomAttributes);
            foreach (var field in type.Fields)
            {
                collector.Add(field.FieldType);
                collector.Attributes(field.CustomAttributes);
            }

            foreach (var property in type.Properties)
            {
                collector.Add(property.PropertyType);
                collector.Attributes(property.CustomAttributes);
            }

            foreach (var method in type.Methods)
            {
                collector.Method(method);
            }
        }

        return [.. found];
    }

    internal static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private sealed class Collector(TypeDefinition source, string ownAssembly, HashSet<TypeDependency> found)
    {
        public void Method(MethodDefinition method)
        {
            Signature(method);
            Attributes(method.CustomAttributes);
            foreach (var parameter in method.Parameters)
            {
                Attributes(parameter.CustomAttributes);
            }

            if (!method.HasBody)
            {
                return;
            }

            foreach (var local in method.Body.Variables)
            {
                Add(local.VariableType);
            }

            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference type:
                        Add(type);
                        break;
                    case MethodReference called:
                        Add(called.DeclaringType);
                        Signature(called);
                        if (called is GenericInstanceMethod generic)
                        {
                            generic.GenericArguments.ToList().ForEach(Add);
                        }

                        break;
                    case FieldReference field:
                        Add(field.DeclaringType);
                        Add(field.FieldType);
                        break;
                }
            }
        }

        public void Attributes(IEnumerable<CustomAttribute> attributes)
        {
            foreach (var attribute in attributes)
            {
                Add(attribute.AttributeType);
                foreach (var argument in attribute.ConstructorArguments)
                {
                    Add(argument.Type);
                    if (argument.Value is TypeReference named)
                    {
                        Add(named);
                    }
                }
            }
        }

        public void Add(TypeReference? type)
        {
            switch (type)
            {
                case null or GenericParameter:
                    return;
                case TypeSpecification specification:
                    Add(specification.ElementType);
                    if (specification is GenericInstanceType generic)
                    {
                        generic.GenericArguments.ToList().ForEach(Add);
                    }

                    return;
            }

            var outer = type!;
            while (outer.DeclaringType is not null)
            {
                outer = outer.DeclaringType;
            }

            var assembly = outer.Scope switch
            {
                AssemblyNameReference reference => reference.Name,
                ModuleDefinition module => module.Assembly.Name.Name,
                _ => ownAssembly,
            };
            if (outer.FullName != source.FullName)
            {
                found.Add(new TypeDependency(source.FullName, source.Namespace, outer.FullName, outer.Namespace, assembly));
            }
        }

        private void Signature(IMethodSignature method)
        {
            Add(method.ReturnType);
            foreach (var parameter in method.Parameters)
            {
                Add(parameter.ParameterType);
            }
        }
    }
}
