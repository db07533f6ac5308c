#include "engine/http/http1_codec.h"

#include <algorithm>
#include <array>

namespace Torii::Http {

namespace {

std::string_view trimOws(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
        s.remove_suffix(1);
    }
    return s;
}

template<typename F>
void forEachToken(std::string_view value, F &&f)
{
    while (true) {
        const std::size_t comma = value.find(',');
        const std::string_view element = trimOws(value.substr(0, comma));
        if (!element.empty()) {
            f(element);
        }
        if (comma == std::string_view::npos) {
            return;
        }
        value.remove_prefix(comma + 1);
    }
}

} // namespace

const HeaderField *Headers::find(std::string_view name) const
{
    for (const HeaderField &field : fields) {
        if (equalsIgnoreCase(field.name, name)) {
            return &field;
        }
    }
    return nullptr;
}

std::vector<std::string> Headers::values(std::string_view name) const
{
    std::vector<std::string> result;
    for (const HeaderField &field : fields) {
        if (equalsIgnoreCase(field.name, name)) {
            result.push_back(field.value);
        }
    }
    return result;
}

std::optional<std::string> Headers::joined(std::string_view name) const
{
    std::optional<std::string> result;
    for (const HeaderField &field : fields) {
        if (!equalsIgnoreCase(field.name, name)) {
            continue;
        }
        if (result) {
            result->append(", ");
            result->append(field.value);
        } else {
            result = field.value;
        }
    }
    return result;
}

void Headers::add(std::string name, std::string value)
{
    fields.emplace_back(HeaderFieldFrom{std::move(name), std::move(value)});
}

void Headers::set(std::string name, std::string value)
{
    auto it = std::find_if(fields.begin(), fields.end(), [&](const HeaderField &field) {
        return equalsIgnoreCase(field.name, name);
    });
    if (it == fields.end()) {
        add(std::move(name), std::move(value));
        return;
    }
    // The first one takes the new name and value in place; the later ones go.
    const auto later = std::remove_if(it + 1, fields.end(), [&](const HeaderField &field) {
        return equalsIgnoreCase(field.name, name);
    });
    fields.erase(later, fields.end());
    it->name = std::move(name);
    it->value = std::move(value);
}

std::size_t Headers::remove(std::string_view name)
{
    const std::size_t before = fields.size();
    std::erase_if(fields, [&](const HeaderField &field) {
        return equalsIgnoreCase(field.name, name);
    });
    return before - fields.size();
}

bool Headers::hasToken(std::string_view name, std::string_view token) const
{
    bool found = false;
    for (const HeaderField &field : fields) {
        if (equalsIgnoreCase(field.name, name)) {
            forEachToken(field.value, [&](std::string_view element) {
                found = found || equalsIgnoreCase(element, token);
            });
        }
    }
    return found;
}

namespace {
// The fixed hop-by-hop names (RFC 9110 7.6.1, plus the legacy Keep-Alive and Proxy-Connection),
// told apart by length first: most names of a forwarded head are none of them.
bool isFixedHopByHop(std::string_view name)
{
    switch (name.size()) {
    case 2:
        return equalsIgnoreCase(name, "TE");
    case 7:
        return equalsIgnoreCase(name, "Trailer") || equalsIgnoreCase(name, "Upgrade");
    case 10:
        return equalsIgnoreCase(name, "Connection") || equalsIgnoreCase(name, "Keep-Alive");
    case 16:
        return equalsIgnoreCase(name, "Proxy-Connection");
    case 17:
        return equalsIgnoreCase(name, "Transfer-Encoding");
    default:
        return false;
    }
}
} // namespace

void removeHopByHop(Headers &headers)
{
    // Collect first (copies: the Connection fields themselves move while being removed), then
    // one pass over the fields; this runs on every forwarded head, so the usual few names
    // ("close"; "keep-alive" is a fixed one already) stay in short strings on the stack.
    std::array<std::string, 4> listed;
    std::size_t listedCount = 0;
    std::vector<std::string> moreListed;
    bool anyFixed = false;
    for (const HeaderField &field : headers.fields) {
        if (!isFixedHopByHop(field.name)) {
            continue;
        }
        anyFixed = true;
        if (!equalsIgnoreCase(field.name, "Connection")) {
            continue;
        }
        forEachToken(field.value, [&](std::string_view element) {
            if (isFixedHopByHop(element)) {
                return;
            }
            if (listedCount < listed.size()) {
                listed[listedCount++] = element;
            } else {
                moreListed.emplace_back(element);
            }
        });
    }
    if (!anyFixed) {
        return; // no Connection field, so nothing listed either: the common request
    }
    std::erase_if(headers.fields, [&](const HeaderField &field) {
        if (isFixedHopByHop(field.name)) {
            return true;
        }
        for (std::size_t i = 0; i < listedCount; ++i) {
            if (equalsIgnoreCase(field.name, listed[i])) {
                return true;
            }
        }
        for (const std::string &name : moreListed) {
            if (equalsIgnoreCase(field.name, name)) {
                return true;
            }
        }
        return false;
    });
}

} // namespace Torii::Http
