//! Escaping text that comes from documents for the context it lands in.
//!
//! Names, messages, evidence and steps come from documents a user wrote, so
//! any of them may hold `<script>`, `&`, quotes or Markdown punctuation. Every
//! such piece of text goes through one of these functions before it is written.

use std::fmt::Write as _;

/// The replacement for a character the output may not hold: U+FFFD
/// REPLACEMENT CHARACTER, which Unicode reserves for a character that cannot
/// be shown, and which XML and HTML both allow.
pub(crate) const REPLACEMENT: char = '\u{FFFD}';

/// The markup that escaped text lands in, which decides the characters that
/// may appear in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Markup {
    /// XML 1.0: a standalone SVG file.
    Xml,
    /// HTML5: the report, and the SVG charts inline in it.
    Html,
}

/// Whether XML 1.0 allows `c` at all, raw or as a character reference: its
/// `Char` production, `#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
/// [#x10000-#x10FFFF]`. Characters outside it (C0 controls, U+FFFE, U+FFFF)
/// cannot be written even as `&#xFFFE;`.
pub(crate) const fn allowed_in_xml(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..
    )
}

/// Whether HTML allows `c` in a document: what XML allows, less the controls
/// (U+007F to U+009F) and the noncharacters (U+FDD0 to U+FDEF, and the last
/// two code points of every plane), which are parse errors in HTML even though
/// XML 1.0 permits them.
pub(crate) const fn allowed_in_html(c: char) -> bool {
    allowed_in_xml(c)
        && !matches!(c, '\u{7F}'..='\u{9F}' | '\u{FDD0}'..='\u{FDEF}')
        && ((c as u32) & 0xFFFE) != 0xFFFE
}

impl Markup {
    /// Whether this markup allows `c`; see [`allowed_in_xml`] and [`allowed_in_html`].
    const fn allows(self, c: char) -> bool {
        match self {
            Markup::Xml => allowed_in_xml(c),
            Markup::Html => allowed_in_html(c),
        }
    }

    /// Escapes text for element content: `&`, `<`, `>`, `"` and `'` become
    /// character references, and every character the markup does not allow
    /// becomes [`REPLACEMENT`], so the text can neither form markup nor make
    /// the document ill-formed.
    ///
    /// A carriage return is written `&#13;` in XML, whose parsers would
    /// otherwise read it as a line feed; HTML parsers make every line break a
    /// line feed whatever is written (and `&#13;` is a parse error there), so
    /// it stays as it is.
    pub(crate) fn text(self, text: &str) -> String {
        self.escape(text, false)
    }

    /// Escapes text for a quoted attribute value, as [`text`](Markup::text)
    /// does, and also writes tabs and line feeds as `&#9;` and `&#10;`, which
    /// an XML parser would otherwise turn into spaces. (In HTML a carriage
    /// return stays as it is, as in [`text`](Markup::text).)
    pub(crate) fn attribute(self, text: &str) -> String {
        self.escape(text, true)
    }

    fn escape(self, text: &str, attribute: bool) -> String {
        let mut out = String::with_capacity(text.len() + text.len() / 8);
        for c in text.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&#39;"),
                '\r' if self == Markup::Xml => out.push_str("&#13;"),
                '\t' if attribute => out.push_str("&#9;"),
                '\n' if attribute => out.push_str("&#10;"),
                c if self.allows(c) => out.push(c),
                _ => out.push(REPLACEMENT),
            }
        }
        out
    }
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
        for markup in [Markup::Xml, Markup::Html] {
            assert_eq!(
                markup.text(r#"<script>alert('x & "y"')</script>"#),
                "&lt;script&gt;alert(&#39;x &amp; &quot;y&quot;&#39;)&lt;/script&gt;"
            );
        }
    }

    #[test]
    fn characters_xml_forbids_are_replaced() {
        for markup in [Markup::Xml, Markup::Html] {
            assert_eq!(markup.text("Q\u{FFFE}4"), "Q\u{FFFD}4");
            assert_eq!(
                markup.text("a\u{0}b\u{FFFF}\u{1B}\u{C}"),
                "a\u{FFFD}b\u{FFFD}\u{FFFD}\u{FFFD}"
            );
            // Astral characters and the ends of the allowed ranges survive.
            assert_eq!(
                markup.text("\u{D7FF}\u{E000}\u{FFFD}\u{1F600}"),
                "\u{D7FF}\u{E000}\u{FFFD}\u{1F600}"
            );
        }
    }

    #[test]
    fn html_also_replaces_controls_and_noncharacters() {
        let text = "\u{7F}\u{85}\u{9F}\u{FDD0}\u{FDEF}\u{1FFFE}\u{10FFFF}";
        // XML 1.0 allows them (some are discouraged), so a standalone SVG keeps them.
        assert_eq!(Markup::Xml.text(text), text);
        assert_eq!(Markup::Html.text(text), "\u{FFFD}".repeat(7));
        assert_eq!(
            Markup::Html.text("\u{A0}\u{FDCF}\u{FDF0}\u{FFFD}"),
            "\u{A0}\u{FDCF}\u{FDF0}\u{FFFD}"
        );
    }

    #[test]
    fn line_breaks_and_tabs_survive_where_they_land() {
        assert_eq!(Markup::Xml.text("a\tb\nc\r\nd"), "a\tb\nc&#13;\nd");
        assert_eq!(Markup::Xml.attribute("a\tb\nc\rd"), "a&#9;b&#10;c&#13;d");
        assert_eq!(Markup::Html.text("a\tb\nc\rd"), "a\tb\nc\rd");
        assert_eq!(Markup::Html.attribute("a\tb\nc\rd"), "a&#9;b&#10;c\rd");
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
