//! Checks that hold the strategy, the team's answers and the culture signals
//! against what customers say they get: the value study.

use super::{ReviewIndex, review_rule};
use crate::canvas::{Canvas, Perspective};
use crate::review::OrganizationReview;
use crate::rules::duplicates::{IdMap, id_map};
use crate::validate::{Check, FnRule, JsonPointer, NumberParam};
use crate::value::{CanvasLink, StudyResult, ValueStudy};

pub(super) const CATALOGUE: &[FnRule<OrganizationReview>] =
    &[CLAIMS_AGAINST_RATINGS, VALUE_SAY_DO, SCORECARD_BACKED];

/// The name of the offer with key `id` in the study.
fn offer_name<'a>(study: &'a ValueStudy, id: &'a crate::value::OfferId) -> &'a str {
    study
        .offers()
        .find(|o| &o.id == id)
        .map_or(id.as_str(), |o| o.name.as_str())
}

/// The position of each value element of the canvas, by id.
fn element_positions(canvas: &Canvas) -> IdMap<crate::id::ValueElementId, usize> {
    let elements = &canvas.proposition.customer_value.elements;
    let mut positions = id_map(elements.len());
    for (i, element) in elements.iter().enumerate() {
        positions.entry(element.id).or_insert(i);
    }
    positions
}

pub(super) const CLAIMS_AGAINST_RATINGS: FnRule<OrganizationReview> = FnRule::new(
    review_rule(
        "REVIEW-VALUE-001",
        "What the proposition claims stands up to customers' ratings",
        "A differentiator claims an advantage over a named competitor, and a value element \
         claims to matter to customers; where the value study links an attribute to a value \
         element and customers rate us below a competitor on it (a head-to-head ratio under \
         1), the claim is contradicted by the people it is about. A differentiator naming \
         that competitor is reported once per attribute; without one, the value element is \
         reported where customers rate us below the competitors' mean. Ratios withheld for \
         too few ratings are not judged.",
    ),
    claims_against_ratings,
);

fn claims_against_ratings(review: &OrganizationReview, index: &ReviewIndex, check: &mut Check<'_>) {
    let (Some(canvas), Some(study), Some(result)) = (&review.canvas, &review.value, &index.value)
    else {
        return;
    };
    let differentiators = &canvas.proposition.customer_value.differentiators;
    let positions = element_positions(canvas);
    // The differentiators by the competitor they name, compared without case.
    let mut naming: std::collections::BTreeMap<String, Vec<usize>> =
        std::collections::BTreeMap::new();
    for (d, differentiator) in differentiators.iter().enumerate() {
        naming
            .entry(differentiator.competitor.trim().to_lowercase())
            .or_default()
            .push(d);
    }
    for attribute in &result.attributes {
        let Some(CanvasLink::ValueElement(element)) = attribute.speaks_to else {
            continue;
        };
        let Some(&e) = positions.get(&element) else {
            continue;
        };
        let element_name = canvas
            .proposition
            .customer_value
            .elements
            .get(e)
            .map_or("", |x| x.name.as_str());
        let mut named_a_rival = false;
        for duel in &attribute.head_to_head {
            let Some(ratio) = duel.ratio.filter(|r| *r < 1.0) else {
                continue;
            };
            let rival = offer_name(study, &duel.competitor);
            let named = naming.get(&rival.trim().to_lowercase());
            for &d in named.map_or(&[][..], Vec::as_slice) {
                named_a_rival = true;
                check
                    .finding(
                        JsonPointer::from("/canvas/proposition/customer_value/differentiators")
                            .index(d),
                        "review.value.claim_contradicted",
                        "The canvas sets the offer apart from {competitor}, but customers rate it below {competitor} on \"{attribute}\" (ratio {ratio}), which speaks to \"{element}\"",
                    )
                    .arg("competitor", rival)
                    .arg("attribute", attribute.name.as_str())
                    .arg("ratio", format!("{ratio:.2}"))
                    .arg("element", element_name)
                    .related(
                        JsonPointer::from("/canvas/proposition/customer_value/elements")
                            .index(e),
                    )
                    .emit();
            }
        }
        if !named_a_rival && let Some(ratio) = attribute.ratio.filter(|r| *r < 1.0) {
            check
                .finding(
                    JsonPointer::from("/canvas/proposition/customer_value/elements").index(e),
                    "review.value.element_below_market",
                    "Customers rate \"{attribute}\", which the value element \"{element}\" speaks to, below the competitors' mean (ratio {ratio})",
                )
                .arg("attribute", attribute.name.as_str())
                .arg("element", element_name)
                .arg("ratio", format!("{ratio:.2}"))
                .emit();
        }
    }
}

const HIGH_SCORE: NumberParam = NumberParam::new(
    "high_score",
    "The team score (0 to 100) from which the value exchange dimension counts as rated \
     highly; 60, the crate's default, is where most of the team agree",
    60.0,
    0.0,
    100.0,
);

/// The dimension of the built-in instrument about the value exchange.
const VALUE_DIMENSION: &str = "value";

pub(super) const VALUE_SAY_DO: FnRule<OrganizationReview> = FnRule::new(
    review_rule(
        "REVIEW-VALUE-002",
        "A team that rates its value exchange highly is borne out by customers",
        "When the team rates the value exchange highly while customers, in the value study, \
         give the organization less value than its competitors (a CVA under 1), the team's \
         view is a belief customers do not share: the gap between saying and doing, measured \
         from outside.",
    )
    .with_params(&[HIGH_SCORE.spec()]),
    value_say_do,
);

fn value_say_do(review: &OrganizationReview, index: &ReviewIndex, check: &mut Check<'_>) {
    let (Some(maturity), Some(result)) = (&index.maturity, &index.value) else {
        return;
    };
    let Some(cva) = result.cva() else {
        return;
    };
    let high = check.params().number(&HIGH_SCORE);
    let Some(dimension) = maturity
        .dimensions
        .iter()
        .find(|d| d.id.as_str() == VALUE_DIMENSION)
    else {
        return;
    };
    let Some(stats) = dimension.stats else {
        return;
    };
    if stats.mean.get() >= high && cva < 1.0 && review.value.is_some() {
        check
            .finding(
                JsonPointer::from("/value"),
                "review.value.say_do",
                "The team rates \"{dimension}\" at {score}, but customers give a CVA of {cva}: less value than the competitors",
            )
            .arg("dimension", dimension.name.as_str())
            .arg("score", stats.mean.to_string())
            .arg("cva", format!("{cva:.2}"))
            .emit();
    }
}

pub(super) const SCORECARD_BACKED: FnRule<OrganizationReview> = FnRule::new(
    review_rule(
        "REVIEW-VALUE-003",
        "Customer value on the scorecard is backed by a measure",
        "A customer weight on the balanced scorecard, or customer value reported to the \
         board, needs a number behind it: a Customer Value Added from a value study, or a \
         customer measure in the canvas with observations. Without one the board sees a \
         weight on nothing. Judged when the review holds the canvas.",
    ),
    scorecard_backed,
);

/// Whether the canvas has a customer measure with observations, or a CVA metric.
fn measured(canvas: Option<&Canvas>) -> bool {
    canvas.is_some_and(|c| {
        c.steering.performance.metrics.iter().any(|m| {
            matches!(m.kind, Some(crate::canvas::MetricKind::Cva))
                || (m.perspective == Perspective::Customer && !m.observations.is_empty())
        })
    })
}

fn scorecard_backed(review: &OrganizationReview, index: &ReviewIndex, check: &mut Check<'_>) {
    let Some(card) = review.signals.as_ref().and_then(|s| s.scorecard) else {
        return;
    };
    if card.customer_weight.get() <= 0.0 && !card.reported_to_board {
        return;
    }
    // Without the canvas the review cannot tell whether a measure exists.
    let Some(canvas) = &review.canvas else {
        return;
    };
    let study_cva = index.value.as_ref().and_then(StudyResult::cva).is_some();
    if !study_cva && !measured(Some(canvas)) {
        check
            .finding(
                JsonPointer::from("/signals/scorecard"),
                "review.value.scorecard_unbacked",
                "Customer value weighs {weight} on the scorecard{board}, but no value study gives a CVA and no customer measure in the canvas has been observed",
            )
            .arg("weight", format!("{:.0}%", card.customer_weight.percent()))
            .arg(
                "board",
                if card.reported_to_board {
                    " and is reported to the board"
                } else {
                    ""
                },
            )
            .emit();
    }
}
