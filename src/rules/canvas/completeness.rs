//! Is everything there: the twelve blocks, and answers to the six questions.

use super::{CanvasIndex, completeness, paths};
use crate::canvas::{Block, Canvas, CustomerRole, Perspective, Voice};
use crate::rules::duplicates::id_set;
use crate::validate::{Check, FnRule};

pub(super) const BLOCKS: FnRule<Canvas> = FnRule::new(
    completeness(
        "CANVAS-BLOCK-001",
        "Every block of the canvas is filled",
        "The canvas has five zones and twelve blocks; a strategy put forward for sign-off \
         leaves none of them empty, while a workshop draft may still be filling them in.",
    ),
    blocks,
);

/// An empty block is the cause of every finding at or under its pointer: what
/// it implies is folded into it, so one missing block is one problem.
fn blocks(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    for block in Block::ALL {
        if !canvas.is_filled(block) {
            check
                .finding(
                    paths::at(block.pointer()),
                    "canvas.block.empty",
                    "The block \"{block}\" of the zone \"{zone}\" is empty",
                )
                .arg("block", block.title())
                .arg("zone", block.zone().title())
                .hint("Work through this block with the people who own it before sign-off.")
                .causes(paths::at(block.pointer()))
                .emit();
        }
    }
}

pub(super) const QUESTIONS: FnRule<Canvas> = FnRule::new(
    completeness(
        "CANVAS-QUESTIONS-001",
        "The six questions of a customer strategy are answered",
        "A customer strategy must say who the customers are, how the business brings them \
         value, how they bring value back, how their needs stay visible, how the business keeps \
         its focus on them, and how performance is overseen and measured. Each question is \
         answered only by what it really needs: (1) a segment that uses the offer, not only \
         payers or influencers, since customers and users may differ; (2) a value element that \
         serves a stated need, or an offering that says its value to the segments it names; \
         (3) an expected return, or an offering that says what it brings the business; (4) a \
         listening source that carries the voice of the customer; (5) a customer objective \
         aimed at a segment for which a journey is described (an objective that names no \
         segment is aimed at all of them), so that the focus has both a target and a way of \
         delivering; (6) a customer measure with a target, and a \
         governance owner or forum who oversees it.",
    ),
    questions,
);

/// Question 1: some segment uses the offer (payers and influencers alone do not say who the users are).
fn users_named(canvas: &Canvas) -> bool {
    canvas
        .context
        .customer
        .segments
        .iter()
        .any(|s| matches!(s.role, CustomerRole::Uses | CustomerRole::Both))
}

/// Question 2: a value element serves a need, or an offering states its value to named segments.
fn value_to_customers(canvas: &Canvas) -> bool {
    canvas
        .proposition
        .customer_value
        .elements
        .iter()
        .any(|e| !e.serves.is_empty())
        || canvas
            .value_chain
            .offerings
            .offerings
            .iter()
            .any(|o| !o.customer_value.trim().is_empty() && !o.segments.is_empty())
}

/// Question 5: a customer objective is aimed at a segment that has a journey.
fn focus_delivered(canvas: &Canvas) -> bool {
    let journeys = &canvas.proposition.experience.journeys;
    let mut with_journey = id_set(journeys.len());
    with_journey.extend(journeys.iter().filter_map(|j| j.segment));
    canvas.steering.performance.objectives.iter().any(|o| {
        // An objective that names no segment is aimed at every customer.
        if o.segments.is_empty() {
            !with_journey.is_empty()
        } else {
            o.segments.iter().any(|s| with_journey.contains(s))
        }
    })
}

/// The six questions, each with where its answer belongs and whether the canvas gives it.
fn questions(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    let proposition = &canvas.proposition;
    let performance = &canvas.steering.performance;
    let governance = &canvas.steering.governance;
    let offerings = &canvas.value_chain.offerings.offerings;
    // Each question: its number, its text, where its answer belongs, whether
    // the canvas gives it, and other places the answer also needs (for
    // folding: an empty block there leaves the question unanswered).
    let answers: [(u8, &str, &str, bool, &[&str]); 6] = [
        (
            1,
            "Who are the customers and the users?",
            "/context/customer/segments",
            users_named(canvas),
            &[],
        ),
        (
            2,
            "How does the business bring value to them?",
            "/proposition/customer_value",
            value_to_customers(canvas),
            &["/value_chain/offerings"],
        ),
        (
            3,
            "How do customers bring value back to the business?",
            "/proposition/business_value",
            !proposition.business_value.expected_return.trim().is_empty()
                || offerings
                    .iter()
                    .any(|o| !o.business_value.trim().is_empty()),
            &[],
        ),
        (
            4,
            "How does the business keep sight of customer needs and behaviour?",
            "/steering/insight/sources",
            canvas
                .steering
                .insight
                .sources
                .iter()
                .any(|s| s.voice == Voice::Customer),
            &[],
        ),
        (
            5,
            "How does the business keep its focus on delivering for those needs?",
            "/steering/performance/objectives",
            focus_delivered(canvas),
            &["/proposition/experience", "/context/customer"],
        ),
        (
            6,
            "How is performance overseen, tracked and measured?",
            "/steering/governance",
            performance
                .metrics
                .iter()
                .any(|m| m.perspective == Perspective::Customer && m.target.is_some())
                && (governance.owner.is_some() || !governance.forum.trim().is_empty()),
            &["/steering/performance/metrics"],
        ),
    ];
    for (number, question, pointer, answered, also) in answers {
        if !answered {
            let mut finding = check
                .finding(
                    paths::at(pointer),
                    "canvas.question.unanswered",
                    "Question {number} is left unanswered: {question}",
                )
                .arg("number", number)
                .arg("question", question);
            for also in also {
                finding = finding.concerns(paths::at(also));
            }
            finding.emit();
        }
    }
}
