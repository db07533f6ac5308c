#include "lexer.h"

#include <array>
#include <charconv>
#include <limits>

namespace Torii::Validation::Cel::Internal {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isHexDigit(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int hexValue(char c)
{
    if (isDigit(c)) {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return c - 'A' + 10;
}

bool isIdentStart(char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isIdentChar(char c)
{
    return isIdentStart(c) || isDigit(c);
}

void appendUtf8(std::string &out, std::uint32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Words the CEL grammar reserves; the Kubernetes schema escaping (__namespace__) exists because
// of them. true/false/null/in are tokens of their own.
constexpr std::array<std::string_view, 17> kReserved = {
    "as",  "break", "const",   "continue",  "else",   "for", "function", "if",    "import",
    "let", "loop",  "package", "namespace", "return", "var", "void",     "while",
};

} // namespace

void Lexer::position(std::uint32_t offset, int *line, int *column) const
{
    *line = 1;
    *column = 1;
    for (std::size_t i = 0; i < offset && i < m_source.size(); ++i) {
        if (m_source[i] == '\n') {
            ++*line;
            *column = 1;
        } else if ((static_cast<unsigned char>(m_source[i]) & 0xC0) != 0x80) {
            ++*column; // columns count code points, as cel-go reports them
        }
    }
}

Token Lexer::invalid(std::size_t start, std::string message) const
{
    Token t;
    t.kind = TokenKind::Invalid;
    t.offset = static_cast<std::uint32_t>(start);
    t.string = std::move(message);
    return t;
}

Token Lexer::next()
{
    const std::string_view s = m_source;
    // Whitespace and // comments.
    while (m_pos < s.size()) {
        const char c = s[m_pos];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            ++m_pos;
        } else if (c == '/' && m_pos + 1 < s.size() && s[m_pos + 1] == '/') {
            while (m_pos < s.size() && s[m_pos] != '\n') {
                ++m_pos;
            }
        } else {
            break;
        }
    }
    Token t;
    t.offset = static_cast<std::uint32_t>(m_pos);
    if (m_pos >= s.size()) {
        t.kind = TokenKind::End;
        return t;
    }
    const std::size_t start = m_pos;
    const char c = s[m_pos];
    const char n = m_pos + 1 < s.size() ? s[m_pos + 1] : '\0';

    if (isDigit(c) || (c == '.' && isDigit(n))) {
        return lexNumber(start);
    }
    if (c == '"' || c == '\'') {
        return lexString(start, start, false, false);
    }
    if (isIdentStart(c)) {
        // String prefixes: r, b, rb, br in any case, directly followed by a quote.
        std::size_t p = m_pos;
        bool raw = false;
        bool bytes = false;
        for (int i = 0; i < 2 && p < s.size(); ++i) {
            const char x = s[p];
            if ((x == 'r' || x == 'R') && !raw) {
                raw = true;
                ++p;
            } else if ((x == 'b' || x == 'B') && !bytes) {
                bytes = true;
                ++p;
            } else {
                break;
            }
            if (p < s.size() && (s[p] == '"' || s[p] == '\'')) {
                return lexString(start, p, raw, bytes);
            }
        }
        while (m_pos < s.size() && isIdentChar(s[m_pos])) {
            ++m_pos;
        }
        t.text = s.substr(start, m_pos - start);
        if (t.text == "true") {
            t.kind = TokenKind::True;
        } else if (t.text == "false") {
            t.kind = TokenKind::False;
        } else if (t.text == "null") {
            t.kind = TokenKind::Null;
        } else if (t.text == "in") {
            t.kind = TokenKind::In;
        } else {
            t.kind = TokenKind::Identifier;
            for (std::string_view word : kReserved) {
                if (t.text == word) {
                    t.kind = TokenKind::Reserved;
                    break;
                }
            }
        }
        return t;
    }

    auto punct = [&](TokenKind kind, std::size_t length) {
        t.kind = kind;
        t.text = s.substr(start, length);
        m_pos += length;
        return t;
    };
    switch (c) {
    case '?':
        return punct(TokenKind::Question, 1);
    case ':':
        return punct(TokenKind::Colon, 1);
    case '|':
        if (n == '|') {
            return punct(TokenKind::OrOr, 2);
        }
        break;
    case '&':
        if (n == '&') {
            return punct(TokenKind::AndAnd, 2);
        }
        break;
    case '=':
        if (n == '=') {
            return punct(TokenKind::Equal, 2);
        }
        break;
    case '!':
        return n == '=' ? punct(TokenKind::NotEqual, 2) : punct(TokenKind::Bang, 1);
    case '<':
        return n == '=' ? punct(TokenKind::LessEqual, 2) : punct(TokenKind::Less, 1);
    case '>':
        return n == '=' ? punct(TokenKind::GreaterEqual, 2) : punct(TokenKind::Greater, 1);
    case '+':
        return punct(TokenKind::Plus, 1);
    case '-':
        return punct(TokenKind::Minus, 1);
    case '*':
        return punct(TokenKind::Star, 1);
    case '/':
        return punct(TokenKind::Slash, 1);
    case '%':
        return punct(TokenKind::Percent, 1);
    case '.':
        return punct(TokenKind::Dot, 1);
    case '[':
        return punct(TokenKind::LeftBracket, 1);
    case ']':
        return punct(TokenKind::RightBracket, 1);
    case '(':
        return punct(TokenKind::LeftParen, 1);
    case ')':
        return punct(TokenKind::RightParen, 1);
    case '{':
        return punct(TokenKind::LeftBrace, 1);
    case '}':
        return punct(TokenKind::RightBrace, 1);
    case ',':
        return punct(TokenKind::Comma, 1);
    default:
        break;
    }
    std::string shown;
    if (static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7f) {
        shown = std::string("'") + c + "'";
    } else {
        static const char *hex = "0123456789abcdef";
        shown = std::string("0x") + hex[(static_cast<unsigned char>(c) >> 4) & 0xf] +
                hex[static_cast<unsigned char>(c) & 0xf];
    }
    return invalid(start, "token recognition error at: " + shown);
}

Token Lexer::lexNumber(std::size_t start)
{
    const std::string_view s = m_source;
    Token t;
    t.offset = static_cast<std::uint32_t>(start);
    std::size_t p = start;
    // Hexadecimal integers.
    if (s[p] == '0' && p + 1 < s.size() && (s[p + 1] == 'x' || s[p + 1] == 'X')) {
        p += 2;
        const std::size_t digits = p;
        std::uint64_t value = 0;
        bool overflow = false;
        while (p < s.size() && isHexDigit(s[p])) {
            if (value > (std::numeric_limits<std::uint64_t>::max() >> 4)) {
                overflow = true;
            }
            value = (value << 4) | static_cast<std::uint64_t>(hexValue(s[p]));
            ++p;
        }
        if (p == digits) {
            m_pos = p;
            return invalid(start, "invalid hexadecimal literal");
        }
        t.kind = TokenKind::Int;
        if (p < s.size() && (s[p] == 'u' || s[p] == 'U')) {
            t.kind = TokenKind::Uint;
            ++p;
        }
        m_pos = p;
        t.text = s.substr(start, p - start);
        if (overflow) {
            return invalid(start, "integer literal out of range: " + std::string(t.text));
        }
        t.integer = value;
        return t;
    }
    while (p < s.size() && isDigit(s[p])) {
        ++p;
    }
    bool isFloat = false;
    if (p + 1 < s.size() && s[p] == '.' && isDigit(s[p + 1])) {
        isFloat = true;
        ++p;
        while (p < s.size() && isDigit(s[p])) {
            ++p;
        }
    }
    if (p < s.size() && (s[p] == 'e' || s[p] == 'E')) {
        std::size_t q = p + 1;
        if (q < s.size() && (s[q] == '+' || s[q] == '-')) {
            ++q;
        }
        if (q < s.size() && isDigit(s[q])) {
            isFloat = true;
            p = q;
            while (p < s.size() && isDigit(s[p])) {
                ++p;
            }
        }
    }
    t.text = s.substr(start, p - start);
    if (isFloat) {
        m_pos = p;
        t.kind = TokenKind::Double;
        std::string_view text = t.text;
        std::string withZero;
        if (text.front() == '.') {
            withZero = "0" + std::string(text); // from_chars wants a leading digit
            text = withZero;
        }
        const auto result = std::from_chars(text.data(), text.data() + text.size(), t.floating);
        if (result.ec == std::errc::result_out_of_range) {
            // Go's ParseFloat yields ±Inf / 0 here; CEL accepts the literal.
            t.floating = text.find_first_of("eE") != std::string_view::npos &&
                                 text.find("e-") == std::string_view::npos &&
                                 text.find("E-") == std::string_view::npos
                             ? std::numeric_limits<double>::infinity()
                             : 0.0;
        } else if (result.ec != std::errc()) {
            return invalid(start, "invalid double literal: " + std::string(t.text));
        }
        return t;
    }
    t.kind = TokenKind::Int;
    if (p < s.size() && (s[p] == 'u' || s[p] == 'U')) {
        t.kind = TokenKind::Uint;
        ++p;
    }
    m_pos = p;
    const std::string_view digits = s.substr(start, t.text.size());
    const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), t.integer);
    t.text = s.substr(start, p - start);
    if (result.ec != std::errc()) {
        return invalid(start, "integer literal out of range: " + std::string(t.text));
    }
    return t;
}

Token Lexer::lexString(std::size_t start, std::size_t quoteAt, bool raw, bool bytes)
{
    const std::string_view s = m_source;
    const char quote = s[quoteAt];
    const bool triple =
        quoteAt + 2 < s.size() && s[quoteAt + 1] == quote && s[quoteAt + 2] == quote;
    std::size_t p = quoteAt + (triple ? 3 : 1);
    Token t;
    t.offset = static_cast<std::uint32_t>(start);
    t.kind = bytes ? TokenKind::Bytes : TokenKind::String;
    std::string out;
    while (true) {
        if (p >= s.size()) {
            m_pos = p;
            return invalid(start, "unterminated string literal");
        }
        const char c = s[p];
        if (c == quote) {
            if (!triple) {
                ++p;
                break;
            }
            if (p + 2 < s.size() && s[p + 1] == quote && s[p + 2] == quote) {
                p += 3;
                break;
            }
            out += c;
            ++p;
            continue;
        }
        if (!triple && (c == '\n' || c == '\r')) {
            m_pos = p;
            return invalid(start, "newline in a single-quoted string literal");
        }
        if (c != '\\' || raw) {
            out += c;
            ++p;
            continue;
        }
        // Escape sequence.
        if (p + 1 >= s.size()) {
            m_pos = p + 1;
            return invalid(start, "unterminated string literal");
        }
        const char e = s[p + 1];
        p += 2;
        switch (e) {
        case 'a':
            out += '\a';
            break;
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'n':
            out += '\n';
            break;
        case 'r':
            out += '\r';
            break;
        case 't':
            out += '\t';
            break;
        case 'v':
            out += '\v';
            break;
        case '\\':
        case '\'':
        case '"':
        case '`':
        case '?':
            out += e;
            break;
        case 'x':
        case 'X':
        case 'u':
        case 'U': {
            const int count = (e == 'x' || e == 'X') ? 2 : (e == 'u' ? 4 : 8);
            std::uint32_t cp = 0;
            for (int i = 0; i < count; ++i) {
                if (p >= s.size() || !isHexDigit(s[p])) {
                    m_pos = p;
                    return invalid(start, "invalid escape sequence in string literal");
                }
                cp = (cp << 4) | static_cast<std::uint32_t>(hexValue(s[p]));
                ++p;
            }
            if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                m_pos = p;
                return invalid(start, "invalid unicode code point in string literal");
            }
            if (bytes && count == 2) {
                out += static_cast<char>(cp);
            } else {
                appendUtf8(out, cp);
            }
            break;
        }
        default:
            if (e >= '0' && e <= '3') {
                if (p + 1 < s.size() && s[p] >= '0' && s[p] <= '7' && s[p + 1] >= '0' &&
                    s[p + 1] <= '7') {
                    const std::uint32_t cp = static_cast<std::uint32_t>(
                        (e - '0') * 64 + (s[p] - '0') * 8 + (s[p + 1] - '0'));
                    p += 2;
                    if (bytes) {
                        out += static_cast<char>(cp);
                    } else {
                        appendUtf8(out, cp);
                    }
                    break;
                }
            }
            m_pos = p;
            return invalid(start, "invalid escape sequence in string literal");
        }
    }
    m_pos = p;
    t.text = s.substr(start, p - start);
    t.string = std::move(out);
    return t;
}

} // namespace Torii::Validation::Cel::Internal
