//! Traceability: references resolve, every element is tied to what it serves,
//! and no id is used twice.

use super::{CanvasIndex, advice, mistake, paths, report_lacking};
use crate::canvas::{Canvas, EvidenceSource, Measured, ReviewTrigger};
use crate::rules::duplicates::id_set;
use crate::validate::{Check, FnRule, JsonPointer, Severity};

pub(super) const REFERENCES: FnRule<Canvas> = FnRule::new(
    mistake(
        "CANVAS-TRACE-001",
        "Every reference points at an element of the canvas",
        "Blocks refer to each other by id so that every proposition element, journey and \
         metric can be traced; a reference to nothing breaks the chain.",
    ),
    references,
);

/// Reports a reference to an id the index does not hold.
fn dangling(
    check: &mut Check<'_>,
    known: bool,
    kind: &'static str,
    id: &dyn std::fmt::Display,
    path: impl FnOnce() -> JsonPointer,
) {
    if !known {
        check
            .finding(
                path(),
                "canvas.trace.dangling",
                "This refers to {kind} {id}, which the canvas does not contain",
            )
            .arg("kind", kind)
            .arg("id", id.to_string())
            .emit();
    }
}

fn references(canvas: &Canvas, ix: &CanvasIndex, check: &mut Check<'_>) {
    governance_references(canvas, ix, check);
    for (s, segment) in canvas.context.customer.segments.iter().enumerate() {
        for (u, user) in segment.users.iter().enumerate() {
            dangling(
                check,
                ix.segments(canvas).contains_key(user),
                "segment",
                user,
                || paths::segment(s).key("users").index(u),
            );
        }
    }
    for (e, element) in canvas
        .proposition
        .customer_value
        .elements
        .iter()
        .enumerate()
    {
        for (n, need) in element.serves.iter().enumerate() {
            dangling(
                check,
                ix.needs(canvas).contains_key(need),
                "need",
                need,
                || paths::element(e).key("serves").index(n),
            );
        }
    }
    for (i, investment) in canvas
        .proposition
        .business_value
        .investments
        .iter()
        .enumerate()
    {
        for (k, gap) in investment.closes.iter().enumerate() {
            dangling(
                check,
                ix.gaps(canvas).contains_key(gap),
                "capability gap",
                gap,
                || {
                    paths::at("/proposition/business_value/investments")
                        .index(i)
                        .key("closes")
                        .index(k)
                },
            );
        }
    }
    for (j, journey) in canvas.proposition.experience.journeys.iter().enumerate() {
        if let Some(segment) = &journey.segment {
            dangling(
                check,
                ix.segments(canvas).contains_key(segment),
                "segment",
                segment,
                || paths::journey(j).key("segment"),
            );
        }
    }
    for (o, offering) in canvas.value_chain.offerings.offerings.iter().enumerate() {
        for (k, segment) in offering.segments.iter().enumerate() {
            dangling(
                check,
                ix.segments(canvas).contains_key(segment),
                "segment",
                segment,
                || paths::offering(o).key("segments").index(k),
            );
        }
    }
    for (g, gap) in canvas
        .value_chain
        .offerings
        .capability_gaps
        .iter()
        .enumerate()
    {
        for (k, offering) in gap.affects.iter().enumerate() {
            dangling(
                check,
                ix.offerings(canvas).contains_key(offering),
                "offering",
                offering,
                || paths::gap(g).key("affects").index(k),
            );
        }
        if let Some(investment) = &gap.investment {
            for (k, closed) in investment.closes.iter().enumerate() {
                dangling(
                    check,
                    ix.gaps(canvas).contains_key(closed),
                    "capability gap",
                    closed,
                    || paths::gap(g).key("investment").key("closes").index(k),
                );
            }
        }
    }
    for (c, capability) in canvas
        .value_chain
        .capabilities
        .capabilities
        .iter()
        .enumerate()
    {
        for (k, offering) in capability.supports.iter().enumerate() {
            dangling(
                check,
                ix.offerings(canvas).contains_key(offering),
                "offering",
                offering,
                || {
                    paths::at("/value_chain/capabilities/capabilities")
                        .index(c)
                        .key("supports")
                        .index(k)
                },
            );
        }
    }
    for (o, objective) in canvas.steering.performance.objectives.iter().enumerate() {
        for (k, segment) in objective.segments.iter().enumerate() {
            dangling(
                check,
                ix.segments(canvas).contains_key(segment),
                "segment",
                segment,
                || paths::objective(o).key("segments").index(k),
            );
        }
        if let Some(goal) = &objective.business_goal {
            dangling(
                check,
                ix.goals(canvas).contains_key(goal),
                "business goal",
                goal,
                || paths::objective(o).key("business_goal"),
            );
        }
    }
    for (m, metric) in canvas.steering.performance.metrics.iter().enumerate() {
        for (k, measured) in metric.measures.iter().enumerate() {
            let (known, kind, id): (bool, &'static str, &dyn std::fmt::Display) = match measured {
                Measured::Objective(id) => {
                    (ix.objectives(canvas).contains_key(id), "objective", id)
                }
                Measured::BusinessGoal(id) => {
                    (ix.goals(canvas).contains_key(id), "business goal", id)
                }
                Measured::ValueElement(id) => {
                    (ix.elements(canvas).contains_key(id), "value element", id)
                }
                Measured::Journey(id) => (ix.journeys(canvas).contains_key(id), "journey", id),
                Measured::TouchPoint(id) => {
                    (ix.touch_points(canvas).contains_key(id), "touch point", id)
                }
                Measured::Offering(id) => (ix.offerings(canvas).contains_key(id), "offering", id),
                Measured::Segment(id) => (ix.segments(canvas).contains_key(id), "segment", id),
                Measured::CapabilityGap(id) => {
                    (ix.gaps(canvas).contains_key(id), "capability gap", id)
                }
            };
            dangling(check, known, kind, id, || {
                paths::metric(m).key("measures").index(k)
            });
        }
    }
    for (i, incentive) in canvas.steering.performance.incentives.iter().enumerate() {
        for (k, metric) in incentive.rewards.iter().enumerate() {
            dangling(
                check,
                ix.metrics(canvas).contains_key(metric),
                "metric",
                metric,
                || paths::incentive(i).key("rewards").index(k),
            );
        }
    }
}

pub(super) const ELEMENT_SERVES: FnRule<Canvas> = FnRule::new(
    advice(
        "CANVAS-TRACE-002",
        "Every value element serves a customer need",
        "An element of the proposition that serves no named need is a feature looking for a \
         customer.",
    ),
    element_serves,
);

fn element_serves(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    report_lacking(
        check,
        &canvas.proposition.customer_value.elements,
        |element| element.serves.is_empty(),
        |element| &element.name,
        |e| paths::element(e).key("serves"),
        "canvas.trace.element_serves_nothing",
        "The value element \"{name}\" serves no customer need",
    );
}

pub(super) const NEED_SERVED: FnRule<Canvas> = FnRule::new(
    advice(
        "CANVAS-TRACE-003",
        "Every customer need is served by the proposition",
        "A need the canvas names but no element of the proposition serves is a promise the \
         strategy does not keep. A need the governance block lists among what the strategy \
         will not do (`will_not_do[].needs`) is left unserved on purpose and not reported.",
    ),
    need_served,
);

fn need_served(canvas: &Canvas, index: &CanvasIndex, check: &mut Check<'_>) {
    let served = index.served_needs(canvas);
    let choices = &canvas.steering.governance.will_not_do;
    let mut left_aside = id_set(choices.iter().map(|c| c.needs.len()).sum());
    left_aside.extend(choices.iter().flat_map(|c| c.needs.iter().copied()));
    for (s, segment) in canvas.context.customer.segments.iter().enumerate() {
        for (n, need) in segment.needs.iter().enumerate() {
            if !served.contains(&need.id) && !left_aside.contains(&need.id) {
                check
                    .finding(
                        paths::need((s, n)),
                        "canvas.trace.need_unserved",
                        "No value element serves the need \"{need}\" of the segment \"{segment}\"",
                    )
                    .arg("need", need.description.as_str())
                    .arg("segment", segment.name.as_str())
                    .emit();
            }
        }
    }
}

pub(super) const JOURNEY_SEGMENT: FnRule<Canvas> = FnRule::new(
    advice(
        "CANVAS-TRACE-004",
        "Every journey belongs to a segment",
        "The concept of experience describes the journeys of particular customers; a journey \
         of nobody in particular cannot be designed for anyone.",
    ),
    journey_segment,
);

fn journey_segment(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    report_lacking(
        check,
        &canvas.proposition.experience.journeys,
        |journey| journey.segment.is_none(),
        |journey| &journey.name,
        |j| paths::journey(j).key("segment"),
        "canvas.trace.journey_without_segment",
        "The journey \"{name}\" does not say whose journey it is",
    );
}

pub(super) const TOUCH_POINT_OWNER: FnRule<Canvas> = FnRule::new(
    advice(
        "CANVAS-TRACE-005",
        "Every journey has an owner across functions",
        "Customers see one brand, not a set of silos: a journey crosses the functions that own \
         its touch points, and someone must answer for it end to end. The rule asks for the \
         journey's owner; the functions that own single touch points are recorded on them but \
         do not replace the journey's owner. A workshop draft may not have named them yet, so \
         there the finding is information.",
    )
    .with_draft_severity(Severity::Info),
    touch_point_owner,
);

fn touch_point_owner(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    for (j, journey) in canvas.proposition.experience.journeys.iter().enumerate() {
        if journey.owner.is_some() {
            continue;
        }
        let mut functions: Vec<&str> = journey
            .touch_points()
            .filter_map(|t| t.owner)
            .map(|f| f.as_str())
            .collect();
        functions.sort_unstable();
        functions.dedup();
        let across = if functions.is_empty() {
            String::new()
        } else {
            format!(" across {}", functions.join(", "))
        };
        check
            .finding(
                paths::journey(j).key("owner"),
                "canvas.trace.journey_without_owner",
                "No one owns the journey \"{name}\" end to end{across}",
            )
            .arg("name", journey.name.as_str())
            .arg("across", across)
            .hint("Name the person who answers for the whole journey, whatever function each touch point sits in.")
            .emit();
    }
}

pub(super) const METRIC_MEASURES: FnRule<Canvas> = FnRule::new(
    advice(
        "CANVAS-TRACE-006",
        "Every metric measures something in the canvas",
        "A metric tied to no objective, goal, element, journey or offering cannot tell \
         whether the strategy works.",
    ),
    metric_measures,
);

fn metric_measures(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    report_lacking(
        check,
        &canvas.steering.performance.metrics,
        |metric| metric.measures.is_empty(),
        |metric| &metric.name,
        |m| paths::metric(m).key("measures"),
        "canvas.trace.metric_measures_nothing",
        "The metric \"{name}\" measures nothing in the canvas",
    );
}

pub(super) const GAP_INVESTMENT: FnRule<Canvas> = FnRule::new(
    advice(
        "CANVAS-TRACE-007",
        "Every capability gap has an investment",
        "A customer-facing gap the strategy depends on, with nothing planned to close it, \
         is a risk written down and left alone.",
    ),
    gap_investment,
);

fn gap_investment(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    report_lacking(
        check,
        &canvas.value_chain.offerings.capability_gaps,
        |gap| gap.investment.is_none(),
        |gap| &gap.description,
        |g| paths::gap(g).key("investment"),
        "canvas.trace.gap_without_investment",
        "No investment is planned to close the gap \"{name}\"",
    );
}

pub(super) const DUPLICATE_IDS: FnRule<Canvas> = FnRule::new(
    mistake(
        "CANVAS-TRACE-008",
        "No two elements share an id",
        "References are ids; when two elements share one, a reference cannot say which it \
         means.",
    ),
    duplicate_ids,
);

fn duplicate_ids(canvas: &Canvas, index: &CanvasIndex, check: &mut Check<'_>) {
    for duplicate in index.duplicates(canvas) {
        check
            .finding(
                duplicate.again.clone(),
                "canvas.trace.duplicate_id",
                "This {kind} has the id {id}, already used by another {kind}",
            )
            .arg("kind", duplicate.kind)
            .arg("id", duplicate.id.as_str())
            .related(duplicate.first.clone())
            .emit();
    }
}

/// The references of the governance block (choices and review triggers) and
/// of the evidence behind statements (metrics as sources).
fn governance_references(canvas: &Canvas, ix: &CanvasIndex, check: &mut Check<'_>) {
    let governance = &canvas.steering.governance;
    for (c, choice) in governance.will_not_do.iter().enumerate() {
        let at = || paths::at("/steering/governance/will_not_do").index(c);
        for (k, segment) in choice.segments.iter().enumerate() {
            let known = ix.segments(canvas).contains_key(segment);
            dangling(check, known, "segment", segment, || {
                at().key("segments").index(k)
            });
        }
        for (k, need) in choice.needs.iter().enumerate() {
            let known = ix.needs(canvas).contains_key(need);
            dangling(check, known, "need", need, || at().key("needs").index(k));
        }
    }
    for (t, trigger) in governance.review_triggers.iter().enumerate() {
        if let ReviewTrigger::Metric(crossing) = trigger {
            let known = ix.metrics(canvas).contains_key(&crossing.metric);
            dangling(check, known, "metric", &crossing.metric, || {
                paths::at("/steering/governance/review_triggers")
                    .index(t)
                    .key("metric")
                    .key("metric")
            });
        }
    }
    for (at, evidence) in super::evidence::statements(canvas) {
        for (k, source) in evidence.sources.iter().enumerate() {
            if let EvidenceSource::Metric(metric) = source {
                let known = ix.metrics(canvas).contains_key(metric);
                dangling(check, known, "metric", metric, || {
                    at.evidence_pointer().key("sources").index(k).key("metric")
                });
            }
        }
    }
}
