#pragma once

#include "ast.h"
#include "value.h"

namespace Torii::Validation::Cel::Internal {

// Walks an Ast for one (self, oldSelf) pair. Cheap to construct; lives on the caller's stack.
// Errors are values (ValueKind::Error), never exceptions, so CEL's error absorption by || and
// && and by the macros falls out of ordinary control flow.
//
// Nested macros over large lists can take very long (cel-go bounds this with a cost limit), so
// evaluation stops after kMaxSteps node visits with an error no operator can absorb.
constexpr std::uint64_t kMaxSteps = 10'000'000;

class Evaluator
{
public:
    Evaluator(const Ast &ast, const Model::Node &self, const Model::Node *oldSelf)
        : m_ast(ast)
        , m_self(self)
        , m_oldSelf(oldSelf)
    {}

    Value evaluate(std::int32_t at);

    // Whether the evaluation stopped at the step budget (the result is then an Error).
    bool exhausted() const { return m_exhausted; }

private:
    // Bindings of comprehension variables, one per active macro, chained on the C++ stack.
    struct Frame
    {
        const Frame *parent;
        std::int32_t slot;
        const Value *value;
    };

    const AstNode &node(std::int32_t index) const
    {
        return m_ast.nodes[static_cast<std::size_t>(index)];
    }
    std::int32_t arg(const AstNode &n, std::size_t i) const
    {
        return m_ast.args[static_cast<std::size_t>(n.index) + i];
    }

    Value select(const AstNode &n);
    Value has(const AstNode &n);
    Value subscript(const AstNode &n);
    Value call(const AstNode &n);
    Value logical(const AstNode &n);
    Value conditional(const AstNode &n);
    Value relation(const AstNode &n);
    Value comprehension(const AstNode &n);
    Value listLiteral(const AstNode &n);
    Value mapLiteral(const AstNode &n);

    const Ast &m_ast;
    const Model::Node &m_self;
    const Model::Node *m_oldSelf;
    Value budgetError();

    const Frame *m_frames = nullptr;
    std::uint64_t m_steps = 0;
    bool m_exhausted = false;
};

} // namespace Torii::Validation::Cel::Internal
