//! The changes between two revisions of a canvas as a single-file HTML page.

use std::fmt::Write as _;

use super::escape::Markup;
use crate::canvas::{Block, CanvasDiff};

/// A value as it reads in the page.
fn shown(value: &serde_json::Value) -> String {
    crate::canvas::described(value, 160)
}

pub(super) fn html(diff: &CanvasDiff, title: &str) -> String {
    let h = |text: &str| Markup::Html.text(text);
    let mut out = String::with_capacity(16 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'\">\n",
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    // Writing to a String cannot fail.
    let _ = writeln!(out, "<title>{}</title>", h(title));
    let _ = writeln!(
        out,
        "<style>{}\n.material {{ color: #B91C1C; font-weight: 600; }}\ncode {{ font-size: 0.9em; }}</style>\n</head>\n<body>\n<main>",
        super::report::CSS
    );
    let material = diff.changes().iter().filter(|c| c.material).count();
    let _ = writeln!(
        out,
        "<header class=\"cover\">\n<h1>{}</h1>\n<p>{} change(s), {material} of them material{}</p>\n</header>",
        h(title),
        diff.len(),
        if material > 0 {
            ": the strategy needs signing again"
        } else {
            ""
        }
    );
    if diff.is_empty() {
        out.push_str("<section>\n<p>Nothing changed.</p>\n</section>\n");
    }
    for summary in diff.summary() {
        let name = summary.block.map_or("Metadata", Block::title);
        let _ = writeln!(
            out,
            "<section>\n<h2>{}</h2>\n<p>{} added, {} removed, {} changed</p>\n<table>\n<thead><tr><th>change</th><th>where</th><th>before</th><th>after</th></tr></thead>\n<tbody>",
            h(name),
            summary.added,
            summary.removed,
            summary.changed
        );
        for change in diff.changes().iter().filter(|c| c.block == summary.block) {
            let kind = if change.material {
                format!(
                    "<span class=\"material\">{} (material)</span>",
                    change.kind.as_str()
                )
            } else {
                change.kind.as_str().to_owned()
            };
            let cell = |v: &Option<serde_json::Value>| {
                v.as_ref().map_or_else(String::new, |v| h(&shown(v)))
            };
            let _ = writeln!(
                out,
                "<tr><td>{kind}</td><td><code>{}</code></td><td>{}</td><td>{}</td></tr>",
                h(&change.path),
                cell(&change.old),
                cell(&change.new)
            );
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}
