#pragma once

// The development CA: the one certificate authority `toriictl serve --dev-ca` (and later the
// studio) uses to fill HTTPS listeners that have no usable certificate. It is created on first
// use and kept in the workspace's settings folder, <workspace root>/.torii/dev-ca/ (ca.crt, and
// ca.key with mode 0600 in a 0700 folder), so that a user trusts it once and every later run
// reuses it. The folder belongs to the local workspace and never goes into an export.
//
// Thread: immutable after open(); issuing may run on any thread.

#include "certificate_authority.h"

#include "engine/core/catalog.h"

#include <memory>
#include <string>
#include <vector>

namespace Torii::Tls {

class DevelopmentCa
{
public:
    // <workspaceRoot>/.torii/dev-ca
    static std::string directoryFor(const std::string &workspaceRoot);

    // Reads the CA kept in `directory`, or creates it there when neither file exists. Null with
    // `error` when the files cannot be read, written or parsed, or only one of them exists
    // (never overwritten: the user may trust that certificate already).
    static std::shared_ptr<const DevelopmentCa> open(const std::string &directory,
                                                     Core::Text *error);

    const std::string &certificatePath() const { return m_certificatePath; }
    const std::string &keyPath() const { return m_keyPath; }
    bool createdNow() const { return m_createdNow; } // false: reused from an earlier run
    const CertificateAuthority &authority() const { return *m_authority; }

    // A server certificate for these listener hostnames (exact or "*.suffix"; "" or "*" stand
    // for any host and become "localhost"), with every name as a DNS SAN plus IP 127.0.0.1.
    // The leaf comes first in `certificate`, then the CA. Throws std::runtime_error when OpenSSL
    // fails.
    PemPair issueFor(const std::vector<std::string> &hostnames) const;

private:
    std::string m_certificatePath;
    std::string m_keyPath;
    bool m_createdNow = false;
    std::shared_ptr<const CertificateAuthority> m_authority;
};

} // namespace Torii::Tls
