//! Value both ways, the whole customer lifecycle, the customers themselves, and
//! the fit between customer objectives and business goals.

use super::{CanvasIndex, advice, completeness, mistake, paths, report_lacking};
use crate::canvas::{Block, Canvas, CustomerRole, Lifecycle};
use crate::rules::percent;
use crate::validate::{Check, FnRule, NumberParam};

pub(super) const BOTH_PROPOSITIONS: FnRule<Canvas> = FnRule::new(
    completeness(
        "CANVAS-VALUE-001",
        "Value runs both ways",
        "Every customer touch should add value to the customer and to the business; a canvas \
         with only one of the two value propositions tells half the story.",
    ),
    both_propositions,
);

fn both_propositions(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    let customer = canvas.is_filled(Block::CustomerValue);
    let business = canvas.is_filled(Block::BusinessValue);
    // With both empty, CANVAS-BLOCK-001 already reports the two blocks.
    let missing = match (customer, business) {
        (true, false) => Block::BusinessValue,
        (false, true) => Block::CustomerValue,
        _ => return,
    };
    check
        .finding(
            paths::at(missing.pointer()),
            "canvas.value.one_way",
            "Value runs one way only: the {missing} is missing",
        )
        .arg("missing", missing.title().to_lowercase())
        .emit();
}

pub(super) const EXPECTED_RETURN: FnRule<Canvas> = FnRule::new(
    completeness(
        "CANVAS-VALUE-002",
        "The business's expected return is stated",
        "A customer strategy without a return for the business will not survive its first \
         budget round; the business value proposition says what the business gets back.",
    ),
    expected_return,
);

fn expected_return(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    if canvas
        .proposition
        .business_value
        .expected_return
        .trim()
        .is_empty()
    {
        check
            .finding(
                paths::at("/proposition/business_value/expected_return"),
                "canvas.value.no_return",
                "The business value proposition does not state the return the business expects",
            )
            .emit();
    }
}

pub(super) const OFFERING_VALUE: FnRule<Canvas> = FnRule::new(
    completeness(
        "CANVAS-VALUE-003",
        "Every offering brings value to the customer and to the business",
        "Each product and service should say what it does for the customer and what it earns \
         the business; an offering that cannot is a candidate to drop.",
    ),
    offering_value,
);

fn offering_value(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    for (o, offering) in canvas.value_chain.offerings.offerings.iter().enumerate() {
        for (field, side, text) in [
            ("customer_value", "the customer", &offering.customer_value),
            ("business_value", "the business", &offering.business_value),
        ] {
            if text.trim().is_empty() {
                check
                    .finding(
                        paths::offering(o).key(field),
                        "canvas.value.offering_side",
                        "The offering \"{name}\" does not say what it brings to {side}",
                    )
                    .arg("name", offering.name.as_str())
                    .arg("side", side)
                    .emit();
            }
        }
    }
}

pub(super) const LIFECYCLE_COVERAGE: FnRule<Canvas> = FnRule::new(
    completeness(
        "CANVAS-LIFECYCLE-001",
        "Objectives cover acquiring, retaining and growing customers",
        "A customer strategy plans how the business acquires, retains and grows its customers; \
         too many leave retention and growth to chance. A stage the governance block says the \
         strategy does not pursue (`will_not_do[].lifecycle`, such as acquisition for a closed \
         membership) is not asked for.",
    ),
    lifecycle_coverage,
);

fn lifecycle_coverage(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    let objectives = &canvas.steering.performance.objectives;
    let choices = &canvas.steering.governance.will_not_do;
    for stage in Lifecycle::ALL {
        let left_aside = choices.iter().any(|c| c.lifecycle.contains(&stage));
        if !left_aside && !objectives.iter().any(|o| o.lifecycle == stage) {
            let name = match stage {
                Lifecycle::Acquire => "acquire",
                Lifecycle::Retain => "retain",
                Lifecycle::Grow => "grow",
            };
            check
                .finding(
                    paths::at("/steering/performance/objectives"),
                    "canvas.lifecycle.missing_stage",
                    "No customer objective addresses the \"{stage}\" stage of the lifecycle",
                )
                .arg("stage", name)
                .emit();
        }
    }
}

const MAX_ACQUISITION_SHARE: NumberParam = NumberParam::new(
    "max_share",
    "The largest share of investment acquisition objectives may take, from 0 to 1",
    0.5,
    0.0,
    1.0,
);

pub(super) const ACQUISITION_SHARE: FnRule<Canvas> = FnRule::new(
    advice(
        "CANVAS-LIFECYCLE-002",
        "Acquisition does not take most of the investment",
        "Organisations that spend almost everything on winning customers leave keeping and \
         growing them to chance. The sources give no share: half of the investment is the \
         crate's default, the point past which acquisition outweighs keeping and growing \
         customers together; set `max_share` for a business that is still building its base.",
    )
    .with_params(&[MAX_ACQUISITION_SHARE.spec()]),
    acquisition_share,
);

fn acquisition_share(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    let share: f64 = canvas
        .steering
        .performance
        .objectives
        .iter()
        .filter(|o| o.lifecycle == Lifecycle::Acquire)
        .filter_map(|o| o.investment_share)
        .map(|s| s.get())
        .sum();
    let max = check.params().number(&MAX_ACQUISITION_SHARE);
    if share > max + 1e-9 {
        check
            .finding(
                paths::at("/steering/performance/objectives"),
                "canvas.lifecycle.acquisition_heavy",
                "Acquisition objectives take {share}% of the investment, more than {max}%",
            )
            .arg("share", percent(share))
            .arg("max", percent(max))
            .hint("Shift investment towards retaining and growing the customers the business already has.")
            .emit();
    }
}

pub(super) const INVESTMENT_TOTAL: FnRule<Canvas> = FnRule::new(
    mistake(
        "CANVAS-LIFECYCLE-003",
        "Shares of investment add up to at most 100%",
        "The objectives' shares of investment divide one budget; more than the whole is a \
         mistake in the figures.",
    ),
    investment_total,
);

fn investment_total(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    let total: f64 = canvas
        .steering
        .performance
        .objectives
        .iter()
        .filter_map(|o| o.investment_share)
        .map(|s| s.get())
        .sum();
    if total > 1.0 + 1e-9 {
        check
            .finding(
                paths::at("/steering/performance/objectives"),
                "canvas.lifecycle.over_budget",
                "The objectives' shares of investment add up to {total}%, more than 100%",
            )
            .arg("total", percent(total))
            .emit();
    }
}

pub(super) const SEGMENTS_PRESENT: FnRule<Canvas> = FnRule::new(
    completeness(
        "CANVAS-SEGMENT-001",
        "At least one customer segment is described",
        "The first question of a customer strategy is who the customers and users are.",
    ),
    segments_present,
);

fn segments_present(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    if canvas.context.customer.segments.is_empty() {
        check
            .finding(
                paths::at("/context/customer/segments"),
                "canvas.segment.none",
                "No customer segment or persona is described",
            )
            .emit();
    }
}

pub(super) const SEGMENT_NEEDS: FnRule<Canvas> = FnRule::new(
    completeness(
        "CANVAS-SEGMENT-002",
        "Every segment has needs or jobs to be done",
        "A segment is useful to the strategy only through what it needs; without needs or \
         jobs to be done nothing in the proposition can be traced to it.",
    ),
    segment_needs,
);

fn segment_needs(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    report_lacking(
        check,
        &canvas.context.customer.segments,
        |segment| segment.needs.is_empty() && segment.jobs_to_be_done.is_empty(),
        |segment| &segment.name,
        paths::segment,
        "canvas.segment.no_needs",
        "The segment \"{name}\" has neither needs nor jobs to be done",
    );
}

pub(super) const PAYER_USERS: FnRule<Canvas> = FnRule::new(
    advice(
        "CANVAS-SEGMENT-003",
        "A paying segment names the segment that uses the offer",
        "Payers may differ from users; a segment that pays without using the offer must be \
         linked to the users, whose needs the proposition has to meet too.",
    ),
    payer_users,
);

fn payer_users(canvas: &Canvas, index: &CanvasIndex, check: &mut Check<'_>) {
    let segments = &canvas.context.customer.segments;
    for (s, segment) in segments.iter().enumerate() {
        if segment.role != CustomerRole::Pays {
            continue;
        }
        if segment.users.is_empty() {
            check
                .finding(
                    paths::segment(s).key("users"),
                    "canvas.segment.payer_without_users",
                    "The segment \"{name}\" pays for the offer but no segment is named as its users",
                )
                .arg("name", segment.name.as_str())
                .hint("Describe the people who use what this segment pays for, and list them in `users`.")
                .emit();
            continue;
        }
        // The users must be another segment that uses the offer; references to
        // nothing are CANVAS-TRACE-001's to report.
        for (u, user) in segment.users.iter().enumerate() {
            let Some(other) = index
                .segments(canvas)
                .get(user)
                .and_then(|&i| segments.get(i))
            else {
                continue;
            };
            if other.id == segment.id
                || !matches!(other.role, CustomerRole::Uses | CustomerRole::Both)
            {
                check
                    .finding(
                        paths::segment(s).key("users").index(u),
                        "canvas.segment.users_not_users",
                        "The segment \"{name}\" names \"{user}\" as its users, but that segment does not use the offer",
                    )
                    .arg("name", segment.name.as_str())
                    .arg("user", other.name.as_str())
                    .hint("Point `users` at the segment whose role is `uses` or `both`.")
                    .emit();
            }
        }
    }
}

pub(super) const OBJECTIVE_GOAL: FnRule<Canvas> = FnRule::new(
    advice(
        "CANVAS-DISSONANCE-001",
        "Every customer objective supports a business goal",
        "Comparing customer objectives with the business goals of the foundation shows where \
         they pull apart; an objective linked to no goal is a sign of dissonance.",
    )
    .with_draft_severity(crate::validate::Severity::Info),
    objective_goal,
);

fn objective_goal(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    report_lacking(
        check,
        &canvas.steering.performance.objectives,
        |objective| objective.business_goal.is_none(),
        |objective| &objective.statement,
        |o| paths::objective(o).key("business_goal"),
        "canvas.dissonance.objective_without_goal",
        "The objective \"{name}\" supports no business goal",
    );
}

pub(super) const GOAL_SUPPORTED: FnRule<Canvas> = FnRule::new(
    advice(
        "CANVAS-DISSONANCE-002",
        "Every business goal is supported by a customer objective",
        "A business goal that no customer objective serves is pursued without the customer: \
         the dissonance the foundation zone is there to reveal. Goals marked `internal` (a \
         capital ratio, cost to income, compliance) concern the business alone and need no \
         customer objective.",
    )
    .with_draft_severity(crate::validate::Severity::Info),
    goal_supported,
);

fn goal_supported(canvas: &Canvas, index: &CanvasIndex, check: &mut Check<'_>) {
    let supported = index.supported_goals(canvas);
    for (g, goal) in canvas.foundation.business_goals.iter().enumerate() {
        if !goal.internal && !supported.contains(&goal.id) {
            check
                .finding(
                    paths::goal(g),
                    "canvas.dissonance.goal_without_objective",
                    "No customer objective supports the business goal \"{statement}\"",
                )
                .arg("statement", goal.statement.as_str())
                // Without objectives no goal is supported: an empty
                // performance block implies this finding.
                .concerns(paths::at("/steering/performance/objectives"))
                .emit();
        }
    }
}

pub(super) const CHOICES: FnRule<Canvas> = FnRule::new(
    advice(
        "CANVAS-CHOICES-001",
        "The strategy says what it will not do",
        "Strategy is about what you do and what you don't do; a strategy that rules nothing \
         out has not made its choices.",
    )
    .with_draft_severity(crate::validate::Severity::Info),
    choices,
);

fn choices(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    if canvas.steering.governance.will_not_do.is_empty() {
        check
            .finding(
                paths::at("/steering/governance/will_not_do"),
                "canvas.choices.none",
                "The strategy does not say anything it will not do",
            )
            .hint("Name the segments, channels or offers the strategy deliberately leaves aside, and why.")
            .emit();
    }
}
