//! The rules over a value study and the canvas it informs. Every path points
//! into the serialized pair: `/study/...` or `/canvas/...`.

use crate::canvas::Canvas;
use crate::rules::duplicates::{IdSet, id_set};
use crate::validate::{Check, FnRule, JsonPointer, RuleMeta, Severity};
use crate::value::{Attribute, CanvasLink, StudyInContext};

/// A competitor's name as compared: letter case and surrounding spaces aside.
fn folded(name: &str) -> String {
    name.trim().to_lowercase()
}

fn differentiators(canvas: &Canvas) -> &[crate::canvas::Differentiator] {
    &canvas.proposition.customer_value.differentiators
}

pub(super) const COMPETITORS_CLAIMED: FnRule<StudyInContext> = FnRule::new(
    RuleMeta::new(
        "VALUE-CANVAS-001",
        "Every competitor the study names is one the canvas's differentiators name",
        Severity::Warning,
        "The study measures how customers see us against the competitors, and the canvas says \
         how the offer differs from named competitors; a competitor the study rates under a \
         name the canvas does not use cannot be held against what the canvas claims.",
    )
    .with_tags(&["value", "canvas"]),
    competitors_claimed,
);

fn competitors_claimed(pair: &StudyInContext, _: &(), check: &mut Check<'_>) {
    let named: IdSet<String> = differentiators(&pair.canvas)
        .iter()
        .map(|d| folded(&d.competitor))
        .collect();
    for (k, competitor) in pair.study.competitors.iter().enumerate() {
        if !named.contains(&folded(&competitor.name)) {
            check
                .finding(
                    JsonPointer::from("/study/competitors").index(k).key("name"),
                    "value.canvas.competitor_not_claimed",
                    "The canvas's differentiators do not name the competitor \"{competitor}\"",
                )
                .arg("competitor", competitor.name.as_str())
                .hint("Use the name the canvas uses, or say in the canvas how the offer differs from this competitor.")
                .emit();
        }
    }
}

pub(super) const CLAIMS_STUDIED: FnRule<StudyInContext> = FnRule::new(
    RuleMeta::new(
        "VALUE-CANVAS-002",
        "Every competitor the canvas's differentiators name is rated in the study",
        Severity::Info,
        "A differentiator claims an advantage over a named competitor; until customers rate \
         that competitor, the claim rests on the strategy's word alone. Studies often cover \
         the main competitors only, so this is information.",
    )
    .with_tags(&["value", "canvas"]),
    claims_studied,
);

fn claims_studied(pair: &StudyInContext, _: &(), check: &mut Check<'_>) {
    let mut studied: IdSet<String> = id_set(pair.study.competitors.len());
    studied.extend(pair.study.competitors.iter().map(|c| folded(&c.name)));
    for (d, differentiator) in differentiators(&pair.canvas).iter().enumerate() {
        if !studied.contains(&folded(&differentiator.competitor)) {
            check
                .finding(
                    JsonPointer::from("/canvas/proposition/customer_value/differentiators")
                        .index(d)
                        .key("competitor"),
                    "value.canvas.claim_not_studied",
                    "The study does not rate the competitor \"{competitor}\" the canvas claims to differ from",
                )
                .arg("competitor", differentiator.competitor.as_str())
                .emit();
        }
    }
}

pub(super) const LINKS: FnRule<StudyInContext> = FnRule::new(
    RuleMeta::new(
        "VALUE-CANVAS-003",
        "The study's segment and the canvas elements its attributes speak to exist in the canvas",
        Severity::Error,
        "Where the study is linked to the canvas (the segment it speaks for, the value element \
         or need an attribute speaks to), where to act points at that element; a link to \
         nothing points nowhere.",
    )
    .with_tags(&["value", "canvas", "traceability"]),
    links,
);

fn links(pair: &StudyInContext, _: &(), check: &mut Check<'_>) {
    let customer = &pair.canvas.context.customer;
    let segments: IdSet<_> = customer.segments.iter().map(|s| s.id).collect();
    let needs: IdSet<_> = customer
        .segments
        .iter()
        .flat_map(|s| s.needs.iter().map(|n| n.id))
        .collect();
    let elements: IdSet<_> = pair
        .canvas
        .proposition
        .customer_value
        .elements
        .iter()
        .map(|e| e.id)
        .collect();
    let study = &pair.study;
    if let Some(segment) = study.segment
        && !segments.contains(&segment)
    {
        check
            .finding(
                JsonPointer::from("/study/segment"),
                "value.canvas.unknown_segment",
                "The canvas has no segment {id}",
            )
            .arg("id", segment.to_string())
            .emit();
    }
    let known = |link: &CanvasLink| match link {
        CanvasLink::ValueElement(id) => elements.contains(id),
        CanvasLink::Need(id) => needs.contains(id),
    };
    for (name, branch) in [("quality", &study.quality), ("price", &study.price)] {
        let root = JsonPointer::from("/study").key(name);
        for (i, attribute) in branch.iter().enumerate() {
            walk(attribute, root.clone().index(i), &known, check);
        }
    }
    for (r, response) in study.responses.iter().enumerate() {
        if let Some(segment) = response.segment
            && !segments.contains(&segment)
        {
            check
                .finding(
                    JsonPointer::from("/study/responses")
                        .index(r)
                        .key("segment"),
                    "value.canvas.unknown_segment",
                    "The canvas has no segment {id}",
                )
                .arg("id", segment.to_string())
                .emit();
        }
    }
}

fn walk(
    attribute: &Attribute,
    path: JsonPointer,
    known: &dyn Fn(&CanvasLink) -> bool,
    check: &mut Check<'_>,
) {
    if let Some(link) = &attribute.speaks_to
        && !known(link)
    {
        let (key, kind) = match link {
            CanvasLink::ValueElement(_) => ("value_element", "value element"),
            CanvasLink::Need(_) => ("need", "need"),
        };
        let id = match link {
            CanvasLink::ValueElement(id) => id.to_string(),
            CanvasLink::Need(id) => id.to_string(),
        };
        check
            .finding(
                path.clone().key("speaks_to").key(key),
                "value.canvas.unknown_link",
                "The canvas has no {kind} {id}",
            )
            .arg("kind", kind)
            .arg("id", id)
            .emit();
    }
    for (c, child) in attribute.children.iter().enumerate() {
        walk(child, path.clone().key("children").index(c), known, check);
    }
}
