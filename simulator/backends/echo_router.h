#pragma once

#include "echo_identity.h"

#include "engine/http/http1_codec.h"

#include <QHash>
#include <QString>
#include <chrono>
#include <string>

// Chooses what the echo server does with one request: the handlers of the conformance echo
// server (/health, /status/NNN, /retry/..., the echo answer with ?delay=). Pure apart from the
// RetryLedger it is given: no socket, no clock (a delay is returned, not waited).
namespace Torii::Backends {

// What a connection must do for one request, in order with the other requests on it.
struct EchoAction
{
    enum class Kind {
        Respond, // write status + headers + body (the connection adds Content-Length and Date)
        Reset,   // abort the connection with a TCP RST, answering nothing (a failing /retry/)
        Close,   // close the connection without answering (Go's reaction to a handler panic)
        Hang,    // never answer (backend_behaviour.h); the client or the gateway gives up
    };
    Kind kind = Kind::Respond;
    int status = 200;
    Http::Headers headers;
    std::string body;
    std::chrono::milliseconds delay{0}; // wait this long before acting (?delay=, delayRetry=)
    bool closeAfter = false;            // close once this answer is written
    // The echo handler answered: the conformance server logs "Echoing back request made to
    // <target>" for it, which the connection records in the endpoint's RequestLog.
    bool echoed = false;
};

// Attempts per /retry/ uuid, in one endpoint's memory (as each echo pod counts its own).
// Not thread-safe: owned and used by the endpoint's worker thread.
class RetryLedger
{
public:
    // Records one more attempt for `uuid` and returns its number (1 for the first).
    int recordAttempt(const QString &uuid) { return ++m_attempts[uuid]; }

private:
    QHash<QString, int> m_attempts;
};

// The action for a complete request. `retries` is updated for /retry/ requests.
EchoAction answerRequest(const Http::RequestHead &head, const EchoIdentity &identity,
                         RetryLedger &retries);

// The answer to a request the codec rejected (its status: 400, 413, 431, 501), in the form Go's
// server gives: text/plain, "Connection: close", and the connection closes after it.
EchoAction protocolErrorAction(const Http::Error &error);

} // namespace Torii::Backends
