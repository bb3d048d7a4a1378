// The engine assembly only carries serialization attributes; its serializers are generated here.
[assembly: GenerateCodeForDeclaringAssembly(typeof(SupportQueue.Core.CoreAssembly))]
