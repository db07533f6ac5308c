// Fuzzes the HTTP/1.1 codec: arbitrary bytes, split at a fuzzer-chosen point, into a
// RequestParser and a ResponseParser (pipelining: re-feed after each message); every parsed head
// is serialized and parsed again and must come back equal. The parser is line-oriented and keeps
// unfinished lines between feeds, so the same bytes fed whole, split, and one byte at a time must
// give the same messages (heads, body bytes, ends) and the same outcome. Any crash, sanitizer
// report, leak, hang or trap is a bug.
#include "engine/http/http1_codec.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace {

using namespace Torii::Http;

template<typename Head>
struct Collect : MessageHandler<Head>
{
    std::vector<Head> heads;
    std::uint64_t bodyBytes = 0;
    // Every event, for comparing feeds: body bytes may come in other pieces when fed otherwise,
    // so consecutive pieces are joined (length-prefixed: a body may hold any byte).
    std::string transcript;
    std::string body;
    void flushBody()
    {
        if (!body.empty()) {
            transcript += "body " + std::to_string(body.size()) + ':' + body;
            body.clear();
        }
    }
    void onHead(Head &&head) override
    {
        flushBody();
        transcript += "head " + std::to_string(head.headers.fields.size()) + ';';
        heads.push_back(std::move(head));
    }
    void onBody(std::string_view chunk) override
    {
        bodyBytes += chunk.size();
        body.append(chunk);
    }
    void onComplete(Headers &&trailers) override
    {
        flushBody();
        transcript += "end " + std::to_string(trailers.fields.size()) + ';';
    }
};

// Feeds `pieces` in order; returns the last status ("finish" at the end of the input).
template<typename Parser, typename Handler>
FeedStatus feedPieces(Parser &parser, Handler &handler, const std::vector<std::string_view> &pieces)
{
    for (std::string_view piece : pieces) {
        while (!piece.empty()) {
            const FeedResult r = parser.feed(piece, handler);
            if (r.consumed > piece.size()) {
                __builtin_trap();
            }
            piece.remove_prefix(r.consumed);
            if (r.status == FeedStatus::Error || r.status == FeedStatus::Upgraded) {
                return r.status;
            }
            if (r.status == FeedStatus::NeedMore && !piece.empty()) {
                __builtin_trap(); // NeedMore promises every byte was consumed
            }
        }
    }
    return parser.finish(handler).status;
}

template<typename Parser, typename Handler>
FeedStatus feedSplit(Parser &parser, Handler &handler, std::string_view input, std::size_t split)
{
    return feedPieces(parser, handler, {input.substr(0, split), input.substr(split)});
}

// The same bytes fed whole, split at `split`, and (for short inputs) one byte at a time: same
// events, same outcome (the error's wording may differ: a line refused before its end says so
// sooner).
template<typename Parser, typename Head>
void sameWhateverTheSplit(std::string_view input, std::size_t split, const Limits &limits,
                          const char *method)
{
    const auto run = [&](const std::vector<std::string_view> &pieces) {
        Parser parser(limits);
        if constexpr (std::is_same_v<Parser, ResponseParser>) {
            parser.setRequestMethod(method);
        }
        Collect<Head> collect;
        const FeedStatus status = feedPieces(parser, collect, pieces);
        collect.flushBody();
        return std::make_pair(status, collect.transcript);
    };
    const auto whole = run({input});
    const auto halves = run({input.substr(0, split), input.substr(split)});
    if (whole != halves) {
        __builtin_trap();
    }
    if (input.size() <= 512) {
        std::vector<std::string_view> bytes;
        for (std::size_t i = 0; i < input.size(); ++i) {
            bytes.push_back(input.substr(i, 1));
        }
        if (run(bytes) != whole) {
            __builtin_trap();
        }
    }
}

void sameHeaders(const Headers &a, const Headers &b)
{
    if (a.fields.size() != b.fields.size()) {
        __builtin_trap();
    }
    for (std::size_t i = 0; i < a.fields.size(); ++i) {
        if (a.fields[i].name != b.fields[i].name || a.fields[i].value != b.fields[i].value) {
            __builtin_trap();
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2) {
        return 0;
    }
    const std::size_t split = data[0] % (size - 1);
    const bool headRequest = (data[1] & 1) != 0;
    const std::string_view input(reinterpret_cast<const char *>(data + 2), size - 2);
    Limits limits;
    limits.maxBodyBytes = 1 << 20;
    limits.maxHeaderBytes = 4096;
    limits.maxHeaderCount = 32;

    sameWhateverTheSplit<RequestParser, RequestHead>(input, split, limits, "GET");
    sameWhateverTheSplit<ResponseParser, ResponseHead>(input, split, limits,
                                                       headRequest ? "HEAD" : "GET");

    RequestParser requests(limits);
    Collect<RequestHead> requestHeads;
    feedSplit(requests, requestHeads, input, split);
    for (const RequestHead &head : requestHeads.heads) {
        RequestParser again(limits);
        Collect<RequestHead> reparsed;
        // Only the head must come back: the body may still fail after it, as the first time.
        again.feed(serializeRequestHead(head), reparsed);
        if (reparsed.heads.size() != 1) {
            __builtin_trap();
        }
        const RequestHead &back = reparsed.heads.front();
        if (back.method != head.method || back.target != head.target
            || back.versionMinor != head.versionMinor || back.keepAlive != head.keepAlive
            || back.chunked != head.chunked || back.contentLength != head.contentLength) {
            __builtin_trap();
        }
        sameHeaders(back.headers, head.headers);
    }

    ResponseParser responses(limits);
    responses.setRequestMethod(headRequest ? "HEAD" : "GET");
    Collect<ResponseHead> responseHeads;
    feedSplit(responses, responseHeads, input, split);
    for (const ResponseHead &head : responseHeads.heads) {
        ResponseParser again(limits);
        again.setRequestMethod(headRequest ? "HEAD" : "GET");
        Collect<ResponseHead> reparsed;
        again.feed(serializeResponseHead(head), reparsed);
        if (reparsed.heads.size() != 1) {
            __builtin_trap();
        }
        const ResponseHead &back = reparsed.heads.front();
        if (back.status != head.status || back.reason != head.reason
            || back.versionMinor != head.versionMinor || back.hasBody != head.hasBody) {
            __builtin_trap();
        }
        sameHeaders(back.headers, head.headers);
    }
    return 0;
}
