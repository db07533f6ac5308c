#include "listener_certificates.h"

#include <filesystem>
#include <stdexcept>

namespace Torii::Runtime {

std::string developmentCaFolderFor(const std::vector<std::string> &paths)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path root = paths.empty() ? fs::current_path(ec) : fs::absolute(paths.front(), ec);
    if (!fs::is_directory(root, ec)) {
        root = root.parent_path();
    }
    return Tls::DevelopmentCa::directoryFor(root.lexically_normal().string());
}

std::map<std::pair<std::string, int>, HttpsPort>
planHttpsPorts(const Controller::ControllerResult &computed,
               const Tls::DevelopmentCa *developmentCa, const Tls::ServerContextOptions &options)
{
    std::map<std::pair<std::string, int>, HttpsPort> out;
    for (const auto &[gateway, listeners] : computed.tlsListeners) {
        std::map<int, std::vector<Tls::ListenerCertificate>> entries;
        // The Gateway's frontend validation applies per port, so every HTTPS listener of a port
        // carries the same one.
        std::map<int, Tls::ClientValidation> clientValidation;
        for (const Controller::TlsListener &listener : listeners) {
            if (listener.protocol != "HTTPS") {
                continue; // TLS Terminate listeners carry TLSRoutes: served with L4 later
            }
            HttpsPort &port = out[{gateway, listener.port}];
            if (!listener.clientCaBundles.empty()) {
                clientValidation[listener.port] = {
                    listener.clientCaBundles,
                    listener.clientValidationInsecure
                        ? Tls::ClientValidation::Mode::AllowInsecureFallback
                        : Tls::ClientValidation::Mode::AllowValidOnly};
            }
            HttpsListenerNote note{gateway,
                                   "listener " + listener.name + " of " + listener.owner,
                                   listener.port,
                                   listener.hostname,
                                   HttpsListenerNote::Source::Secret,
                                   listener.certificateProblem};
            if (!listener.keyPairs.empty()) {
                // The first usable certificateRef; a second one (another key type) is not
                // offered yet.
                entries[listener.port].push_back({listener.hostname,
                                                  listener.keyPairs.front().certificateChain,
                                                  listener.keyPairs.front().privateKey});
            } else if (developmentCa != nullptr) {
                try {
                    const Tls::PemPair leaf = developmentCa->issueFor({listener.hostname});
                    entries[listener.port].push_back(
                        {listener.hostname, leaf.certificate, leaf.privateKey});
                    note.source = HttpsListenerNote::Source::DevelopmentCertificate;
                } catch (const std::exception &e) {
                    note.source = HttpsListenerNote::Source::NotServed;
                    note.problem =
                        std::string("the development CA cannot issue a certificate: ") + e.what();
                }
            } else {
                note.source = HttpsListenerNote::Source::NotServed;
            }
            if (!note.problem.empty() && note.problem.back() == '.') {
                note.problem.pop_back(); // the controller writes sentences; serve adds its own
            }
            if (note.problem.empty() && note.source != HttpsListenerNote::Source::Secret) {
                note.problem = "no usable certificateRef";
            }
            port.notes.push_back(std::move(note));
        }
        for (auto &[portNumber, certificates] : entries) {
            HttpsPort &port = out[{gateway, portNumber}];
            Core::Text error;
            Tls::ServerContextOptions portOptions = options;
            if (const auto found = clientValidation.find(portNumber);
                found != clientValidation.end()) {
                portOptions.clientValidation = found->second;
            }
            port.context = Tls::buildServerContext(certificates, portOptions, &error);
            if (!port.context) {
                for (HttpsListenerNote &note : port.notes) {
                    note.source = HttpsListenerNote::Source::NotServed;
                    note.problem = error.english();
                }
            }
        }
    }
    return out;
}

} // namespace Torii::Runtime
