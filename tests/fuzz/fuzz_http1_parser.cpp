// Fuzzes the HTTP/1.1 codec: arbitrary bytes, split at a fuzzer-chosen point, into a
// RequestParser and a ResponseParser (pipelining: re-feed after each message); every parsed head
// is serialized and parsed again and must come back equal. Any crash, sanitizer report, leak,
// hang or trap is a bug.
#include "engine/http/http1_codec.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace Torii::Http;

template<typename Head>
struct Collect : MessageHandler<Head>
{
    std::vector<Head> heads;
    std::uint64_t bodyBytes = 0;
    void onHead(Head &&head) override { heads.push_back(std::move(head)); }
    void onBody(std::string_view chunk) override { bodyBytes += chunk.size(); }
    void onComplete(Headers &&) override {}
};

template<typename Parser, typename Handler>
void feedSplit(Parser &parser, Handler &handler, std::string_view input, std::size_t split)
{
    for (std::string_view piece : {input.substr(0, split), input.substr(split)}) {
        while (!piece.empty()) {
            const FeedResult r = parser.feed(piece, handler);
            if (r.consumed > piece.size()) {
                __builtin_trap();
            }
            piece.remove_prefix(r.consumed);
            if (r.status == FeedStatus::Error || r.status == FeedStatus::Upgraded) {
                return;
            }
            if (r.status == FeedStatus::NeedMore && !piece.empty()) {
                __builtin_trap(); // NeedMore promises every byte was consumed
            }
        }
    }
    parser.finish(handler);
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

    RequestParser requests(limits);
    Collect<RequestHead> requestHeads;
    feedSplit(requests, requestHeads, input, split);
    for (const RequestHead &head : requestHeads.heads) {
        RequestParser again(limits);
        Collect<RequestHead> reparsed;
        // Only the head must come back: http-parser may still fail after it (it takes any
        // "Transfer-Encoding<more>" field for Transfer-Encoding), as it did the first time.
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
