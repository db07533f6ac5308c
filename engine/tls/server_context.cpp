#include "server_context.h"

#include "hostname_match.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <mutex>

namespace Torii::Tls {

namespace {

using Core::text;

struct CtxFree
{
    void operator()(SSL_CTX *ctx) const { SSL_CTX_free(ctx); }
};
using CtxPtr = std::unique_ptr<SSL_CTX, CtxFree>;

struct Entry
{
    ListenerCertificate source;
    std::string pattern; // normalized hostname, "" = any
    CtxPtr context;      // holds this entry's certificate and key
};

// Everything the callbacks read; owned by the main SSL_CTX (freed with it, through ex_data), so
// it lives as long as any SSL made from it.
struct Selector
{
    std::vector<Entry> entries;
    std::string alpnWire; // length-prefixed protocol names
};

void freeSelector(void *, void *ptr, CRYPTO_EX_DATA *, int, long, void *)
{
    delete static_cast<Selector *>(ptr);
}

int selectorIndex()
{
    static const int index = SSL_CTX_get_ex_new_index(0, nullptr, nullptr, nullptr, freeSelector);
    return index;
}

// The entry chosen for one SSL, as an index + 1 (0: none yet), and the Selector that chose it
// (alive as long as the SSL: an SSL keeps a reference on the context it was made from, which
// owns the Selector, even after SSL_set_SSL_CTX).
int choiceIndex()
{
    static const int index = SSL_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
    return index;
}
int choiceSelectorIndex()
{
    static const int index = SSL_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
    return index;
}

std::string openSslError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0) {
        return "unknown error";
    }
    char buffer[256];
    ERR_error_string_n(code, buffer, sizeof buffer);
    return buffer;
}

std::string displayHost(const std::string &hostname)
{
    return hostname.empty() ? std::string("*") : hostname;
}

// The most specific entry for `serverName`; -1 when none matches.
int choose(const Selector &selector, const std::string &serverName)
{
    int best = -1;
    int bestRank = -1;
    for (std::size_t i = 0; i < selector.entries.size(); ++i) {
        const std::string &pattern = selector.entries[i].pattern;
        if (serverName.empty()) {
            if (pattern.empty()) {
                return static_cast<int>(i);
            }
            continue;
        }
        if (listenerHostMatches(pattern, serverName)) {
            const int rank = listenerHostSpecificity(pattern);
            if (rank > bestRank) {
                best = static_cast<int>(i);
                bestRank = rank;
            }
        }
    }
    if (serverName.empty()) {
        return 0; // no catch-all: the first listener
    }
    return best;
}

int onServerName(SSL *ssl, int *alert, void *arg)
{
    const auto *selector = static_cast<const Selector *>(arg);
    const char *sent = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
    const std::string serverName = sent ? normalizeHostname(sent) : std::string();
    const int chosen = choose(*selector, serverName);
    if (chosen < 0) {
        *alert = SSL_AD_UNRECOGNIZED_NAME;
        return SSL_TLSEXT_ERR_ALERT_FATAL;
    }
    SSL_set_ex_data(ssl, choiceIndex(),
                    reinterpret_cast<void *>(static_cast<intptr_t>(chosen + 1)));
    SSL_set_ex_data(ssl, choiceSelectorIndex(), const_cast<Selector *>(selector));
    SSL_CTX *entryContext = selector->entries[static_cast<std::size_t>(chosen)].context.get();
    if (SSL_get_SSL_CTX(ssl) != entryContext && SSL_set_SSL_CTX(ssl, entryContext) == nullptr) {
        *alert = SSL_AD_INTERNAL_ERROR;
        return SSL_TLSEXT_ERR_ALERT_FATAL;
    }
    return SSL_TLSEXT_ERR_OK;
}

int onAlpn(SSL *, const unsigned char **out, unsigned char *outlen, const unsigned char *in,
           unsigned int inlen, void *arg)
{
    const auto *selector = static_cast<const Selector *>(arg);
    unsigned char *chosen = nullptr;
    if (SSL_select_next_proto(&chosen, outlen,
                              reinterpret_cast<const unsigned char *>(selector->alpnWire.data()),
                              static_cast<unsigned int>(selector->alpnWire.size()), in,
                              inlen) != OPENSSL_NPN_NEGOTIATED) {
        return SSL_TLSEXT_ERR_NOACK; // no common protocol: go on without ALPN
    }
    *out = chosen;
    return SSL_TLSEXT_ERR_OK;
}

// Settings every context of the port shares (the entry contexts only lend their certificate,
// but OpenSSL copies some settings on SSL_set_SSL_CTX, so they get the same ones).
bool configure(SSL_CTX *ctx)
{
    // TLS 1.2 suites: AEAD with forward secrecy only (TLS 1.3 keeps OpenSSL's defaults).
    if (SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION) != 1 ||
        SSL_CTX_set_cipher_list(ctx, "HIGH:!aNULL:!eNULL:!kRSA:!PSK:!CBC:!MD5:!RC4:!3DES"
                                     "@STRENGTH") != 1) {
        return false;
    }
    SSL_CTX_set_options(ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION |
                                 SSL_OP_CIPHER_SERVER_PREFERENCE);
    return true;
}

bool loadKeyPair(SSL_CTX *ctx, const ListenerCertificate &entry, std::string *why)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> certBio(
        BIO_new_mem_buf(entry.certificateChain.data(),
                        static_cast<int>(entry.certificateChain.size())),
        BIO_free);
    X509 *leaf = certBio ? PEM_read_bio_X509(certBio.get(), nullptr, nullptr, nullptr) : nullptr;
    if (leaf == nullptr) {
        *why = "no PEM certificate";
        ERR_clear_error();
        return false;
    }
    const int used = SSL_CTX_use_certificate(ctx, leaf);
    X509_free(leaf);
    if (used != 1) {
        *why = openSslError();
        return false;
    }
    while (X509 *extra = PEM_read_bio_X509(certBio.get(), nullptr, nullptr, nullptr)) {
        if (SSL_CTX_add0_chain_cert(ctx, extra) != 1) { // takes ownership on success
            X509_free(extra);
            *why = openSslError();
            return false;
        }
    }
    ERR_clear_error(); // the end of the PEM stream
    std::unique_ptr<BIO, decltype(&BIO_free)> keyBio(
        BIO_new_mem_buf(entry.privateKey.data(), static_cast<int>(entry.privateKey.size())),
        BIO_free);
    EVP_PKEY *key =
        keyBio ? PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr) : nullptr;
    if (key == nullptr) {
        *why = "no PEM private key";
        ERR_clear_error();
        return false;
    }
    const int keyUsed = SSL_CTX_use_PrivateKey(ctx, key);
    EVP_PKEY_free(key);
    if (keyUsed != 1 || SSL_CTX_check_private_key(ctx) != 1) {
        *why = "the private key does not belong to the certificate";
        ERR_clear_error();
        return false;
    }
    return true;
}

// AllowInsecureFallback: the client's certificate is asked for and verified, but a failed check
// does not end the handshake.
int acceptAnyClientCertificate(int, X509_STORE_CTX *)
{
    return 1;
}

struct StoreFree
{
    void operator()(X509_STORE *store) const { X509_STORE_free(store); }
};
using StorePtr = std::unique_ptr<X509_STORE, StoreFree>;

// The trust store of a port's client validation: every certificate of every bundle. Null with
// `why` when a bundle holds no PEM certificate or a broken one.
StorePtr clientTrustStore(const ClientValidation &validation, std::string *why)
{
    StorePtr store(X509_STORE_new());
    if (!store) {
        *why = openSslError();
        return nullptr;
    }
    for (const std::string &bundle : validation.caBundles) {
        std::unique_ptr<BIO, decltype(&BIO_free)> bio(
            BIO_new_mem_buf(bundle.data(), static_cast<int>(bundle.size())), BIO_free);
        int read = 0;
        while (X509 *ca = bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)
                              : nullptr) {
            const int added = X509_STORE_add_cert(store.get(), ca);
            X509_free(ca);
            if (added != 1) {
                *why = openSslError();
                return nullptr;
            }
            ++read;
        }
        ERR_clear_error(); // the end of the PEM stream
        if (read == 0) {
            *why = "a CA bundle holds no PEM certificate";
            return nullptr;
        }
    }
    if (validation.caBundles.empty()) {
        *why = "no CA certificate given";
        return nullptr;
    }
    return store;
}

// Asks for the client's certificate on `ctx`. Every context of the port gets it: the SNI
// callback switches the SSL to an entry's context, and the verification reads the store of the
// context current at that point. No list of acceptable CA names is sent: a client that filters
// its certificates by that list (Go's) would then present none, and the conformance suite
// checks that its certificate was presented, even the one the CAs did not sign.
bool requireClientCertificate(SSL_CTX *ctx, X509_STORE *store, ClientValidation::Mode mode)
{
    static const unsigned char sessionContext[] = "torii-frontend-validation";
    SSL_CTX_set1_cert_store(ctx, store); // takes a reference
    if (SSL_CTX_set_session_id_context(ctx, sessionContext, sizeof sessionContext - 1) != 1) {
        return false;
    }
    if (mode == ClientValidation::Mode::AllowValidOnly) {
        SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
    } else {
        SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, acceptAnyClientCertificate);
    }
    return true;
}

} // namespace

std::shared_ptr<SSL_CTX> buildServerContext(const std::vector<ListenerCertificate> &entries,
                                            const ServerContextOptions &options, Core::Text *error)
{
    auto failWith = [&](Core::Text why) -> std::shared_ptr<SSL_CTX> {
        if (error) {
            *error = std::move(why);
        }
        return nullptr;
    };
    if (entries.empty()) {
        return failWith(text(QT_TRANSLATE_NOOP("Diagnostics", "no certificate to serve")));
    }
    StorePtr clientStore;
    if (options.clientValidation) {
        std::string why;
        clientStore = clientTrustStore(*options.clientValidation, &why);
        if (!clientStore) {
            return failWith(text(QT_TRANSLATE_NOOP("Diagnostics", "the CA certificates for "
                                                                  "client certificate validation "
                                                                  "cannot be used: %1"),
                                 {why}));
        }
    }
    auto selector = std::make_unique<Selector>();
    for (const std::string &protocol : options.alpn) {
        if (protocol.empty() || protocol.size() > 255) {
            return failWith(text(
                QT_TRANSLATE_NOOP("Diagnostics", "invalid ALPN protocol name \"%1\""), {protocol}));
        }
        selector->alpnWire += static_cast<char>(protocol.size());
        selector->alpnWire += protocol;
    }
    for (const ListenerCertificate &source : entries) {
        Entry entry{source, normalizeHostname(source.hostname),
                    CtxPtr(SSL_CTX_new(TLS_server_method()))};
        if (entry.pattern == "*") {
            entry.pattern.clear();
        }
        std::string why;
        if (!entry.context || !configure(entry.context.get()) ||
            !loadKeyPair(entry.context.get(), source, &why)) {
            return failWith(
                text(QT_TRANSLATE_NOOP("Diagnostics", "the certificate for host %1 cannot be "
                                                      "served: %2"),
                     {displayHost(source.hostname), why.empty() ? openSslError() : why}));
        }
        selector->entries.push_back(std::move(entry));
    }

    SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
    if (ctx == nullptr || !configure(ctx)) {
        SSL_CTX_free(ctx);
        return failWith(
            text(QT_TRANSLATE_NOOP("Diagnostics", "OpenSSL cannot make a TLS context: %1"),
                 {openSslError()}));
    }
    std::shared_ptr<SSL_CTX> context(ctx, SSL_CTX_free);
    // The default certificate, for the moment before the SNI callback switches it.
    std::string why;
    const std::size_t fallback = static_cast<std::size_t>(choose(*selector, ""));
    if (!loadKeyPair(ctx, entries[fallback], &why)) {
        return failWith(text(
            QT_TRANSLATE_NOOP("Diagnostics", "the certificate for host %1 cannot be served: %2"),
            {displayHost(entries[fallback].hostname), why}));
    }
    Selector *raw = selector.release();
    SSL_CTX_set_ex_data(ctx, selectorIndex(), raw); // freed with ctx (freeSelector)
    SSL_CTX_set_tlsext_servername_callback(ctx, onServerName);
    SSL_CTX_set_tlsext_servername_arg(ctx, raw);
    if (!raw->alpnWire.empty()) {
        // OpenSSL reads the ALPN callback from the context the SNI callback switched to.
        SSL_CTX_set_alpn_select_cb(ctx, onAlpn, raw);
        for (Entry &entry : raw->entries) {
            SSL_CTX_set_alpn_select_cb(entry.context.get(), onAlpn, raw);
        }
    }
    if (clientStore) {
        bool configured = requireClientCertificate(ctx, clientStore.get(),
                                                   options.clientValidation->mode);
        for (Entry &entry : raw->entries) {
            configured = configured && requireClientCertificate(entry.context.get(),
                                                                clientStore.get(),
                                                                options.clientValidation->mode);
        }
        if (!configured) {
            return failWith(text(
                QT_TRANSLATE_NOOP("Diagnostics",
                                  "OpenSSL cannot set up client certificate validation: %1"),
                {openSslError()}));
        }
    }
    return context;
}

std::optional<SelectedListener> selectedListener(const SSL *ssl)
{
    if (ssl == nullptr) {
        return std::nullopt;
    }
    const auto chosen = reinterpret_cast<intptr_t>(SSL_get_ex_data(ssl, choiceIndex()));
    const auto *selector =
        static_cast<const Selector *>(SSL_get_ex_data(ssl, choiceSelectorIndex()));
    if (chosen <= 0 || selector == nullptr ||
        static_cast<std::size_t>(chosen) > selector->entries.size()) {
        return std::nullopt;
    }
    const std::size_t index = static_cast<std::size_t>(chosen - 1);
    const char *sent = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
    return SelectedListener{index, selector->entries[index].source.hostname,
                            sent ? normalizeHostname(sent) : std::string()};
}

} // namespace Torii::Tls
