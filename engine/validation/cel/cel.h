#pragma once

// A Common Expression Language (CEL) evaluator for Kubernetes CRD validation rules
// (x-kubernetes-validations), evaluated over Model::Node trees.
//
// Why our own: no CEL library for C++ (cel-cpp) is packaged for Debian 12, and vendoring cel-cpp
// would pull in Abseil, protobuf and ANTLR. The subset here is what the API server's cel-go
// accepts in CRD rules: the CEL grammar, the standard functions and macros, the cel-go strings
// extension and the Kubernetes libraries (regex, lists, url, ip, cidr, format), with the same
// error semantics (errors are values that || and && and the macros can absorb).
//
// Differences from cel-go: no bytes, timestamps, optional syntax (?. and [?]), protobuf message
// construction, quantity(), semver() or sets extension; format.<name>().validate(s) returns null
// (not optional.none()) for a valid value; instead of cel-go's cost estimates, an evaluation
// stops with an Error after 10 million steps, and computed strings are capped at 16 MiB.

#include "engine/model/node.h"

#include <memory>
#include <string>
#include <string_view>

namespace Torii::Validation::Cel {

namespace Internal {
struct Ast;
}

struct Outcome
{
    enum class Kind { True, False, Error };

    Kind kind = Kind::Error;
    std::string error; // for Error: what went wrong, e.g. "no such key: type"

    bool passed() const { return kind == Kind::True; }
};

// A compiled expression. Immutable once compiled: any number of threads may evaluate it at once.
class Program
{
public:
    // Parses and checks `expression`. Returns nullptr and sets *error (when given) to a message
    // "line:column: text" when it is not valid CEL for a CRD rule: syntax errors, undeclared
    // names (only self and oldSelf are variables), unknown functions or wrong argument counts,
    // invalid literal regexes, nesting deeper than 200.
    static std::shared_ptr<const Program> compile(std::string_view expression, std::string *error);

    ~Program();
    Program(const Program &) = delete;
    Program &operator=(const Program &) = delete;

    const std::string &expression() const { return m_expression; }

    // Whether the rule refers to oldSelf: a transition rule, which the API server evaluates only
    // on updates (when there is an old object).
    bool isTransitionRule() const { return m_transitionRule; }

private:
    Program();

    friend Outcome evaluate(const Program &, const Model::Node &, const Model::Node *);

    std::string m_expression;
    std::unique_ptr<Internal::Ast> m_ast;
    bool m_transitionRule = false;
};

// Evaluates a rule with `self` bound to the node the rule is attached to, and `oldSelf` to its
// previous version (nullptr: none; referencing oldSelf is then an Error). A rule passes only when
// the result is the boolean true; a non-bool result is an Error. Never throws.
Outcome evaluate(const Program &program, const Model::Node &self,
                 const Model::Node *oldSelf = nullptr);

} // namespace Torii::Validation::Cel
