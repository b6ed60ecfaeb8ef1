using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Isl.Testing;

/// <summary>
/// Finds code that hands TorchSharp a <c>Scalar</c> nobody keeps alive. TorchSharp 0.107 turns every primitive operand
/// (<c>x * 0.5</c>, <c>clamp_min(1e-6)</c>, <c>leaky_relu(x, 0.2)</c>) into a <c>Scalar</c> that no dispose scope tracks;
/// the garbage collector may finalize it — freeing the native c10::Scalar — while the native kernel still reads it, which
/// yields NaN or "Unknown scalar type" under GC pressure (issue 5). The rule: only the allowed helper type creates
/// Scalars, and nothing calls a TorchSharp method that creates one internally from a primitive.
/// </summary>
public static class TorchScalarAudit
{
    /// <summary>The one type of ours that may create Scalars.</summary>
    public const string AllowedType = "Isl.Model.Runtime.TorchScalars";

    private static readonly Lazy<HashSet<string>> UnsafeTorchMethods = new(FindUnsafeTorchMethods);

    // Module types whose forward creates a primitive Scalar (LeakyReLU, Softplus, BatchNorm, ...): Sequential calls forward
    // virtually, so constructing one is the unsafe act the audit can see.
    private static readonly Lazy<HashSet<string>> UnsafeModules = new(() => UnsafeTorchMethods.Value
        .Where(k => k.Contains("::forward(", StringComparison.Ordinal) && k.StartsWith("TorchSharp.Modules.", StringComparison.Ordinal))
        .Select(k => k[..k.IndexOf("::", StringComparison.Ordinal)])
        .ToHashSet());

    /// <summary>
    /// Lists "Type::Method → callee" for each unsafe call in <paramref name="assemblyPath"/>; only <paramref name="allowedType"/>
    /// may create Scalars (with ToScalar, to cache them or hand them to a caller that disposes them).
    /// </summary>
    public static IReadOnlyList<string> Violations(string assemblyPath, string allowedType)
    {
        var unsafeMethods = UnsafeTorchMethods.Value;
        var found = new List<string>();
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        foreach (var type in module.GetTypes())
        {
            var mayCreate = type.FullName == allowedType || type.FullName.StartsWith(allowedType + "/", StringComparison.Ordinal);
            foreach (var method in type.Methods.Where(m => m.HasBody))
            {
                foreach (var instruction in method.Body.Instructions)
                {
                    if (instruction.Operand is MethodReference callee && IsCall(instruction.OpCode))
                    {
                        var key = Key(callee);
                        if (mayCreate && callee.DeclaringType.FullName == "TorchSharp.ScalarExtensionMethods")
                        {
                            continue;
                        }

                        if (CreatesScalar(callee) || unsafeMethods.Contains(key) || IsOptimizer(callee) || UnsafeModules.Value.Contains(callee.ReturnType.FullName) || (callee.Name == ".ctor" && UnsafeModules.Value.Contains(callee.DeclaringType.FullName)))
                        {
                            found.Add($"{type.FullName}::{method.Name} → {callee.DeclaringType.Name}::{callee.Name}({string.Join(", ", callee.Parameters.Select(p => p.ParameterType.Name))})");
                        }
                    }
                }
            }
        }

        return found;
    }

    /// <summary>Fails, listing every unsafe call, unless <paramref name="assemblyPath"/> has none.</summary>
    public static void AssertClean(string assemblyPath)
    {
        var violations = Violations(assemblyPath, AllowedType);
        Xunit.Assert.True(violations.Count == 0, $"Use {AllowedType} instead of primitive operands:\n" + string.Join("\n", violations));
    }

    private static bool IsCall(OpCode code) => code == OpCodes.Call || code == OpCodes.Callvirt || code == OpCodes.Newobj || code == OpCodes.Ldftn;

    private static bool CreatesScalar(MethodReference callee)
    {
        var declaring = callee.DeclaringType.FullName;
        return (declaring == "TorchSharp.Scalar" && callee.Name is "op_Implicit" or ".ctor")
            || (declaring == "TorchSharp.ScalarExtensionMethods" && callee.Name.StartsWith("To", StringComparison.Ordinal) && callee.ReturnType.FullName == "TorchSharp.Scalar");
    }

    private static bool IsOptimizer(MethodReference callee)
    {
        // TorchSharp's managed optimizers pass primitive Scalars in step(); the body is a closure, so the call graph misses it.
        var type = callee.DeclaringType.FullName;
        return type.StartsWith("TorchSharp.Modules.", StringComparison.Ordinal) && (type.EndsWith("Adam", StringComparison.Ordinal) || type.EndsWith("AdamW", StringComparison.Ordinal) || type.EndsWith("SGD", StringComparison.Ordinal) || type.EndsWith("RMSprop", StringComparison.Ordinal))
            || (type == "TorchSharp.torch/optim" && callee.Name is "Adam" or "AdamW" or "SGD" or "RMSprop");
    }

    private static string Key(MethodReference m) => m.DeclaringType.FullName + "::" + m.Name + "(" + string.Join(",", m.Parameters.Select(p => p.ParameterType.FullName)) + ")";

    private static HashSet<string> FindUnsafeTorchMethods()
    {
        var path = typeof(TorchScalarAudit).Assembly.Location;
        var torchPath = Path.Combine(Path.GetDirectoryName(path)!, "TorchSharp.dll");
        if (!File.Exists(torchPath))
        {
            throw new InvalidOperationException($"TorchSharp.dll is not beside {path}; the test project must reference Isl.Model.");
        }

        using var module = ModuleDefinition.ReadModule(torchPath);
        var calls = new Dictionary<string, List<string>>();
        var unsafeSet = new HashSet<string>();
        foreach (var type in module.GetTypes())
        {
            foreach (var method in type.Methods.Where(m => m.HasBody))
            {
                var key = Key(method);
                var callees = new List<string>();
                foreach (var instruction in method.Body.Instructions)
                {
                    if (instruction.Operand is MethodReference callee && IsCall(instruction.OpCode))
                    {
                        if (CreatesScalar(callee))
                        {
                            unsafeSet.Add(key);
                        }

                        callees.Add(Key(callee));
                    }
                }

                calls[key] = callees;
            }
        }

        // A method that calls an unsafe method with primitives is unsafe too (fixed point over the direct call graph).
        bool changed;
        do
        {
            changed = false;
            foreach (var (method, callees) in calls)
            {
                if (!unsafeSet.Contains(method) && callees.Any(unsafeSet.Contains))
                {
                    unsafeSet.Add(method);
                    changed = true;
                }
            }
        }
        while (changed);

        return unsafeSet;
    }
}
