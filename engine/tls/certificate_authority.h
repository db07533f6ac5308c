#pragma once

// RSA-2048 certificates made in memory with OpenSSL: the one mechanism behind the certificates
// the conformance setup creates before its tests (simulator/scenarios, SETUP.md) and the
// development CA that fills HTTPS listeners without a usable certificate (development_ca.h).
// Nothing is written to disk here; every call makes fresh keys.
//
// Thread: a CertificateAuthority is immutable after creation and may be shared; issuing touches
// only OpenSSL's thread-safe primitives.

#include <memory>
#include <string>
#include <vector>

namespace Torii::Tls {

struct PemPair
{
    std::string certificate; // "-----BEGIN CERTIFICATE-----…"
    std::string privateKey;  // PKCS#8 "-----BEGIN PRIVATE KEY-----…"
};

// Subject alternative names as OpenSSL writes them: "DNS:abc.example.com", "URI:spiffe://…".
using SubjectAltNames = std::vector<std::string>;

enum class CertificateUse { Server, Client };

class CertificateAuthority
{
public:
    // A self-signed CA certificate (basicConstraints CA:TRUE) with a fresh key.
    // Throws std::runtime_error when OpenSSL fails.
    static std::shared_ptr<const CertificateAuthority> create(const std::string &commonName);
    // An existing CA from its PEM certificate and key; null with an English `error` when they
    // do not parse, do not belong together, or the certificate is not a CA.
    static std::shared_ptr<const CertificateAuthority> fromPem(const PemPair &pem,
                                                               std::string *error);
    ~CertificateAuthority();

    const PemPair &pem() const { return m_pem; }
    // A leaf certificate signed by this CA. Throws std::runtime_error when OpenSSL fails.
    PemPair issue(const std::string &commonName, const SubjectAltNames &altNames,
                  CertificateUse use) const;

    struct Keys; // OpenSSL objects, private to the .cpp

private:
    CertificateAuthority();
    PemPair m_pem;
    std::unique_ptr<Keys> m_keys;
};

// A self-signed leaf certificate (its own issuer, CA:FALSE). Throws std::runtime_error when
// OpenSSL fails.
PemPair selfSignedCertificate(const std::string &commonName, const SubjectAltNames &altNames);

} // namespace Torii::Tls
