#include "ast.h"
#include "duration.h"
#include "lexer.h"
#include "strings.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <limits>

namespace Torii::Validation::Cel::Internal {

Ast::Ast() = default;
Ast::~Ast() = default;

namespace {

// cel-go rejects deeper parse trees too (its default recursion limit is 250); the guard also
// bounds the evaluator's recursion, so no input can exhaust the stack.
constexpr int kMaxDepth = 200;
// cel-go's default expression size limit, in code points.
constexpr std::size_t kMaxCodePoints = 100000;

// The CEL reserved symbols a Kubernetes schema property name is escaped from (__namespace__).
constexpr std::array<std::string_view, 21> kEscapedKeywords = {
    "true",     "false",   "null",      "in",       "as",  "break",  "const",
    "continue", "else",    "for",       "function", "if",  "import", "let",
    "loop",     "package", "namespace", "return",   "var", "void",   "while",
};

// Kubernetes (apiserver/pkg/cel/escaping.go) exposes a property whose name is not a valid CEL
// identifier under an escaped name; field selection uses the escaped form and we look the
// property up by its real name.
std::string unescapeFieldName(std::string_view name)
{
    if (name.size() > 4 && name.substr(0, 2) == "__" && name.substr(name.size() - 2) == "__") {
        const std::string_view inner = name.substr(2, name.size() - 4);
        for (std::string_view keyword : kEscapedKeywords) {
            if (inner == keyword) {
                return std::string(inner);
            }
        }
    }
    if (name.find("__") == std::string_view::npos) {
        return std::string(name);
    }
    struct Escape
    {
        std::string_view from;
        std::string_view to;
    };
    static constexpr Escape kEscapes[] = {
        {"__underscores__", "__"},
        {"__dot__", "."},
        {"__dash__", "-"},
        {"__slash__", "/"},
    };
    std::string out;
    std::size_t i = 0;
    while (i < name.size()) {
        bool replaced = false;
        if (name[i] == '_') {
            for (const Escape &e : kEscapes) {
                if (name.substr(i, e.from.size()) == e.from) {
                    out += e.to;
                    i += e.from.size();
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced) {
            out += name[i];
            ++i;
        }
    }
    return out;
}

bool isMacroName(std::string_view name)
{
    return name == "all" || name == "exists" || name == "exists_one" || name == "existsOne" ||
           name == "filter" || name == "map";
}

bool typeIdentifier(std::string_view name, ValueKind *kind)
{
    struct Entry
    {
        std::string_view name;
        ValueKind kind;
    };
    static constexpr Entry kTypes[] = {
        {"bool", ValueKind::Bool},     {"int", ValueKind::Int},        {"uint", ValueKind::Uint},
        {"double", ValueKind::Double}, {"string", ValueKind::String},  {"list", ValueKind::List},
        {"map", ValueKind::Map},       {"null_type", ValueKind::Null}, {"type", ValueKind::Type},
    };
    for (const Entry &e : kTypes) {
        if (e.name == name) {
            *kind = e.kind;
            return true;
        }
    }
    return false;
}

class Parser
{
public:
    Parser(std::string_view source, Ast &ast)
        : m_source(source)
        , m_lexer(source)
        , m_ast(ast)
    {}

    bool run(std::string *error);

private:
    const Token &peek(std::size_t ahead = 0) const
    {
        const std::size_t i = std::min(m_pos + ahead, m_tokens.size() - 1);
        return m_tokens[i];
    }
    const Token &take()
    {
        const Token &t = m_tokens[m_pos];
        if (m_pos + 1 < m_tokens.size()) {
            ++m_pos;
        }
        return t;
    }
    bool accept(TokenKind kind)
    {
        if (peek().kind != kind) {
            return false;
        }
        take();
        return true;
    }
    std::int32_t fail(std::uint32_t offset, std::string message);
    std::int32_t unexpected(const char *expected);
    bool expect(TokenKind kind, const char *what);

    std::int32_t addNode(const AstNode &node);
    std::int32_t literal(Value value);
    std::int32_t stringLiteral(std::string text);

    std::int32_t parseExpr();
    std::int32_t parseOr();
    std::int32_t parseAnd();
    std::int32_t parseRelation();
    std::int32_t parseAdditive();
    std::int32_t parseMultiplicative();
    std::int32_t parseUnary();
    std::int32_t parseMember();
    std::int32_t parsePrimary();
    std::int32_t parseIdentifier();
    std::int32_t parseMacro(std::int32_t range, const Token &name);
    // Parses "(a, b, ...)" after the name; appends the argument nodes to `out`.
    bool parseArguments(std::vector<std::int32_t> *out);
    std::int32_t makeCall(const Token &name, std::int32_t receiver,
                          const std::vector<std::int32_t> &arguments);
    std::int32_t binary(Op op, std::int32_t a, std::int32_t b);

    std::string_view m_source;
    Lexer m_lexer;
    Ast &m_ast;
    std::vector<Token> m_tokens;
    std::size_t m_pos = 0;
    std::vector<std::uint16_t> m_depth; // tree depth of each node
    std::vector<std::string> m_scopes;  // comprehension variables, innermost last
    int m_nesting = 0;
    bool m_failed = false;
    std::uint32_t m_errorOffset = 0;
    std::string m_error;
};

std::int32_t Parser::fail(std::uint32_t offset, std::string message)
{
    if (!m_failed) {
        m_failed = true;
        m_errorOffset = offset;
        m_error = std::move(message);
    }
    return -1;
}

std::int32_t Parser::unexpected(const char *expected)
{
    const Token &t = peek();
    if (t.kind == TokenKind::Invalid) {
        return fail(t.offset, "Syntax error: " + t.string);
    }
    if (t.kind == TokenKind::End) {
        return fail(t.offset,
                    std::string("Syntax error: unexpected end of input, expecting ") + expected);
    }
    if (t.kind == TokenKind::Reserved) {
        return fail(t.offset, "Syntax error: reserved identifier: " + std::string(t.text));
    }
    return fail(t.offset, "Syntax error: mismatched input '" + std::string(t.text) +
                              "' expecting " + expected);
}

bool Parser::expect(TokenKind kind, const char *what)
{
    if (accept(kind)) {
        return true;
    }
    unexpected(what);
    return false;
}

std::int32_t Parser::addNode(const AstNode &node)
{
    auto depthOf = [this](std::int32_t index) -> int {
        return index >= 0 ? m_depth[static_cast<std::size_t>(index)] : 0;
    };
    int depth = std::max({depthOf(node.a), depthOf(node.b), depthOf(node.c)});
    if (node.op == Op::Call || node.op == Op::ListLiteral || node.op == Op::MapLiteral) {
        const std::size_t n = node.op == Op::MapLiteral ? node.count * 2u : node.count;
        for (std::size_t i = 0; i < n; ++i) {
            depth = std::max(depth, depthOf(m_ast.args[static_cast<std::size_t>(node.index) + i]));
        }
    }
    ++depth;
    if (depth > kMaxDepth) {
        return fail(peek().offset, "expression nested too deeply (the limit is " +
                                       std::to_string(kMaxDepth) + ")");
    }
    m_ast.nodes.push_back(node);
    m_depth.push_back(static_cast<std::uint16_t>(depth));
    return static_cast<std::int32_t>(m_ast.nodes.size() - 1);
}

std::int32_t Parser::literal(Value value)
{
    m_ast.constants.push_back(std::move(value));
    AstNode node;
    node.op = Op::Literal;
    node.index = static_cast<std::int32_t>(m_ast.constants.size() - 1);
    return addNode(node);
}

std::int32_t Parser::stringLiteral(std::string text)
{
    m_ast.texts.push_back(std::move(text));
    return literal(Value::stringRef(m_ast.texts.back()));
}

std::int32_t Parser::binary(Op op, std::int32_t a, std::int32_t b)
{
    if (a < 0 || b < 0) {
        return -1;
    }
    AstNode node;
    node.op = op;
    node.a = a;
    node.b = b;
    return addNode(node);
}

bool Parser::run(std::string *error)
{
    if (codePointCount(m_source) > kMaxCodePoints) {
        *error = "expression code point size exceeds limit: size: " +
                 std::to_string(codePointCount(m_source)) + ", limit " +
                 std::to_string(kMaxCodePoints);
        return false;
    }
    while (true) {
        m_tokens.push_back(m_lexer.next());
        const TokenKind kind = m_tokens.back().kind;
        if (kind == TokenKind::End || kind == TokenKind::Invalid) {
            break;
        }
    }
    const std::int32_t root = parseExpr();
    if (root >= 0 && peek().kind != TokenKind::End) {
        unexpected("<EOF>");
    }
    if (m_failed || root < 0) {
        int line = 0;
        int column = 0;
        m_lexer.position(m_errorOffset, &line, &column);
        *error = std::to_string(line) + ":" + std::to_string(column) + ": " + m_error;
        return false;
    }
    m_ast.root = root;
    return true;
}

std::int32_t Parser::parseExpr()
{
    if (++m_nesting > kMaxDepth) {
        --m_nesting;
        return fail(peek().offset, "expression nested too deeply (the limit is " +
                                       std::to_string(kMaxDepth) + ")");
    }
    std::int32_t result = parseOr();
    if (result >= 0 && accept(TokenKind::Question)) {
        const std::int32_t whenTrue = parseOr();
        if (whenTrue >= 0 && expect(TokenKind::Colon, "':'")) {
            const std::int32_t whenFalse = parseExpr();
            if (whenFalse >= 0) {
                AstNode node;
                node.op = Op::Conditional;
                node.a = result;
                node.b = whenTrue;
                node.c = whenFalse;
                result = addNode(node);
            } else {
                result = -1;
            }
        } else {
            result = -1;
        }
    }
    --m_nesting;
    return result;
}

std::int32_t Parser::parseOr()
{
    std::int32_t left = parseAnd();
    while (left >= 0 && accept(TokenKind::OrOr)) {
        left = binary(Op::Or, left, parseAnd());
    }
    return left;
}

std::int32_t Parser::parseAnd()
{
    std::int32_t left = parseRelation();
    while (left >= 0 && accept(TokenKind::AndAnd)) {
        left = binary(Op::And, left, parseRelation());
    }
    return left;
}

std::int32_t Parser::parseRelation()
{
    std::int32_t left = parseAdditive();
    while (left >= 0) {
        Op op;
        switch (peek().kind) {
        case TokenKind::Equal:
            op = Op::Equal;
            break;
        case TokenKind::NotEqual:
            op = Op::NotEqual;
            break;
        case TokenKind::Less:
            op = Op::Less;
            break;
        case TokenKind::LessEqual:
            op = Op::LessEqual;
            break;
        case TokenKind::Greater:
            op = Op::Greater;
            break;
        case TokenKind::GreaterEqual:
            op = Op::GreaterEqual;
            break;
        case TokenKind::In:
            op = Op::In;
            break;
        default:
            return left;
        }
        take();
        left = binary(op, left, parseAdditive());
    }
    return left;
}

std::int32_t Parser::parseAdditive()
{
    std::int32_t left = parseMultiplicative();
    while (left >= 0) {
        if (accept(TokenKind::Plus)) {
            left = binary(Op::Add, left, parseMultiplicative());
        } else if (accept(TokenKind::Minus)) {
            left = binary(Op::Subtract, left, parseMultiplicative());
        } else {
            break;
        }
    }
    return left;
}

std::int32_t Parser::parseMultiplicative()
{
    std::int32_t left = parseUnary();
    while (left >= 0) {
        if (accept(TokenKind::Star)) {
            left = binary(Op::Multiply, left, parseUnary());
        } else if (accept(TokenKind::Slash)) {
            left = binary(Op::Divide, left, parseUnary());
        } else if (accept(TokenKind::Percent)) {
            left = binary(Op::Modulo, left, parseUnary());
        } else {
            break;
        }
    }
    return left;
}

std::int32_t Parser::parseUnary()
{
    if (peek().kind == TokenKind::Bang) {
        int count = 0;
        while (accept(TokenKind::Bang)) {
            ++count;
        }
        const std::int32_t operand = parseMember();
        if (operand < 0 || count % 2 == 0) {
            return operand; // cel-go drops pairs of '!' in the parser
        }
        AstNode node;
        node.op = Op::Not;
        node.a = operand;
        return addNode(node);
    }
    if (peek().kind == TokenKind::Minus) {
        std::size_t count = 0;
        while (peek(count).kind == TokenKind::Minus) {
            ++count;
        }
        const TokenKind after = peek(count).kind;
        // The minus right before a number belongs to the literal (-9223372036854775808).
        const bool negativeLiteral = after == TokenKind::Int || after == TokenKind::Double;
        const std::size_t operators = negativeLiteral ? count - 1 : count;
        for (std::size_t i = 0; i < operators; ++i) {
            take();
        }
        const std::int32_t operand = parseMember();
        if (operand < 0 || operators % 2 == 0) {
            return operand;
        }
        AstNode node;
        node.op = Op::Negate;
        node.a = operand;
        return addNode(node);
    }
    return parseMember();
}

std::int32_t Parser::parseMember()
{
    std::int32_t operand = parsePrimary();
    while (operand >= 0) {
        if (accept(TokenKind::Dot)) {
            const Token &name = peek();
            if (name.kind != TokenKind::Identifier) {
                return unexpected("IDENTIFIER");
            }
            take();
            if (peek().kind == TokenKind::LeftParen) {
                if (isMacroName(name.text)) {
                    operand = parseMacro(operand, name);
                    continue;
                }
                std::vector<std::int32_t> arguments;
                if (!parseArguments(&arguments)) {
                    return -1;
                }
                operand = makeCall(name, operand, arguments);
                continue;
            }
            m_ast.names.push_back(unescapeFieldName(name.text));
            AstNode node;
            node.op = Op::Select;
            node.a = operand;
            node.index = static_cast<std::int32_t>(m_ast.names.size() - 1);
            operand = addNode(node);
        } else if (accept(TokenKind::LeftBracket)) {
            const std::int32_t key = parseExpr();
            if (key < 0 || !expect(TokenKind::RightBracket, "']'")) {
                return -1;
            }
            operand = binary(Op::Index, operand, key);
        } else {
            break;
        }
    }
    return operand;
}

bool Parser::parseArguments(std::vector<std::int32_t> *out)
{
    if (!expect(TokenKind::LeftParen, "'('")) {
        return false;
    }
    if (accept(TokenKind::RightParen)) {
        return true;
    }
    while (true) {
        const std::int32_t argument = parseExpr();
        if (argument < 0) {
            return false;
        }
        out->push_back(argument);
        if (accept(TokenKind::Comma)) {
            continue;
        }
        return expect(TokenKind::RightParen, "')'");
    }
}

std::int32_t Parser::makeCall(const Token &name, std::int32_t receiver,
                              const std::vector<std::int32_t> &arguments)
{
    const bool member = receiver >= 0;
    FunctionId id;
    if (!lookupFunction(name.text, member, static_cast<int>(arguments.size()), &id)) {
        if (isFunctionName(name.text)) {
            return fail(name.offset, "found no matching overload for '" + std::string(name.text) +
                                         "' applied to " + std::to_string(arguments.size()) +
                                         " argument(s)" + (member ? " on a receiver" : ""));
        }
        return fail(name.offset, "undeclared reference to '" + std::string(name.text) + "'");
    }
    const std::size_t first = m_ast.args.size();
    if (member) {
        m_ast.args.push_back(receiver);
    }
    m_ast.args.insert(m_ast.args.end(), arguments.begin(), arguments.end());
    const std::size_t count = m_ast.args.size() - first;
    if (count > static_cast<std::size_t>(kMaxCallArguments)) {
        return fail(name.offset, "too many arguments to '" + std::string(name.text) + "'");
    }

    // size(x.filter(...)) is how CRD rules say "at most one": count instead of building a list.
    if (id == FunctionId::Size && count == 1) {
        const std::int32_t argument = m_ast.args[first];
        AstNode &arg = m_ast.nodes[static_cast<std::size_t>(argument)];
        if (arg.op == Op::Filter) {
            arg.op = Op::FilterCount;
            m_ast.args.resize(first);
            return argument;
        }
    }

    // duration('1s') with a literal: parse once here instead of at every evaluation. An invalid
    // literal stays a call so the error is reported when the rule runs, as cel-go does.
    if (id == FunctionId::Duration && count == 1) {
        const AstNode &arg = m_ast.nodes[static_cast<std::size_t>(m_ast.args[first])];
        if (arg.op == Op::Literal) {
            const Value &text = m_ast.constants[static_cast<std::size_t>(arg.index)];
            std::int64_t nanoseconds = 0;
            if (text.isString() && parseDuration(text.str(), &nanoseconds, nullptr)) {
                m_ast.args.resize(first);
                return literal(Value::duration(nanoseconds));
            }
        }
    }

    AstNode node;
    node.op = Op::Call;
    node.function = id;
    node.index = static_cast<std::int32_t>(first);
    node.count = static_cast<std::uint16_t>(count);

    // A literal matches() pattern is compiled once, and a bad one rejects the rule up front
    // (Kubernetes compiles constant regexes when it builds the program).
    if (id == FunctionId::Matches && count == 2) {
        const AstNode &arg = m_ast.nodes[static_cast<std::size_t>(m_ast.args[first + 1])];
        if (arg.op == Op::Literal) {
            const Value &pattern = m_ast.constants[static_cast<std::size_t>(arg.index)];
            if (pattern.isString()) {
                RE2::Options options;
                options.set_log_errors(false);
                auto regex = std::make_unique<RE2>(
                    re2::StringPiece(pattern.str().data(), pattern.str().size()), options);
                if (!regex->ok()) {
                    return fail(name.offset, "invalid regular expression '" +
                                                 std::string(pattern.str()) +
                                                 "': " + regex->error());
                }
                m_ast.regexes.push_back(std::move(regex));
                node.b = static_cast<std::int32_t>(m_ast.regexes.size() - 1);
            }
        }
    }
    return addNode(node);
}

std::int32_t Parser::parseMacro(std::int32_t range, const Token &name)
{
    take(); // '('
    const Token &variable = peek();
    if (variable.kind != TokenKind::Identifier || peek(1).kind != TokenKind::Comma) {
        return fail(variable.offset, "invalid macro call: " + std::string(name.text) +
                                         "() needs a variable name and an expression");
    }
    take();
    take(); // ','
    m_scopes.emplace_back(variable.text);
    const std::int32_t slot = static_cast<std::int32_t>(m_scopes.size() - 1);
    std::int32_t first = parseExpr();
    std::int32_t second = -1;
    const bool threeArguments = first >= 0 && name.text == "map" && accept(TokenKind::Comma);
    if (threeArguments) {
        second = parseExpr();
    }
    m_scopes.pop_back();
    if (first < 0 || (threeArguments && second < 0)) {
        return -1;
    }
    if (peek().kind == TokenKind::Comma) {
        return fail(peek().offset,
                    "invalid macro call: too many arguments to " + std::string(name.text) + "()");
    }
    if (!expect(TokenKind::RightParen, "')'")) {
        return -1;
    }
    AstNode node;
    node.a = range;
    node.index = slot;
    if (name.text == "all") {
        node.op = Op::All;
        node.b = first;
    } else if (name.text == "exists") {
        node.op = Op::Exists;
        node.b = first;
    } else if (name.text == "exists_one" || name.text == "existsOne") {
        node.op = Op::ExistsOne;
        node.b = first;
    } else if (name.text == "filter") {
        node.op = Op::Filter;
        node.b = first;
    } else {
        node.op = Op::Transform;
        node.b = threeArguments ? second : first;
        node.c = threeArguments ? first : -1;
    }
    return addNode(node);
}

std::int32_t Parser::parseIdentifier()
{
    const Token &name = take();
    const std::string_view text = name.text;

    if (peek().kind == TokenKind::LeftParen) {
        if (text == "has") {
            take();
            const std::int32_t argument = parseExpr();
            if (argument < 0) {
                return -1;
            }
            if (m_ast.nodes[static_cast<std::size_t>(argument)].op != Op::Select) {
                return fail(name.offset, "invalid argument to has() macro");
            }
            if (!expect(TokenKind::RightParen, "')'")) {
                return -1;
            }
            m_ast.nodes[static_cast<std::size_t>(argument)].op = Op::Has;
            return argument;
        }
        std::vector<std::int32_t> arguments;
        if (!parseArguments(&arguments)) {
            return -1;
        }
        return makeCall(name, -1, arguments);
    }

    for (std::size_t i = m_scopes.size(); i-- > 0;) {
        if (m_scopes[i] == text) {
            AstNode node;
            node.op = Op::Local;
            node.index = static_cast<std::int32_t>(i);
            return addNode(node);
        }
    }
    if (text == "self" || text == "oldSelf") {
        AstNode node;
        node.op = text == "self" ? Op::Self : Op::OldSelf;
        return addNode(node);
    }
    // format.dns1123Label(): the Kubernetes format library, a namespace of constant objects.
    if (text == "format" && peek().kind == TokenKind::Dot &&
        peek(1).kind == TokenKind::Identifier && peek(2).kind == TokenKind::LeftParen &&
        peek(3).kind == TokenKind::RightParen) {
        take();
        const Token &formatName = take();
        take();
        take();
        const int id = lookupFormat(formatName.text);
        if (id < 0) {
            return fail(formatName.offset,
                        "undeclared reference to 'format." + std::string(formatName.text) + "'");
        }
        return literal(Value::format(id));
    }
    ValueKind kind;
    if (typeIdentifier(text, &kind)) {
        return literal(Value::type(kind));
    }
    return fail(name.offset, "undeclared reference to '" + std::string(text) + "'");
}

std::int32_t Parser::parsePrimary()
{
    const Token &t = peek();
    switch (t.kind) {
    case TokenKind::Identifier:
        return parseIdentifier();
    case TokenKind::Dot:
        // A leading dot names the root namespace (.self); we have only one namespace.
        if (peek(1).kind == TokenKind::Identifier) {
            take();
            return parseIdentifier();
        }
        return unexpected("an expression");
    case TokenKind::LeftParen: {
        take();
        const std::int32_t inner = parseExpr();
        if (inner < 0 || !expect(TokenKind::RightParen, "')'")) {
            return -1;
        }
        return inner;
    }
    case TokenKind::LeftBracket: {
        take();
        std::vector<std::int32_t> elements;
        while (peek().kind != TokenKind::RightBracket) {
            const std::int32_t element = parseExpr();
            if (element < 0) {
                return -1;
            }
            elements.push_back(element);
            if (!accept(TokenKind::Comma)) {
                break;
            }
        }
        if (!expect(TokenKind::RightBracket, "']'")) {
            return -1;
        }
        // A list of literals (['HTTP', 'TCP']) is built once, at compile time.
        bool constant = true;
        for (std::int32_t e : elements) {
            constant = constant && m_ast.nodes[static_cast<std::size_t>(e)].op == Op::Literal;
        }
        if (constant) {
            std::vector<Value> items;
            items.reserve(elements.size());
            for (std::int32_t e : elements) {
                items.push_back(m_ast.constants[static_cast<std::size_t>(
                    m_ast.nodes[static_cast<std::size_t>(e)].index)]);
            }
            return literal(Value::list(std::move(items)));
        }
        if (elements.size() > std::numeric_limits<std::uint16_t>::max()) {
            return fail(t.offset, "list literal too long");
        }
        AstNode node;
        node.op = Op::ListLiteral;
        node.index = static_cast<std::int32_t>(m_ast.args.size());
        node.count = static_cast<std::uint16_t>(elements.size());
        m_ast.args.insert(m_ast.args.end(), elements.begin(), elements.end());
        return addNode(node);
    }
    case TokenKind::LeftBrace: {
        take();
        std::vector<std::int32_t> entries;
        while (peek().kind != TokenKind::RightBrace) {
            const std::int32_t key = parseExpr();
            if (key < 0 || !expect(TokenKind::Colon, "':'")) {
                return -1;
            }
            const std::int32_t value = parseExpr();
            if (value < 0) {
                return -1;
            }
            entries.push_back(key);
            entries.push_back(value);
            if (!accept(TokenKind::Comma)) {
                break;
            }
        }
        if (!expect(TokenKind::RightBrace, "'}'")) {
            return -1;
        }
        if (entries.size() / 2 > std::numeric_limits<std::uint16_t>::max()) {
            return fail(t.offset, "map literal too long");
        }
        AstNode node;
        node.op = Op::MapLiteral;
        node.index = static_cast<std::int32_t>(m_ast.args.size());
        node.count = static_cast<std::uint16_t>(entries.size() / 2);
        m_ast.args.insert(m_ast.args.end(), entries.begin(), entries.end());
        return addNode(node);
    }
    case TokenKind::Minus: {
        // A negative number literal (see parseUnary); "!-x" also lands here and is invalid.
        if (peek(1).kind != TokenKind::Int && peek(1).kind != TokenKind::Double) {
            return unexpected("an expression");
        }
        take();
        const Token &number = take();
        if (number.kind == TokenKind::Double) {
            return literal(Value::floating(-number.floating));
        }
        if (number.integer >
            static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + 1) {
            return fail(number.offset,
                        "integer literal out of range: -" + std::string(number.text));
        }
        return literal(Value::integer(static_cast<std::int64_t>(0 - number.integer)));
    }
    case TokenKind::Int:
        take();
        if (t.integer > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            return fail(t.offset, "integer literal out of range: " + std::string(t.text));
        }
        return literal(Value::integer(static_cast<std::int64_t>(t.integer)));
    case TokenKind::Uint:
        take();
        return literal(Value::unsignedInteger(t.integer));
    case TokenKind::Double:
        take();
        return literal(Value::floating(t.floating));
    case TokenKind::String: {
        const Token &s = take();
        return stringLiteral(s.string);
    }
    case TokenKind::Bytes:
        return fail(t.offset, "bytes literals are not supported");
    case TokenKind::True:
        take();
        return literal(Value::boolean(true));
    case TokenKind::False:
        take();
        return literal(Value::boolean(false));
    case TokenKind::Null:
        take();
        return literal(Value());
    default:
        return unexpected("an expression");
    }
}

} // namespace

bool parse(std::string_view source, Ast *ast, std::string *error)
{
    Parser parser(source, *ast);
    return parser.run(error);
}

} // namespace Torii::Validation::Cel::Internal
