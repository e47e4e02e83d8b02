//! Is everything there: the twelve blocks, and answers to the six questions.

use super::{CanvasIndex, completeness, paths};
use crate::canvas::{Block, Canvas, Perspective, Voice};
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
         its focus on them, and how performance is overseen and measured.",
    ),
    questions,
);

/// The six questions, each with where its answer belongs and whether the canvas gives it.
fn questions(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    let proposition = &canvas.proposition;
    let performance = &canvas.steering.performance;
    let governance = &canvas.steering.governance;
    let offerings = &canvas.value_chain.offerings.offerings;
    // Each question: its number, its text, where its answer belongs, whether
    // the canvas gives it, and another place the answer also needs (for
    // folding: an empty block there leaves the question unanswered).
    let answers: [(u8, &str, &str, bool, Option<&str>); 6] = [
        (
            1,
            "Who are the customers and the users?",
            "/context/customer/segments",
            !canvas.context.customer.segments.is_empty(),
            None,
        ),
        (
            2,
            "How does the business bring value to them?",
            "/proposition/customer_value",
            !proposition.customer_value.elements.is_empty()
                || offerings
                    .iter()
                    .any(|o| !o.customer_value.trim().is_empty()),
            None,
        ),
        (
            3,
            "How do customers bring value back to the business?",
            "/proposition/business_value",
            !proposition.business_value.expected_return.trim().is_empty()
                || offerings
                    .iter()
                    .any(|o| !o.business_value.trim().is_empty()),
            None,
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
            None,
        ),
        (
            5,
            "How does the business keep its focus on delivering for those needs?",
            "/steering/performance/objectives",
            !performance.objectives.is_empty()
                && (!proposition.experience.journeys.is_empty()
                    || !canvas.value_chain.people.culture_practices.is_empty()),
            None,
        ),
        (
            6,
            "How is performance overseen, tracked and measured?",
            "/steering/governance",
            performance
                .metrics
                .iter()
                .any(|m| m.perspective == Perspective::Customer)
                && (governance.owner.is_some() || !governance.forum.trim().is_empty()),
            Some("/steering/performance/metrics"),
        ),
    ];
    for (number, question, pointer, answered, also) in answers {
        if !answered {
            let finding = check
                .finding(
                    paths::at(pointer),
                    "canvas.question.unanswered",
                    "Question {number} is left unanswered: {question}",
                )
                .arg("number", number)
                .arg("question", question);
            match also {
                Some(also) => finding.concerns(paths::at(also)).emit(),
                None => finding.emit(),
            }
        }
    }
}
