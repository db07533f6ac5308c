#include "development_ca.h"

#include "hostname_match.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace Torii::Tls {

namespace {

using Core::text;
namespace fs = std::filesystem;

bool readFile(const std::string &path, std::string *out)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return false;
    }
    std::ostringstream data;
    data << in.rdbuf();
    *out = data.str();
    return static_cast<bool>(in) || in.eof();
}

// Creates `path` (it must not exist) with `mode` and writes `data`: O_EXCL, so two runs starting
// at once cannot both write a CA and a key that do not belong together.
bool writeNewFile(const std::string &path, const std::string &data, mode_t mode, std::string *why)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) {
        *why = std::strerror(errno);
        return false;
    }
    std::size_t written = 0;
    while (written < data.size()) {
        const ssize_t n = ::write(fd, data.data() + written, data.size() - written);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            *why = std::strerror(errno);
            ::close(fd);
            return false;
        }
        written += static_cast<std::size_t>(n);
    }
    ::fchmod(fd, mode); // the umask may have narrowed or the file may be on a lax mount
    return ::close(fd) == 0 || (*why = std::strerror(errno), false);
}

} // namespace

std::string DevelopmentCa::directoryFor(const std::string &workspaceRoot)
{
    return (fs::path(workspaceRoot) / ".torii" / "dev-ca").string();
}

std::shared_ptr<const DevelopmentCa> DevelopmentCa::open(const std::string &directory,
                                                         Core::Text *error)
{
    auto failWith = [&](Core::Text why) -> std::shared_ptr<const DevelopmentCa> {
        if (error) {
            *error = std::move(why);
        }
        return nullptr;
    };
    auto ca = std::make_shared<DevelopmentCa>();
    ca->m_certificatePath = (fs::path(directory) / "ca.crt").string();
    ca->m_keyPath = (fs::path(directory) / "ca.key").string();
    std::error_code ec;
    const bool haveCert = fs::exists(ca->m_certificatePath, ec);
    const bool haveKey = fs::exists(ca->m_keyPath, ec);
    if (haveCert != haveKey) {
        return failWith(
            text(QT_TRANSLATE_NOOP("Diagnostics", "the development CA in %1 is incomplete (%2 is "
                                                  "missing); remove the folder to make a new one"),
                 {directory, haveCert ? ca->m_keyPath : ca->m_certificatePath}));
    }
    if (haveCert) {
        PemPair pem;
        if (!readFile(ca->m_certificatePath, &pem.certificate) ||
            !readFile(ca->m_keyPath, &pem.privateKey)) {
            return failWith(
                text(QT_TRANSLATE_NOOP("Diagnostics", "cannot read the development CA in %1"),
                     {directory}));
        }
        std::string why;
        ca->m_authority = CertificateAuthority::fromPem(pem, &why);
        if (!ca->m_authority) {
            return failWith(
                text(QT_TRANSLATE_NOOP("Diagnostics", "the development CA in %1 is unusable: %2"),
                     {directory, why}));
        }
        return ca;
    }

    fs::create_directories(directory, ec);
    if (ec) {
        return failWith(text(QT_TRANSLATE_NOOP("Diagnostics", "cannot create %1: %2"),
                             {directory, ec.message()}));
    }
    fs::permissions(directory, fs::perms::owner_all, fs::perm_options::replace, ec);
    try {
        ca->m_authority = CertificateAuthority::create("Torii development CA");
    } catch (const std::exception &e) {
        return failWith(text(QT_TRANSLATE_NOOP("Diagnostics", "cannot make the development CA: %1"),
                             {e.what()}));
    }
    std::string why;
    // The key first: a crash between the two writes leaves no certificate a user could trust
    // without its key.
    if (!writeNewFile(ca->m_keyPath, ca->m_authority->pem().privateKey, 0600, &why) ||
        !writeNewFile(ca->m_certificatePath, ca->m_authority->pem().certificate, 0644, &why)) {
        return failWith(
            text(QT_TRANSLATE_NOOP("Diagnostics", "cannot write the development CA to %1: %2"),
                 {directory, why}));
    }
    ca->m_createdNow = true;
    return ca;
}

PemPair DevelopmentCa::issueFor(const std::vector<std::string> &hostnames) const
{
    std::set<std::string> names;
    for (const std::string &hostname : hostnames) {
        const std::string name = normalizeHostname(hostname);
        names.insert(name.empty() || name == "*" ? std::string("localhost") : name);
    }
    if (names.empty()) {
        names.insert("localhost");
    }
    SubjectAltNames altNames;
    for (const std::string &name : names) {
        altNames.push_back("DNS:" + name);
    }
    altNames.push_back("IP:127.0.0.1");
    PemPair leaf = m_authority->issue(*names.begin(), altNames, CertificateUse::Server);
    leaf.certificate += m_authority->pem().certificate;
    return leaf;
}

} // namespace Torii::Tls
