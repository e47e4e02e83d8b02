//! A small SVG writer: elements, attributes and text, every value escaped in
//! one place, so that a chart is a function of its geometry.
//!
//! Tag and attribute names are the chart's own (`&'static str`); attribute
//! values and text may come from documents and are always escaped for the
//! markup the chart lands in. Numbers are written with one decimal, and a
//! number that is not finite is written as 0, so the output is deterministic
//! and always a valid number.

use crate::render::escape::Markup;
use crate::render::svg::{Embedding, FONT, INK, MUTED, num};

/// An attribute value: a number (one decimal) or text (escaped).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Value<'a> {
    Num(f64),
    Text(&'a str),
}

impl From<f64> for Value<'_> {
    fn from(value: f64) -> Self {
        Value::Num(value)
    }
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(value: &'a str) -> Self {
        Value::Text(value)
    }
}

impl<'a> From<&'a String> for Value<'a> {
    fn from(value: &'a String) -> Self {
        Value::Text(value)
    }
}

/// A number as the charts write it: one decimal, 0 when not finite.
pub(crate) fn coordinate(value: f64) -> String {
    num(if value.is_finite() { value } else { 0.0 })
}

/// An SVG document being written.
pub(crate) struct Svg {
    out: String,
    markup: Markup,
    embedding: Embedding,
}

impl Svg {
    /// Opens the `<svg>` element `width` by `height` with its title and
    /// description and a white background. Inline in a document, whose own
    /// heading names the chart, the view box starts at `inline_top`, below the
    /// heading [`heading`](Svg::heading) would have drawn.
    pub(crate) fn new(
        embedding: Embedding,
        (width, height): (f64, f64),
        inline_top: f64,
        title: &str,
        desc: &str,
    ) -> Svg {
        let mut svg = Svg {
            out: String::with_capacity(8 * 1024),
            markup: embedding.markup(),
            embedding,
        };
        let top = match embedding {
            Embedding::Standalone => 0.0,
            Embedding::Inline => inline_top,
        };
        let (w, h) = (width, height - top);
        let view_box = format!("0 {} {} {}", coordinate(top), coordinate(w), coordinate(h));
        let mut attributes: Vec<(&'static str, Value<'_>)> = Vec::with_capacity(8);
        if embedding == Embedding::Standalone {
            attributes.push(("xmlns", "http://www.w3.org/2000/svg".into()));
        }
        attributes.extend([
            ("viewBox", Value::Text(&view_box)),
            ("width", w.into()),
            ("height", h.into()),
            ("role", "img".into()),
            ("font-family", FONT.into()),
            ("font-size", "13".into()),
            ("fill", INK.into()),
        ]);
        svg.open("svg", &attributes);
        svg.text("title", &[], title);
        svg.text("desc", &[], desc);
        svg.empty(
            "rect",
            &[
                ("x", 0.0.into()),
                ("y", top.into()),
                ("width", w.into()),
                ("height", h.into()),
                ("fill", "#FFFFFF".into()),
            ],
        );
        svg
    }

    /// The visible heading and subtitle of a standalone chart; inline, the
    /// document's own heading stands for them and nothing is drawn.
    pub(crate) fn heading(&mut self, heading: &str, subtitle: &str) {
        if self.embedding != Embedding::Standalone {
            return;
        }
        self.text(
            "text",
            &[
                ("x", 24.0.into()),
                ("y", 32.0.into()),
                ("font-size", "20".into()),
                ("font-weight", "700".into()),
            ],
            heading,
        );
        let subtitle = crate::render::svg::wrap(subtitle, 110, 1);
        self.lines((24.0, 52.0), 0.0, &[("fill", MUTED.into())], &subtitle);
    }

    fn attributes(&mut self, attributes: &[(&'static str, Value<'_>)]) {
        for (name, value) in attributes {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            match value {
                Value::Num(v) => self.out.push_str(&coordinate(*v)),
                Value::Text(t) => self.out.push_str(&self.markup.attribute(t)),
            }
            self.out.push('"');
        }
    }

    /// `<tag attributes>`, to be closed with [`close`](Svg::close).
    pub(crate) fn open(&mut self, tag: &'static str, attributes: &[(&'static str, Value<'_>)]) {
        self.out.push('<');
        self.out.push_str(tag);
        self.attributes(attributes);
        self.out.push('>');
        if matches!(tag, "svg" | "g") {
            self.out.push('\n');
        }
    }

    /// `</tag>`.
    pub(crate) fn close(&mut self, tag: &'static str) {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push_str(">\n");
    }

    /// `<tag attributes/>`.
    pub(crate) fn empty(&mut self, tag: &'static str, attributes: &[(&'static str, Value<'_>)]) {
        self.out.push('<');
        self.out.push_str(tag);
        self.attributes(attributes);
        self.out.push_str("/>\n");
    }

    /// `<tag attributes>text</tag>`, the text escaped.
    pub(crate) fn text(
        &mut self,
        tag: &'static str,
        attributes: &[(&'static str, Value<'_>)],
        text: &str,
    ) {
        self.out.push('<');
        self.out.push_str(tag);
        self.attributes(attributes);
        self.out.push('>');
        self.out.push_str(&self.markup.text(text));
        self.close(tag);
    }

    /// `<tag attributes><title>tip</title></tag>`: a shape with a tooltip.
    pub(crate) fn tipped(
        &mut self,
        tag: &'static str,
        attributes: &[(&'static str, Value<'_>)],
        tip: &str,
    ) {
        self.open(tag, attributes);
        self.out.push_str("<title>");
        self.out.push_str(&self.markup.text(tip));
        self.out.push_str("</title>");
        self.close(tag);
    }

    /// A `<text>` of one or more lines, the first at `(x, y)`, each `step` below.
    pub(crate) fn lines(
        &mut self,
        (x, y): (f64, f64),
        step: f64,
        attributes: &[(&'static str, Value<'_>)],
        lines: &[String],
    ) {
        let mut all: Vec<(&'static str, Value<'_>)> = vec![("x", x.into()), ("y", y.into())];
        all.extend_from_slice(attributes);
        self.open("text", &all);
        for (i, line) in lines.iter().enumerate() {
            if i == 0 {
                self.open("tspan", &[("x", x.into())]);
            } else {
                self.open("tspan", &[("x", x.into()), ("dy", step.into())]);
            }
            self.out.push_str(&self.markup.text(line));
            self.out.push_str("</tspan>");
        }
        self.close("text");
    }

    /// Closes the `<svg>` element and gives the document.
    pub(crate) fn finish(mut self) -> String {
        self.close("svg");
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_and_text_is_escaped() {
        let mut svg = Svg::new(Embedding::Standalone, (100.0, 50.0), 0.0, "a<b", "c&d");
        svg.text(
            "text",
            &[("data-x", "\"q\"".into()), ("x", f64::NAN.into())],
            "<i>",
        );
        let out = svg.finish();
        assert!(
            out.starts_with(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0.0 100.0 50.0\""
            )
        );
        assert!(out.contains("<title>a&lt;b</title>"));
        assert!(out.contains("<desc>c&amp;d</desc>"));
        assert!(out.contains("<text data-x=\"&quot;q&quot;\" x=\"0.0\">&lt;i&gt;</text>"));
        assert!(out.ends_with("</svg>\n"));
    }

    #[test]
    fn inline_charts_start_below_the_heading() {
        let mut svg = Svg::new(Embedding::Inline, (100.0, 80.0), 30.0, "t", "d");
        svg.heading("Heading", "Subtitle");
        let out = svg.finish();
        assert!(out.starts_with("<svg viewBox=\"0 30.0 100.0 50.0\""));
        assert!(!out.contains("Heading"));
    }
}
