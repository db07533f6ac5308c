#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

// IP address text as Go's net/netip reads it. The Kubernetes CEL library (engine/validation/cel)
// and the schema's ipv4/ipv6 formats (engine/validation) both need it, and so will the proxy's
// loopback checks: one parser for all.
namespace Torii::Core {

struct IpAddress
{
    std::array<std::uint8_t, 16> bytes{}; // IPv4 uses the first 4
    int family = 4;                       // 4 or 6
};

// The Kubernetes CEL ip() parser: Go's netip.ParseAddr (no leading zeros in IPv4 octets),
// then zones and IPv4-mapped IPv6 addresses are refused.
bool parseIp(std::string_view text, IpAddress *out, std::string *error);

// The Kubernetes CEL cidr() parser: Go's netip.ParsePrefix with the same refusals. Host bits
// may be set (cidr('10.0.0.1/8') is valid; masked() clears them).
bool parseCidr(std::string_view text, IpAddress *address, int *prefixLength, std::string *error);

// Go's netip.Addr.String(): dotted quad, or RFC 5952 IPv6 text.
std::string formatIp(const std::uint8_t *bytes, int family);

// Clears the bits after prefixLength.
void maskAddress(std::uint8_t *bytes, int family, int prefixLength);

bool ipIsUnspecified(const std::uint8_t *bytes, int family);
bool ipIsLoopback(const std::uint8_t *bytes, int family);
bool ipIsLinkLocalMulticast(const std::uint8_t *bytes, int family);
bool ipIsLinkLocalUnicast(const std::uint8_t *bytes, int family);
bool ipIsGlobalUnicast(const std::uint8_t *bytes, int family);

} // namespace Torii::Core
