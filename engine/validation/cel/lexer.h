#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace Torii::Validation::Cel::Internal {

enum class TokenKind : std::uint8_t {
    End,
    Invalid, // a lexical error; Token::string holds the message
    Identifier,
    Int,
    Uint,
    Double,
    String,
    Bytes,
    True,
    False,
    Null,
    In,
    Reserved, // a CEL reserved word (namespace, return, ...): never a valid identifier
    Question,
    Colon,
    OrOr,
    AndAnd,
    Equal,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Bang,
    Dot,
    LeftBracket,
    RightBracket,
    LeftParen,
    RightParen,
    LeftBrace,
    RightBrace,
    Comma,
};

struct Token
{
    TokenKind kind = TokenKind::End;
    std::uint32_t offset = 0;
    std::string_view text;     // the token's source text
    std::uint64_t integer = 0; // Int and Uint magnitude; an Int may be 2^63 (valid after '-')
    double floating = 0.0;
    std::string string; // decoded String literal; message of an Invalid token
};

// Splits CEL source into tokens, following the lexical grammar of the CEL spec (langdef.md).
class Lexer
{
public:
    explicit Lexer(std::string_view source)
        : m_source(source)
    {}

    Token next();

    // 1-based line and column of a byte offset, for error messages.
    void position(std::uint32_t offset, int *line, int *column) const;

private:
    Token lexNumber(std::size_t start);
    Token lexString(std::size_t start, std::size_t quoteAt, bool raw, bool bytes);
    Token invalid(std::size_t start, std::string message) const;

    std::string_view m_source;
    std::size_t m_pos = 0;
};

} // namespace Torii::Validation::Cel::Internal
