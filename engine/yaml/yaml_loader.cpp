#include "yaml_loader.h"

#include "scalar_resolver.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <fstream>
#include <sstream>
#include <unordered_map>

namespace Torii::Yaml {

using Core::Diagnostic;
using Core::Severity;
using Core::text;
using Model::Mark;
using Model::Node;

namespace {

Mark toMark(const YAML::Mark &m)
{
    if (m.line < 0) {
        return {};
    }
    return Mark{static_cast<std::uint32_t>(m.line + 1), static_cast<std::uint32_t>(m.column + 1)};
}

Diagnostic located(Diagnostic d, const std::string &file, Mark mark)
{
    d.file = file;
    d.line = static_cast<int>(mark.line);
    d.column = static_cast<int>(mark.column);
    return d;
}

// Builds Node trees from yaml-cpp's parse events. Aliases are expanded by copying the anchored
// node, counted against LoadOptions::maxNodes so that an alias bomb ends in a diagnostic rather
// than in exhausted memory. Building is iterative (an explicit stack), so deep input costs no
// recursion here; yaml-cpp itself stops at a depth of 2000 with DeepRecursion.
class TreeBuilder final : public YAML::EventHandler
{
public:
    TreeBuilder(const std::string &file, const LoadOptions &options, Core::Diagnostics &diagnostics)
        : m_file(file), m_options(options), m_diagnostics(diagnostics)
    {
    }

    bool failed() const { return m_failed; }
    Node takeRoot() { return std::move(m_root); }
    Mark documentStart() const { return m_documentStart; }

    void OnDocumentStart(const YAML::Mark &mark) override
    {
        m_root = Node();
        m_stack.clear();
        m_anchors.clear();
        m_documentStart = toMark(mark);
    }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        add(Node::null(toMark(mark)), anchor);
    }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        const auto it = m_anchors.find(anchor);
        if (it == m_anchors.end()) {
            add(Node::null(toMark(mark)), 0);
            return;
        }
        const std::size_t count = it->second.nodeCount();
        if (!charge(count, toMark(mark))) {
            add(Node::null(toMark(mark)), 0);
            return;
        }
        Node copy = it->second;
        copy.setMark(toMark(mark));
        add(std::move(copy), 0, /*alreadyCharged=*/true);
    }

    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  const std::string &value) override
    {
        const Mark m = toMark(mark);
        Node node;
        if (tag == "?") {
            node = resolvePlainScalar(value, m);
        } else if (tag == "!" || tag == "tag:yaml.org,2002:str") {
            node = Node::string(value, m);
            node.setQuoted(true);
        } else if (tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float"
                   || tag == "tag:yaml.org,2002:bool" || tag == "tag:yaml.org,2002:null") {
            node = resolvePlainScalar(value, m);
        } else {
            // Unknown tags (!Ref, !!binary …) carry no meaning for Kubernetes: keep the text.
            node = Node::string(value, m);
            node.setQuoted(true);
        }
        add(std::move(node), anchor);
    }

    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        m_stack.push_back(Frame{Node::list(toMark(mark)), anchor, {}, {}, false});
    }

    void OnSequenceEnd() override { closeFrame(); }

    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        m_stack.push_back(Frame{Node::map(toMark(mark)), anchor, {}, {}, false});
    }

    void OnMapEnd() override
    {
        if (!m_stack.empty()) {
            applyMergeKeys(m_stack.back().node);
        }
        closeFrame();
    }

private:
    struct Frame
    {
        Node node;
        YAML::anchor_t anchor;
        std::string pendingKey; // maps: the key read, waiting for its value
        Mark pendingKeyMark;
        bool haveKey;
    };

    bool charge(std::size_t count, Mark mark)
    {
        m_nodeCount += count;
        if (m_nodeCount > m_options.maxNodes && !m_failed) {
            m_failed = true;
            m_diagnostics.push_back(located(
                Core::makeDiagnostic(
                    Severity::Error, "yaml.too-many-nodes",
                    text(QT_TRANSLATE_NOOP("Diagnostics", "the document expands to more than %1 values (an alias bomb?)"),
                         {std::to_string(m_options.maxNodes)}),
                    text(QT_TRANSLATE_NOOP("Diagnostics", "Kubernetes objects never need this many values; look for "
                                    "anchors (&) referenced (*) inside other anchors"))),
                m_file, mark));
        }
        return !m_failed;
    }

    void closeFrame()
    {
        if (m_stack.empty()) {
            return;
        }
        Frame frame = std::move(m_stack.back());
        m_stack.pop_back();
        add(std::move(frame.node), frame.anchor, true);
    }

    void add(Node node, YAML::anchor_t anchor, bool alreadyCharged = false)
    {
        if (!alreadyCharged && !charge(1, node.mark())) {
            return;
        }
        if (anchor != 0) {
            m_anchors[anchor] = node;
        }
        if (m_stack.empty()) {
            m_root = std::move(node);
            return;
        }
        Frame &top = m_stack.back();
        if (top.node.isList()) {
            top.node.append(std::move(node));
            return;
        }
        if (!top.haveKey) {
            if (!node.isScalar()) {
                report(node.mark(), "yaml.complex-key",
                       text(QT_TRANSLATE_NOOP("Diagnostics", "a map or list cannot be used as a key")),
                       text(QT_TRANSLATE_NOOP("Diagnostics", "Kubernetes objects only use text keys")));
                top.pendingKey = node.toJson();
            } else {
                top.pendingKey = node.isNull() ? std::string("null") : node.asString();
                if (node.isString()) {
                    top.pendingKey = node.str();
                }
            }
            top.pendingKeyMark = node.mark();
            top.haveKey = true;
            return;
        }
        top.haveKey = false;
        if (const Node::Entry *existing = top.node.findEntry(top.pendingKey);
            existing && top.pendingKey != "<<") {
            report(top.pendingKeyMark, "yaml.duplicate-key",
                   text(QT_TRANSLATE_NOOP("Diagnostics", "duplicate key \"%1\" (first set at line %2, column %3)"),
                        {top.pendingKey, std::to_string(existing->keyMark.line),
                         std::to_string(existing->keyMark.column)}),
                   text(QT_TRANSLATE_NOOP("Diagnostics", "kubectl rejects a key set twice in one map; keep one of them")));
            return;
        }
        top.node.entries().push_back(
            Node::Entry{std::move(top.pendingKey), top.pendingKeyMark, std::move(node)});
    }

    // YAML 1.1 merge keys (`<<: *base`), which kubectl honours: explicit keys win.
    static void applyMergeKeys(Node &map)
    {
        if (!map.isMap() || !map.has("<<")) {
            return;
        }
        Node::Map merged;
        std::vector<const Node *> sources;
        for (const Node::Entry &e : map.entries()) {
            if (e.key != "<<") {
                merged.push_back(e);
            } else if (e.value.isMap()) {
                sources.push_back(&e.value);
            } else if (e.value.isList()) {
                for (const Node &item : e.value.items()) {
                    if (item.isMap()) {
                        sources.push_back(&item);
                    }
                }
            }
        }
        Node result = Node::map(map.mark());
        result.entries() = std::move(merged);
        for (const Node *source : sources) {
            for (const Node::Entry &e : source->entries()) {
                if (!result.has(e.key)) {
                    result.entries().push_back(e);
                }
            }
        }
        map = std::move(result);
    }

    void report(Mark mark, const char *code, Core::Text message, Core::Text hint)
    {
        m_diagnostics.push_back(
            located(Core::makeDiagnostic(Severity::Error, code, std::move(message), std::move(hint)),
                    m_file, mark));
    }

    const std::string &m_file;
    const LoadOptions &m_options;
    Core::Diagnostics &m_diagnostics;
    Node m_root;
    Mark m_documentStart;
    std::vector<Frame> m_stack;
    std::unordered_map<YAML::anchor_t, Node> m_anchors;
    std::size_t m_nodeCount = 0;
    bool m_failed = false;
};

// Finds the first byte that makes `text` unusable as YAML: a NUL or invalid UTF-8.
bool findBinaryJunk(std::string_view text, Mark &where)
{
    std::uint32_t line = 1;
    std::uint32_t column = 1;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t len = 1;
        bool bad = false;
        if (c == 0) {
            bad = true;
        } else if (c < 0x80) {
            len = 1;
        } else if ((c & 0xE0) == 0xC0 && c >= 0xC2) {
            len = 2;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
        } else if ((c & 0xF8) == 0xF0 && c <= 0xF4) {
            len = 4;
        } else {
            bad = true;
        }
        if (!bad && len > 1) {
            if (i + len > text.size()) {
                bad = true;
            } else {
                for (std::size_t k = 1; k < len; ++k) {
                    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) {
                        bad = true;
                    }
                }
            }
        }
        if (bad) {
            where = Mark{line, column};
            return true;
        }
        if (c == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        i += len;
    }
    return false;
}

// A hint for the parser errors people actually make.
Core::Text hintForParseError(std::string_view input, const YAML::Mark &mark)
{
    // Find the offending line and look for a tab in its indentation.
    std::size_t lineStart = 0;
    for (int line = 0; line < mark.line && lineStart != std::string_view::npos; ++line) {
        lineStart = input.find('\n', lineStart);
        if (lineStart != std::string_view::npos) {
            ++lineStart;
        }
    }
    if (lineStart != std::string_view::npos) {
        for (std::size_t i = lineStart; i < input.size() && (input[i] == ' ' || input[i] == '\t');
             ++i) {
            if (input[i] == '\t') {
                return text(QT_TRANSLATE_NOOP("Diagnostics", "YAML does not allow tabs for indentation: indent with "
                                       "spaces"));
            }
        }
    }
    return text(QT_TRANSLATE_NOOP("Diagnostics", "check the indentation and the quoting around this position; a value "
                           "with ': ' or '#' needs quotes"));
}

LoadResult tooLarge(std::size_t bytes, const std::string &fileName, const LoadOptions &options)
{
    LoadResult result;
    result.fatal = true;
    result.diagnostics.push_back(located(
        Core::makeDiagnostic(Severity::Error, "yaml.too-large",
                             text(QT_TRANSLATE_NOOP("Diagnostics", "the file is %1 MiB; files over %2 MiB are not read"),
                                  {std::to_string(bytes / (1024 * 1024)),
                                   std::to_string(options.maxFileBytes / (1024 * 1024))}),
                             text(QT_TRANSLATE_NOOP("Diagnostics", "split the manifests into several files"))),
        fileName, Mark{1, 1}));
    return result;
}

} // namespace

LoadResult loadText(std::string_view input, const std::string &fileName, const LoadOptions &options)
{
    LoadResult result;
    auto fatal = [&](Diagnostic d, Mark mark) {
        result.diagnostics.push_back(located(std::move(d), fileName, mark));
        result.fatal = true;
        return result;
    };
    if (input.size() > options.maxFileBytes) {
        return tooLarge(input.size(), fileName, options);
    }
    // A UTF-8 byte order mark is allowed and skipped.
    if (input.substr(0, 3) == "\xEF\xBB\xBF") {
        input.remove_prefix(3);
    }
    Mark junk;
    if (findBinaryJunk(input, junk)) {
        return fatal(Core::makeDiagnostic(
                         Severity::Error, "yaml.binary",
                         text(QT_TRANSLATE_NOOP("Diagnostics", "the file is not UTF-8 text (a NUL byte or an invalid "
                                         "byte sequence here)")),
                         text(QT_TRANSLATE_NOOP("Diagnostics", "is this the right file? YAML manifests are UTF-8 text"))),
                     junk);
    }

    std::istringstream stream{std::string(input)};
    YAML::Parser parser(stream);
    TreeBuilder builder(fileName, options, result.diagnostics);
    int index = 0;
    try {
        while (parser.HandleNextDocument(builder)) {
            if (builder.failed()) {
                result.fatal = true;
                break;
            }
            LoadedDocument doc;
            doc.start = builder.documentStart();
            doc.root = builder.takeRoot();
            doc.index = index++;
            result.documents.push_back(std::move(doc));
        }
    } catch (const YAML::DeepRecursion &e) {
        return fatal(Core::makeDiagnostic(
                         Severity::Error, "yaml.too-deep",
                         text(QT_TRANSLATE_NOOP("Diagnostics", "nesting deeper than %1 levels"), {std::to_string(e.depth())}),
                         text(QT_TRANSLATE_NOOP("Diagnostics", "Kubernetes objects are a few levels deep; is this file "
                                         "generated by mistake?"))),
                     toMark(e.mark));
    } catch (const YAML::Exception &e) {
        return fatal(Core::makeDiagnostic(Severity::Error, "yaml.syntax",
                                          text(QT_TRANSLATE_NOOP("Diagnostics", "YAML syntax error: %1"), {e.msg}),
                                          hintForParseError(input, e.mark)),
                     toMark(e.mark));
    } catch (const std::exception &e) {
        return fatal(Core::makeDiagnostic(Severity::Error, "yaml.syntax",
                                          text(QT_TRANSLATE_NOOP("Diagnostics", "YAML syntax error: %1"), {e.what()})),
                     Mark{});
    }
    return result;
}

LoadResult loadFile(const std::string &path, const LoadOptions &options)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        LoadResult result;
        Diagnostic d = Core::makeDiagnostic(Severity::Error, "io.read",
                                            text(QT_TRANSLATE_NOOP("Diagnostics", "cannot open the file")),
                                            text(QT_TRANSLATE_NOOP("Diagnostics", "check the path and its permissions")));
        d.file = path;
        result.diagnostics.push_back(std::move(d));
        result.fatal = true;
        return result;
    }
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    in.seekg(0, std::ios::beg);
    if (size > 0 && static_cast<std::size_t>(size) > options.maxFileBytes) {
        return tooLarge(static_cast<std::size_t>(size), path, options); // not read at all
    }
    std::string content;
    content.resize(size > 0 ? static_cast<std::size_t>(size) : 0);
    in.read(content.data(), static_cast<std::streamsize>(content.size()));
    return loadText(content, path, options);
}

} // namespace Torii::Yaml
