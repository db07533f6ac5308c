#pragma once

// The base of the small hand-written readers that turn one YAML file's Node tree into a model
// (traffic scenarios, request mixes, route-test files): it reports diagnostics at node positions
// in that file, counts the errors (so a reader can drop an item that added any), reads single
// values and warns about keys it does not know. Each reader names its own diagnostic codes and
// its unknown-field wording in a Vocabulary.
//
// Thread: one reader per file, on one thread.

#include "engine/core/catalog.h"
#include "engine/core/diagnostic.h"
#include "engine/model/node.h"

#include <string>
#include <string_view>
#include <vector>

namespace Torii::Model {

class NodeReader
{
public:
    struct Vocabulary
    {
        const char *typeCode;            // a value of the wrong shape ("mix.type")
        const char *unknownFieldCode;    // a key the reader does not know ("mix.unknown-field")
        const char *unknownFieldMessage; // QT_TRANSLATE_NOOP("Diagnostics", …), %1 = the key
    };

    NodeReader(std::string file, Core::Diagnostics &diagnostics, Vocabulary vocabulary);

    const std::string &file() const { return m_file; }
    const Core::Diagnostics &diagnostics() const { return m_diagnostics; }
    int errorCount() const { return m_errors; }

    void report(Core::Severity severity, Mark mark, const char *code, Core::Text message);
    void error(Mark mark, const char *code, Core::Text message);

    // A single (non-null scalar) value as text; anything else is a typeCode error and gives "".
    std::string scalar(const Node &n, const char *field);

    // A warning, not an error, for each key of `map` not in `known`: newer files may add fields.
    void warnUnknownKeys(const Node &map, const std::vector<std::string_view> &known);

private:
    std::string m_file;
    Core::Diagnostics &m_diagnostics;
    Vocabulary m_vocabulary;
    int m_errors = 0;
};

} // namespace Torii::Model
