//! A cheap look at TOML text before it is parsed, to refuse shapes no
//! document of this crate has and that would cost the parser far more than
//! the text's size: arrays and tables nested hundreds deep (`x = [[[[...`) and
//! keys of thousands of dotted parts (`a.a.a.a...`). The TOML parser turns
//! every bracket and dot into a token and an event before it looks at the
//! structure, so 8 MiB of either costs it hundreds of megabytes; this scan
//! reads the text once, allocates nothing, and stops at the first excess.

/// How deep arrays and inline tables may nest, the crate's default. The
/// deepest document of this crate nests three; the bound leaves room for
/// documents of later versions.
pub(crate) const MAX_DEPTH: usize = 32;

/// How many dotted parts one key may have, the crate's default. The longest
/// table header of this crate's documents has five parts
/// (`[[proposition.experience.journeys.stages.touch_points]]`).
pub(crate) const MAX_KEY_PARTS: usize = 32;

/// What the scan found that is too much.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Excess {
    /// Arrays and inline tables nested more than [`MAX_DEPTH`] deep.
    Depth,
    /// A key of more than [`MAX_KEY_PARTS`] dotted parts.
    KeyParts,
    /// More tokens than the budget allows.
    Tokens,
}

/// The first excess in `text`, with its byte offset, if any.
///
/// The scan knows TOML's strings and comments, so brackets and dots inside
/// them do not count. It does not check the syntax: text it lets through may
/// still be refused by the parser.
///
/// Tokens are counted as the TOML parser counts them, closely enough for a
/// budget: every bracket, brace, comma, equals sign, dot and line break is
/// one, and so is every run of spaces, every bare word or number, every
/// string and every comment.
pub(crate) fn scan(text: &str, max_tokens: usize) -> Option<(Excess, usize)> {
    let bytes = text.as_bytes();
    let mut tokens = 0usize;
    // The class of the previous byte: runs of one class are one token.
    let mut run = Run::Other;
    // What each open bracket is: an inline table (`{`) or an array or header (`[`).
    let mut open = [0u8; MAX_DEPTH];
    let mut depth = 0usize;
    let mut in_key = true;
    let mut parts = 1usize;
    let mut i = 0usize;
    while let Some(&byte) = bytes.get(i) {
        let class = Run::of(byte);
        if class == Run::Other || class != run {
            tokens += 1;
            if tokens > max_tokens {
                return Some((Excess::Tokens, i));
            }
        }
        run = class;
        match byte {
            b'#' => i = skip_line(bytes, i),
            b'"' | b'\'' => i = skip_string(bytes, i),
            b'[' | b'{' => {
                if depth == MAX_DEPTH {
                    return Some((Excess::Depth, i));
                }
                if let Some(slot) = open.get_mut(depth) {
                    *slot = byte;
                }
                // A `[` (or `[[`) that opens a line is a table header, which
                // holds a key; an inline table starts with one.
                let header = in_key
                    && (depth == 0 || (depth == 1 && i > 0 && bytes.get(i - 1) == Some(&b'[')));
                in_key = byte == b'{' || header;
                parts = 1;
                depth += 1;
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'=' => in_key = false,
            b',' => {
                in_key = depth
                    .checked_sub(1)
                    .and_then(|top| open.get(top))
                    .is_some_and(|&b| b == b'{');
                parts = 1;
            }
            b'\n' if depth == 0 => {
                in_key = true;
                parts = 1;
            }
            b'.' if in_key => {
                parts += 1;
                if parts > MAX_KEY_PARTS {
                    return Some((Excess::KeyParts, i));
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// What a byte is to the count of tokens: part of a run of spaces, part of a
/// bare word or number, or a token of its own (punctuation, a line break, and
/// the first byte of a string or comment, which the scan then skips).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Run {
    Space,
    Word,
    Other,
}

impl Run {
    fn of(byte: u8) -> Run {
        match byte {
            b' ' | b'\t' => Run::Space,
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'-' | b'+' | b':' => Run::Word,
            _ => Run::Other,
        }
    }
}

/// The offset of the line break that ends the comment at `start`.
fn skip_line(bytes: &[u8], start: usize) -> usize {
    bytes
        .get(start..)
        .and_then(|rest| rest.iter().position(|&b| b == b'\n'))
        .map_or(bytes.len(), |n| start + n - 1)
}

/// The offset of the last byte of the string that opens at `start`: basic
/// (`"`, with escapes) or literal (`'`), on one line or, tripled, on many.
fn skip_string(bytes: &[u8], start: usize) -> usize {
    let quote = bytes.get(start).copied().unwrap_or(b'"');
    let escapes = quote == b'"';
    let tripled = bytes.get(start + 1) == Some(&quote) && bytes.get(start + 2) == Some(&quote);
    let mut i = if tripled { start + 3 } else { start + 1 };
    while let Some(&byte) = bytes.get(i) {
        if escapes && byte == b'\\' {
            i += 2;
            continue;
        }
        if byte == quote {
            if !tripled {
                return i;
            }
            if bytes.get(i + 1) == Some(&quote) && bytes.get(i + 2) == Some(&quote) {
                // A tripled string may end in up to two more quotes of its own.
                let mut end = i + 2;
                while bytes.get(end + 1) == Some(&quote) && end < i + 4 {
                    end += 1;
                }
                return end;
            }
        }
        if byte == b'\n' && !tripled {
            // An unterminated string: the parser will say so. The line break
            // is left for the scan.
            return i - 1;
        }
        i += 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_counted_as_the_parser_counts_them() {
        // `key`, ` `, `=`, ` `, `"v"`, line break; `[`, `t`, `]`, line break.
        assert_eq!(scan("key = \"v\"\n[t]\n", 9), Some((Excess::Tokens, 13)));
        assert_eq!(scan("key = \"v\"\n[t]\n", 10), None);
        // A comment is one token, and so is a string with brackets in it.
        assert_eq!(scan("# [[[ ]]]\n", 2), None);
        assert_eq!(scan(&",".repeat(1_000), 999), Some((Excess::Tokens, 999)));
    }

    #[test]
    fn real_documents_pass() {
        for text in [
            include_str!("../../examples/data/harbour_bank_canvas.toml"),
            include_str!("../../examples/data/team_round_2026.toml"),
            include_str!("../../examples/data/harbour_bank_culture.toml"),
            include_str!("../../data/customer_strategy_maturity.toml"),
        ] {
            assert_eq!(scan(text, usize::MAX), None);
        }
    }

    #[test]
    fn deep_nesting_is_found_early() {
        let text = "x = ".to_owned() + &"[".repeat(100_000);
        assert_eq!(
            scan(&text, usize::MAX),
            Some((Excess::Depth, 4 + MAX_DEPTH))
        );
        let inline = "x = ".to_owned() + &"{ a = ".repeat(40);
        assert!(matches!(
            scan(&inline, usize::MAX),
            Some((Excess::Depth, _))
        ));
        // As deep as allowed is fine.
        let ok = format!("x = {}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert_eq!(scan(&ok, usize::MAX), None);
    }

    #[test]
    fn long_dotted_keys_are_found() {
        let key = vec!["a"; 40].join(".");
        assert!(matches!(
            scan(&format!("{key} = 1"), usize::MAX),
            Some((Excess::KeyParts, _))
        ));
        assert!(matches!(
            scan(&format!("[{key}]"), usize::MAX),
            Some((Excess::KeyParts, _))
        ));
        assert!(matches!(
            scan(&format!("x = {{ {key} = 1 }}"), usize::MAX),
            Some((Excess::KeyParts, _))
        ));
        // Dots in values, strings and comments are not key parts.
        let values = format!("x = [{}]\n", vec!["1.5"; 100].join(", "));
        assert_eq!(scan(&values, usize::MAX), None);
        let strings = format!(
            "x = \"{dots}\"\ny = '{dots}'\nz = \"\"\"\n{dots}\n\"\"\"\n# {dots}\n",
            dots = ".".repeat(100)
        );
        assert_eq!(scan(&strings, usize::MAX), None);
    }

    #[test]
    fn brackets_in_strings_and_comments_do_not_count() {
        let text = format!(
            "a = \"{b}\"\nb = '''{b}'''\nc = \"\\\"{b}\"\n# {b}\n",
            b = "[".repeat(100)
        );
        assert_eq!(scan(&text, usize::MAX), None);
    }
}
