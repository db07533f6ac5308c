#include "cel.h"

#include "ast.h"
#include "evaluator.h"

#include <new>

namespace Torii::Validation::Cel {

Program::Program() = default;
Program::~Program() = default;

std::shared_ptr<const Program> Program::compile(std::string_view expression, std::string *error)
{
    try {
        auto ast = std::make_unique<Internal::Ast>();
        std::string message;
        if (!Internal::parse(expression, ast.get(), &message)) {
            if (error) {
                *error = std::move(message);
            }
            return nullptr;
        }
        std::shared_ptr<Program> program(new Program());
        program->m_expression = std::string(expression);
        for (const Internal::AstNode &node : ast->nodes) {
            program->m_transitionRule =
                program->m_transitionRule || node.op == Internal::Op::OldSelf;
        }
        program->m_ast = std::move(ast);
        return program;
    } catch (const std::bad_alloc &) {
        if (error) {
            *error = "out of memory while compiling the expression";
        }
    } catch (...) {
        if (error) {
            *error = "internal error while compiling the expression";
        }
    }
    return nullptr;
}

Outcome evaluate(const Program &program, const Model::Node &self, const Model::Node *oldSelf)
{
    Outcome outcome;
    try {
        Internal::Evaluator evaluator(*program.m_ast, self, oldSelf);
        Internal::Value result = evaluator.evaluate(program.m_ast->root);
        if (evaluator.exhausted()) {
            result = Internal::Value::error("evaluation cost limit exceeded (" +
                                            std::to_string(Internal::kMaxSteps) + " steps)");
        }
        switch (result.kind()) {
        case Internal::ValueKind::Bool:
            outcome.kind = result.boolValue() ? Outcome::Kind::True : Outcome::Kind::False;
            break;
        case Internal::ValueKind::Error:
            outcome.kind = Outcome::Kind::Error;
            outcome.error = std::string(result.str());
            break;
        default:
            outcome.kind = Outcome::Kind::Error;
            outcome.error = "rule evaluated to a value of type '" +
                            std::string(Internal::typeName(result.kind())) + "', not to a bool";
            break;
        }
    } catch (const std::bad_alloc &) {
        outcome.kind = Outcome::Kind::Error;
        outcome.error = "out of memory while evaluating the rule";
    } catch (...) {
        outcome.kind = Outcome::Kind::Error;
        outcome.error = "internal error while evaluating the rule";
    }
    return outcome;
}

} // namespace Torii::Validation::Cel
