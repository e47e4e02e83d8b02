//! Escaping text that comes from documents for the context it lands in.
//!
//! Names, messages, evidence and steps come from documents a user wrote, so
//! any of them may hold `<script>`, `&`, quotes or Markdown punctuation. Every
//! such piece of text goes through one of these functions before it is written.

use std::fmt::Write as _;

/// Escapes text for XML or HTML, as element content or as a quoted attribute
/// value: `&`, `<`, `>`, `"` and `'` become character references. Control
/// characters that XML 1.0 does not allow are dropped.
pub(crate) fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for a line of Markdown: a paragraph, a list item, a heading or
/// a table cell.
///
/// `<`, `>` and `&` become character references (so no HTML tag or entity can
/// be formed, and no raw `<` survives); `\`, `` ` ``, `*`, `_`, `[`, `]`, `|`,
/// `~` and `#` (a heading, or the closing `#`s of one) are escaped with a
/// backslash, as are a leading `-`, `+` or `=` followed by a space (a list item or an underline),
/// and the `.` or `)` after leading digits followed by a space (a numbered
/// list). Line breaks become spaces, so the text cannot leave its line or cell.
pub(crate) fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut chars = text.chars().peekable();
    let mut at_start = true;
    let mut leading_digits = false;
    while let Some(c) = chars.next() {
        let first = at_start && !c.is_whitespace();
        if !c.is_whitespace() {
            at_start = false;
        }
        // Whether the next character ends a would-be block marker.
        let ends_marker = chars.peek().is_none_or(|n| n.is_whitespace());
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if first && ends_marker => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if leading_digits && ends_marker => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
        leading_digits = c.is_ascii_digit() && (first || leading_digits);
    }
    out
}

/// Text as inline code when it is made only of characters that are safe there
/// and in a table (letters, digits and `/ . _ - ~ :`), such as a rule code or a
/// JSON Pointer; otherwise escaped as ordinary text.
pub(crate) fn markdown_code(text: &str) -> String {
    let safe = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '_' | '-' | '~' | ':'));
    if safe {
        format!("`{text}`")
    } else {
        markdown(text)
    }
}

/// Percent-encodes a relative URL for a Markdown link or image: everything but
/// unreserved characters and `/` is encoded, so the URL cannot close the link
/// or carry markup.
pub(crate) fn url(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'/' | b'.' | b'_' | b'-' | b'~') {
            out.push(char::from(byte));
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escapes_the_five() {
        assert_eq!(
            xml(r#"<script>alert('x & "y"')</script>"#),
            "&lt;script&gt;alert(&#39;x &amp; &quot;y&quot;&#39;)&lt;/script&gt;"
        );
        assert_eq!(xml("a\u{0}b"), "ab");
    }

    #[test]
    fn markdown_leaves_no_markup() {
        assert_eq!(
            markdown("<script>a|b</script> *x* _y_ [l](u) `c` & ~z~"),
            "&lt;script&gt;a\\|b&lt;/script&gt; \\*x\\* \\_y\\_ \\[l\\](u) \\`c\\` &amp; \\~z\\~"
        );
        assert_eq!(markdown("# Title"), "\\# Title");
        assert_eq!(markdown("- item"), "\\- item");
        assert_eq!(markdown("12. point"), "12\\. point");
        assert_eq!(markdown("52.2"), "52.2");
        assert_eq!(markdown("+14.4"), "+14.4");
        assert_eq!(markdown("+ item"), "\\+ item");
        assert_eq!(markdown(" is 9%"), " is 9%");
        assert_eq!(markdown("v1.2"), "v1.2");
        assert_eq!(markdown("a\nb"), "a b");
    }

    #[test]
    fn code_only_for_safe_text() {
        assert_eq!(markdown_code("CANVAS-BLOCK-001"), "`CANVAS-BLOCK-001`");
        assert_eq!(markdown_code("/a/b~1c"), "`/a/b~1c`");
        assert_eq!(markdown_code("a`b"), "a\\`b");
        assert_eq!(markdown_code(""), "");
    }

    #[test]
    fn url_is_percent_encoded() {
        assert_eq!(url("charts/radar chart.svg"), "charts/radar%20chart.svg");
        assert_eq!(url("a)<b"), "a%29%3Cb");
    }
}
