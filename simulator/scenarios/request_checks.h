#pragma once

// How one HTTP response is judged against a request case's `expect`, as the conformance suite
// judges it (../shared/conformance/README.md, "How the suite identifies the backend that
// answered" and "How an HTTP response is compared"): the echo JSON is read only when the
// Content-Type is exactly application/json; otherwise the captured request has an empty path,
// namespace and pod and the method sent. Then CompareRoundTrip's order: 408/504 interchangeable,
// the status, the request and response fields only on 200/204, the redirect only on a 3xx.
//
// Thread: pure functions.

#include "http_exchange.h"
#include "request_case.h"

#include <optional>
#include <string>
#include <vector>

namespace Torii::Scenarios {

struct CapturedRequest
{
    bool echo = false; // the body was the echo JSON
    std::string path;
    std::string host;
    std::string method;
    std::string ns;
    std::string pod;
    // The echo's `tls` object: the backend's side of the gateway's TLS connection to it
    // (BackendTLSPolicy); nullopt when the request did not reach it over TLS.
    std::optional<std::string> tlsServerName;
    // Header name as the echo server wrote it (canonical form) → one value per field received.
    std::vector<std::pair<std::string, std::vector<std::string>>> headers;

    // Values of `name` (case-insensitive); nullopt when absent.
    std::optional<std::vector<std::string>> header(const std::string &name) const;
};

CapturedRequest captureRequest(const HttpExchangeResult &response, const std::string &sentMethod);

// What differed: the field ("status", "backend", "request.headers.X-Foo"), the expected value and
// the value found, all English/technical text.
struct Mismatch
{
    std::string field;
    std::string expected;
    std::string got;
};

// The request as sent, after the runner's additions (the unique query parameter).
struct SentSummary
{
    std::string method;
    std::string path; // with query
    std::string scheme = "http";
};

// nullopt when `response` meets `expect` (its distribution aside, which needs many responses).
// With expect.sameBackendAsHeader the implicit defaults (status 200, "received as sent") are not
// applied: that check compares only what the case states (README, the case's notes).
std::optional<Mismatch> compareResponse(const RequestCase &item, const SentSummary &sent,
                                        const HttpExchangeResult &response,
                                        const CapturedRequest &captured);

// The backend a pod belongs to: its name without the last two '-' parts (weight.go).
std::string backendOfPod(const std::string &pod);

} // namespace Torii::Scenarios
