// Fuzzes the TLS passthrough ClientHello/SNI parser (engine/proxy/client_hello.h): arbitrary
// bytes, whole and as every prefix at a fuzzer-chosen step. Checked besides crashes and sanitizer
// reports: a prefix of bytes that parse Complete or Invalid never parses Complete with another
// name (the decision only depends on bytes already seen), a name is at most 255 printable
// lower-case-only ASCII characters, and Invalid always says why.
#include "engine/proxy/client_hello.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

using Torii::Proxy::ClientHelloResult;
using Torii::Proxy::parseClientHello;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char *>(data), size);
    const ClientHelloResult whole = parseClientHello(input);
    if (whole.status == ClientHelloResult::Status::Invalid && whole.error.empty()) {
        std::abort();
    }
    if (whole.serverName.size() > 255) {
        std::abort();
    }
    for (char c : whole.serverName) {
        if (c <= ' ' || c >= 0x7f || (c >= 'A' && c <= 'Z')) {
            std::abort();
        }
    }
    const std::size_t step = size > 0 ? std::size_t(data[0] % 16) + 1 : 1;
    for (std::size_t cut = 0; cut < size; cut += step) {
        const ClientHelloResult part = parseClientHello(input.substr(0, cut));
        if (part.status == ClientHelloResult::Status::Complete &&
            (whole.status != ClientHelloResult::Status::Complete ||
             part.serverName != whole.serverName)) {
            std::abort(); // more bytes changed a decision already made
        }
    }
    return 0;
}
