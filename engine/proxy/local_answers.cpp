#include "local_answers.h"

namespace Torii::Proxy::Internal {

std::string serializeLocalAnswer(const LocalAnswer &answer, bool close, bool headRequest)
{
    Http::ResponseHead head;
    head.status = answer.status;
    head.reason = std::string(Http::reasonPhrase(answer.status));
    head.headers.add("Content-Type", "text/plain; charset=utf-8");
    head.headers.add("Content-Length", std::to_string(answer.explanation.size()));
    for (const Http::HeaderField &field : answer.headers.fields) {
        head.headers.add(field.name, field.value);
    }
    if (close) {
        head.headers.add("Connection", "close");
    }
    std::string out = Http::serializeResponseHead(head);
    if (!headRequest) {
        out += answer.explanation;
    }
    return out;
}

std::string describeRoute(const RouteTable::RouteSource &source)
{
    std::string out = source.kind + ' ' + source.ns + '/' + source.name + " rule " +
                      std::to_string(source.ruleIndex);
    if (!source.ruleName.empty()) {
        out += " (\"" + source.ruleName + "\")";
    }
    if (source.matchIndex >= 0) {
        out += " match " + std::to_string(source.matchIndex);
    }
    return out;
}

} // namespace Torii::Proxy::Internal
