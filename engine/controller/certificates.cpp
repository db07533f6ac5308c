#include "certificates.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

namespace Torii::Controller::Internal {

namespace {

struct BioFree
{
    void operator()(BIO *bio) const { BIO_free(bio); }
};
struct X509Free
{
    void operator()(X509 *cert) const { X509_free(cert); }
};
struct KeyFree
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;
using X509Ptr = std::unique_ptr<X509, X509Free>;
using KeyPtr = std::unique_ptr<EVP_PKEY, KeyFree>;

BioPtr memoryBio(std::string_view data)
{
    return BioPtr(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
}

// Reads every certificate of a PEM stream; the count, or -1 when a PEM block is unreadable.
int countCertificates(std::string_view pem, X509Ptr *first)
{
    BioPtr bio = memoryBio(pem);
    if (!bio) {
        return -1;
    }
    int count = 0;
    while (true) {
        X509 *cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
        if (!cert) {
            break;
        }
        if (count == 0 && first) {
            first->reset(cert);
        } else {
            X509_free(cert);
        }
        ++count;
    }
    // Running out of PEM blocks is the normal end; anything else is a broken block.
    const unsigned long error = ERR_peek_last_error();
    const bool cleanEnd = error == 0 || (ERR_GET_LIB(error) == ERR_LIB_PEM &&
                                         ERR_GET_REASON(error) == PEM_R_NO_START_LINE);
    ERR_clear_error();
    return cleanEnd ? count : -1;
}

int base64Value(char c)
{
    if (c >= 'A' && c <= 'Z') {
        return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
        return c - '0' + 52;
    }
    if (c == '+') {
        return 62;
    }
    if (c == '/') {
        return 63;
    }
    return -1;
}

} // namespace

std::optional<std::string> decodeBase64(std::string_view text)
{
    std::string out;
    out.reserve(text.size() * 3 / 4);
    unsigned int buffer = 0;
    int bits = 0;
    bool padding = false;
    for (const char c : text) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            continue;
        }
        if (c == '=') {
            padding = true;
            continue;
        }
        const int value = base64Value(c);
        if (value < 0 || padding) {
            return std::nullopt;
        }
        buffer = (buffer << 6) | static_cast<unsigned int>(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
        }
    }
    return out;
}

std::optional<std::string> secretValue(const Model::Secret &secret, std::string_view key)
{
    if (secret.stringData) {
        if (const std::string *value = secret.stringData->find(key)) {
            return *value;
        }
    }
    if (secret.data) {
        if (const std::string *value = secret.data->find(key)) {
            return decodeBase64(*value);
        }
    }
    return std::nullopt;
}

std::string tlsKeyPairProblem(const Model::Secret &secret)
{
    const std::optional<std::string> certificate = secretValue(secret, "tls.crt");
    const std::optional<std::string> key = secretValue(secret, "tls.key");
    if (!certificate || certificate->empty()) {
        return "it has no tls.crt";
    }
    if (!key || key->empty()) {
        return "it has no tls.key";
    }
    X509Ptr first;
    const int count = countCertificates(*certificate, &first);
    if (count <= 0) {
        return "its tls.crt is not a PEM-encoded certificate";
    }
    BioPtr keyBio = memoryBio(*key);
    KeyPtr privateKey(keyBio ? PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr)
                             : nullptr);
    ERR_clear_error();
    if (!privateKey) {
        return "its tls.key is not a PEM-encoded private key";
    }
    if (X509_check_private_key(first.get(), privateKey.get()) != 1) {
        ERR_clear_error();
        return "its tls.key does not belong to the certificate in tls.crt";
    }
    return {};
}

std::string caBundleProblem(std::string_view pem)
{
    if (pem.empty()) {
        return "it is empty";
    }
    const int count = countCertificates(pem, nullptr);
    if (count <= 0) {
        return "it is not a PEM-encoded certificate bundle";
    }
    return {};
}

} // namespace Torii::Controller::Internal
