#pragma once

// Test helper: records a parser's events and drives feed() the way a connection would.

#include "engine/http/http1_codec.h"

#include <string>
#include <vector>

namespace Torii::Http::Test {

template<typename Head>
struct Message
{
    Head head;
    std::string body;
    Headers trailers;
    bool complete = false;
};

template<typename Head>
class Recorder : public MessageHandler<Head>
{
public:
    void onHead(Head &&head) override
    {
        messages.push_back({});
        messages.back().head = std::move(head);
        events.push_back("head");
    }
    void onBody(std::string_view chunk) override
    {
        messages.back().body.append(chunk);
        events.push_back("body");
    }
    void onComplete(Headers &&trailers) override
    {
        messages.back().trailers = std::move(trailers);
        messages.back().complete = true;
        events.push_back("complete");
    }

    std::vector<Message<Head>> messages;
    std::vector<std::string> events;
};

struct RunResult
{
    FeedStatus last = FeedStatus::NeedMore;
    std::size_t consumed = 0; // total bytes consumed
    int completions = 0;      // MessageComplete results seen
};

// Feeds `input` in pieces of `step` bytes (0: all at once), re-feeding the rest after each
// MessageComplete, until input ends or the parser stops (Error/Upgraded).
template<typename Parser, typename Handler>
RunResult runAll(Parser &parser, Handler &handler, std::string_view input, std::size_t step = 0)
{
    RunResult run;
    std::size_t offset = 0;
    while (offset < input.size()) {
        const std::size_t piece = step == 0 ? input.size() - offset
                                            : std::min(step, input.size() - offset);
        std::string_view rest = input.substr(offset, piece);
        while (!rest.empty()) {
            const FeedResult r = parser.feed(rest, handler);
            run.last = r.status;
            run.consumed += r.consumed;
            offset += r.consumed;
            rest.remove_prefix(r.consumed);
            if (r.status == FeedStatus::MessageComplete) {
                ++run.completions;
                continue;
            }
            if (r.status != FeedStatus::NeedMore) {
                return run;
            }
            if (!rest.empty()) {
                return run; // NeedMore must consume everything; the caller checks consumed
            }
        }
    }
    return run;
}

} // namespace Torii::Http::Test
