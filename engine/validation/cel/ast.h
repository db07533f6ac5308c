#pragma once

#include "functions.h"
#include "value.h"

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace re2 {
class RE2;
}

namespace Torii::Validation::Cel::Internal {

enum class Op : std::uint8_t {
    Literal,     // constants[index]
    ListLiteral, // args[index .. index+count)
    MapLiteral,  // args[index .. index+2*count): key, value, key, value...
    Self,
    OldSelf,
    Local,       // comprehension variable in slot `index`
    Select,      // a.names[index]
    Has,         // has(a.names[index])
    Index,       // a[b]
    Call,        // function(args[index .. index+count)); b = regex index for matches or -1
    Not,         // !a
    Negate,      // -a
    And,         // a && b
    Or,          // a || b
    Conditional, // a ? b : c
    Equal,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    In,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
    // Macros: range a, iteration variable in slot `index`, predicate/transform b, and for the
    // three-argument map() a filter c.
    All,
    Exists,
    ExistsOne,
    Filter,
    Transform,
    FilterCount, // size(x.filter(v, p)), counted without building the list
};

// One expression node. Children are indices into Ast::nodes so the tree is one flat array.
struct AstNode
{
    Op op = Op::Literal;
    FunctionId function = FunctionId::Size;
    std::uint16_t count = 0;
    std::int32_t a = -1;
    std::int32_t b = -1;
    std::int32_t c = -1;
    std::int32_t index = -1;
};

// A compiled expression: the flat tree plus the constants it refers to.
struct Ast
{
    Ast();
    ~Ast();
    Ast(const Ast &) = delete;
    Ast &operator=(const Ast &) = delete;

    std::vector<AstNode> nodes;
    std::vector<std::int32_t> args;
    std::vector<Value> constants;
    std::vector<std::string> names; // field names, already unescaped
    // Owns the text of string constants; a deque so the Values' views stay valid as it grows.
    std::deque<std::string> texts;
    std::vector<std::unique_ptr<re2::RE2>> regexes;
    std::int32_t root = -1;
};

// Parses and checks an expression. Returns false with a message "line:column: text" on error.
bool parse(std::string_view source, Ast *ast, std::string *error);

} // namespace Torii::Validation::Cel::Internal
