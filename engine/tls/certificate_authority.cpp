#include "certificate_authority.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <stdexcept>

namespace Torii::Tls {

namespace {

struct KeyDeleter
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct CertDeleter
{
    void operator()(X509 *cert) const { X509_free(cert); }
};
struct BioDeleter
{
    void operator()(BIO *bio) const { BIO_free(bio); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, KeyDeleter>;
using CertPtr = std::unique_ptr<X509, CertDeleter>;
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

[[noreturn]] void fail(const char *what)
{
    throw std::runtime_error(std::string("OpenSSL: ") + what);
}

KeyPtr newRsaKey()
{
    KeyPtr key(EVP_RSA_gen(2048));
    if (!key) {
        fail("RSA key generation failed");
    }
    return key;
}

void addExtension(X509 *cert, X509 *issuer, int nid, const std::string &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
    if (ext == nullptr) {
        fail("bad certificate extension");
    }
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
}

// The certificate for `key`, signed by `signingKey`; `issuer` null means self-signed.
CertPtr makeCertificate(EVP_PKEY *key, const std::string &commonName, X509 *issuer,
                        EVP_PKEY *signingKey, bool isCa, const SubjectAltNames &altNames,
                        CertificateUse use)
{
    CertPtr cert(X509_new());
    if (!cert) {
        fail("X509_new failed");
    }
    X509_set_version(cert.get(), 2); // v3
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1) {
        fail("no random serial");
    }
    serial[0] &= 0x7f; // positive
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    // Valid from an hour ago (clock skew) for a year: a run lasts minutes.
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 365L * 24 * 3600);
    X509_set_pubkey(cert.get(), key);
    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>("Torii"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(commonName.c_str()), -1, -1,
                               0);
    X509 *issuerCert = issuer != nullptr ? issuer : cert.get();
    X509_set_issuer_name(cert.get(), X509_get_subject_name(issuerCert));
    addExtension(cert.get(), issuerCert, NID_basic_constraints,
                 isCa ? "critical,CA:TRUE" : "critical,CA:FALSE");
    addExtension(cert.get(), issuerCert, NID_key_usage,
                 isCa ? "critical,keyCertSign,cRLSign"
                      : "critical,digitalSignature,keyEncipherment");
    if (!isCa) {
        addExtension(cert.get(), issuerCert, NID_ext_key_usage,
                     use == CertificateUse::Client ? "clientAuth" : "serverAuth");
    }
    addExtension(cert.get(), issuerCert, NID_subject_key_identifier, "hash");
    if (issuer != nullptr) {
        addExtension(cert.get(), issuerCert, NID_authority_key_identifier, "keyid:always");
    }
    if (!altNames.empty()) {
        std::string joined;
        for (const std::string &san : altNames) {
            joined += (joined.empty() ? "" : ",") + san;
        }
        addExtension(cert.get(), issuerCert, NID_subject_alt_name, joined);
    }
    if (X509_sign(cert.get(), signingKey, EVP_sha256()) == 0) {
        fail("signing failed");
    }
    return cert;
}

std::string bioText(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return std::string(data, static_cast<std::size_t>(size));
}

PemPair toPem(X509 *cert, EVP_PKEY *key)
{
    BioPtr certBio(BIO_new(BIO_s_mem()));
    BioPtr keyBio(BIO_new(BIO_s_mem()));
    if (!certBio || !keyBio || PEM_write_bio_X509(certBio.get(), cert) != 1 ||
        PEM_write_bio_PrivateKey(keyBio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        fail("PEM encoding failed");
    }
    return PemPair{bioText(certBio.get()), bioText(keyBio.get())};
}

} // namespace

struct CertificateAuthority::Keys
{
    KeyPtr key;
    CertPtr cert;
};

CertificateAuthority::CertificateAuthority()
    : m_keys(std::make_unique<Keys>())
{}
CertificateAuthority::~CertificateAuthority() = default;

std::shared_ptr<const CertificateAuthority>
CertificateAuthority::create(const std::string &commonName)
{
    std::shared_ptr<CertificateAuthority> ca(new CertificateAuthority());
    ca->m_keys->key = newRsaKey();
    ca->m_keys->cert = makeCertificate(ca->m_keys->key.get(), commonName, nullptr,
                                       ca->m_keys->key.get(), true, {}, CertificateUse::Server);
    ca->m_pem = toPem(ca->m_keys->cert.get(), ca->m_keys->key.get());
    return ca;
}

std::shared_ptr<const CertificateAuthority> CertificateAuthority::fromPem(const PemPair &pem,
                                                                          std::string *error)
{
    auto failWith = [&](const char *why) -> std::shared_ptr<const CertificateAuthority> {
        if (error) {
            *error = why;
        }
        return nullptr;
    };
    BioPtr certBio(
        BIO_new_mem_buf(pem.certificate.data(), static_cast<int>(pem.certificate.size())));
    BioPtr keyBio(BIO_new_mem_buf(pem.privateKey.data(), static_cast<int>(pem.privateKey.size())));
    if (!certBio || !keyBio) {
        return failWith("out of memory");
    }
    CertPtr cert(PEM_read_bio_X509(certBio.get(), nullptr, nullptr, nullptr));
    if (!cert) {
        return failWith("the CA certificate is not a PEM certificate");
    }
    KeyPtr key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
    if (!key) {
        return failWith("the CA key is not a PEM private key");
    }
    if (X509_check_private_key(cert.get(), key.get()) != 1) {
        return failWith("the CA key does not belong to the CA certificate");
    }
    if (X509_check_ca(cert.get()) == 0) {
        return failWith("the certificate is not a CA certificate");
    }
    std::shared_ptr<CertificateAuthority> ca(new CertificateAuthority());
    ca->m_keys->key = std::move(key);
    ca->m_keys->cert = std::move(cert);
    ca->m_pem = pem;
    return ca;
}

PemPair CertificateAuthority::issue(const std::string &commonName, const SubjectAltNames &altNames,
                                    CertificateUse use) const
{
    KeyPtr key = newRsaKey();
    CertPtr cert = makeCertificate(key.get(), commonName, m_keys->cert.get(), m_keys->key.get(),
                                   false, altNames, use);
    return toPem(cert.get(), key.get());
}

PemPair selfSignedCertificate(const std::string &commonName, const SubjectAltNames &altNames)
{
    KeyPtr key = newRsaKey();
    CertPtr cert = makeCertificate(key.get(), commonName, nullptr, key.get(), false, altNames,
                                   CertificateUse::Server);
    return toPem(cert.get(), key.get());
}

} // namespace Torii::Tls
