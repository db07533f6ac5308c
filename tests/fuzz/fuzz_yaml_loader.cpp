// Fuzzes the whole front door: bytes → YAML loader → objects → validation (schema + CEL) →
// canonical emit → load again. Any crash, sanitizer report, leak or hang is a bug.
#include "engine/validation/validator.h"
#include "engine/yaml/resource_reader.h"
#include "engine/yaml/yaml_emitter.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace Torii;
    Yaml::LoadOptions options;
    options.maxNodes = 200000; // keep each run fast; the bound itself is what is under test
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const Yaml::ReadResult read = Yaml::readText(text, "fuzz.yaml", options);
    const Core::Diagnostics diagnostics = Validation::validateAll(read.resources);
    for (const Model::Resource &r : read.resources) {
        const std::string emitted = Yaml::emitDocument(r.object);
        const Yaml::ReadResult again = Yaml::readText(emitted, "emitted.yaml", options);
        // Emitting must produce YAML that reads back.
        if (again.fatal) {
            __builtin_trap();
        }
    }
    return static_cast<int>(diagnostics.size() > 1u << 30);
}
