//! Touch points, insight, performance, governance, and the people who carry
//! the strategy.

use super::{CanvasIndex, advice, completeness, paths, report_lacking};
use crate::canvas::{Canvas, CustomerRole, Measured, Perspective, Voice};
use crate::id::SegmentId;
use crate::rules::duplicates::{IdMap, id_map, id_set};
use crate::validate::{Check, FnRule, IntegerParam, Severity};

pub(super) const SERVICE_MOMENTS: FnRule<Canvas> = FnRule::new(
    advice(
        "CANVAS-TOUCH-001",
        "Every segment's journeys include a service or support moment",
        "A strong strategy is built around every interaction, including the moments a \
         customer has a problem or a question: that is where trust is won or lost. A segment \
         that only pays (an employer buying a benefit) or only influences the choice (a \
         broker) is not asked for service moments unless journeys are described for it, nor is a \
         segment the governance block deliberately leaves without journeys \
         (`will_not_do[].segments`).",
    )
    .with_draft_severity(Severity::Info),
    service_moments,
);

fn service_moments(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    // One pass over the journeys: per segment, whether it has a journey and
    // whether any of them has a service or support moment.
    let mut coverage: IdMap<SegmentId, bool> = id_map(canvas.context.customer.segments.len());
    for journey in &canvas.proposition.experience.journeys {
        if let Some(segment) = journey.segment {
            let has_service = journey
                .touch_points()
                .any(|t| t.kind.is_service_or_support());
            *coverage.entry(segment).or_insert(false) |= has_service;
        }
    }
    let choices = &canvas.steering.governance.will_not_do;
    let mut left_aside = id_set(choices.iter().map(|c| c.segments.len()).sum());
    left_aside.extend(choices.iter().flat_map(|c| c.segments.iter().copied()));
    for (s, segment) in canvas.context.customer.segments.iter().enumerate() {
        match coverage.get(&segment.id) {
            Some(true) => {}
            Some(false) => check
                .finding(
                    paths::segment(s),
                    "canvas.touch.no_service_moment",
                    "The journeys of \"{name}\" have no service or support moment (a problem, a question or a complaint)",
                )
                .arg("name", segment.name.as_str())
                .hint("Add the touch points where this segment asks for help, and who owns them.")
                .emit(),
            // Payers and influencers who do not use the offer have no
            // service moments of their own to describe.
            None if matches!(segment.role, CustomerRole::Pays | CustomerRole::Influences) => {}
            // Left without journeys on purpose.
            None if left_aside.contains(&segment.id) => {}
            None => check
                .finding(
                    paths::segment(s),
                    "canvas.touch.no_journey",
                    "No journey is described for \"{name}\", so none of its service moments are",
                )
                .arg("name", segment.name.as_str())
                .emit(),
        }
    }
}

pub(super) const VOICES: FnRule<Canvas> = FnRule::new(
    completeness(
        "CANVAS-INSIGHT-001",
        "Insight listens to customers, employees and the operation",
        "Customer understanding comes from three voices: the voice of the customer, of the \
         employee and of the operation; missing one leaves a blind spot. Without the voice of \
         the customer the strategy has no customer understanding at all, so that finding keeps \
         the rule's severity; a missing voice of the employee or of the operation is a blind \
         spot, not an absence, and is at most a warning.",
    ),
    voices,
);

fn voices(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    let sources = &canvas.steering.insight.sources;
    for (voice, name) in [
        (Voice::Customer, "customer"),
        (Voice::Employee, "employee"),
        (Voice::Operation, "operation"),
    ] {
        if !sources.iter().any(|s| s.voice == voice) {
            let finding = check
                .finding(
                    paths::at("/steering/insight/sources"),
                    "canvas.insight.missing_voice",
                    "No listening source carries the voice of the {voice}",
                )
                .arg("voice", name);
            if voice == Voice::Customer {
                finding.emit();
            } else {
                finding.at_most(Severity::Warning).emit();
            }
        }
    }
}

pub(super) const CUSTOMER_MEASURES: FnRule<Canvas> = FnRule::new(
    completeness(
        "CANVAS-PERF-001",
        "Customer measures exist, not only business ones",
        "Metrics should target, benchmark and monitor what customers value; a scorecard of \
         business measures alone cannot show whether customers are better off.",
    ),
    customer_measures,
);

fn customer_measures(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    let metrics = &canvas.steering.performance.metrics;
    if !metrics
        .iter()
        .any(|m| m.perspective == Perspective::Customer)
    {
        check
            .finding(
                paths::at("/steering/performance/metrics"),
                "canvas.performance.no_customer_measure",
                "None of the {count} metric(s) measures value as customers see it",
            )
            .arg("count", metrics.len())
            .emit();
    }
}

pub(super) const METRIC_TARGET: FnRule<Canvas> = FnRule::new(
    completeness(
        "CANVAS-PERF-002",
        "Every metric has a target",
        "A metric without a target can be reported but not managed. Metrics marked \
         `monitor_only` are tracked on purpose without a target of their own (watched for a \
         change of trend) and are not asked for one.",
    ),
    metric_target,
);

fn metric_target(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    report_lacking(
        check,
        &canvas.steering.performance.metrics,
        |metric| metric.target.is_none() && !metric.monitor_only,
        |metric| &metric.name,
        |m| paths::metric(m).key("target"),
        "canvas.performance.no_target",
        "The metric \"{name}\" has no target",
    );
}

pub(super) const METRIC_OWNER: FnRule<Canvas> = FnRule::new(
    completeness(
        "CANVAS-PERF-003",
        "Every metric has an owner",
        "A metric nobody answers for drifts; each one needs a function accountable for it.",
    ),
    metric_owner,
);

fn metric_owner(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    report_lacking(
        check,
        &canvas.steering.performance.metrics,
        |metric| metric.owner.is_none(),
        |metric| &metric.name,
        |m| paths::metric(m).key("owner"),
        "canvas.performance.no_owner",
        "No function owns the metric \"{name}\"",
    );
}

pub(super) const INCENTIVES: FnRule<Canvas> = FnRule::new(
    completeness(
        "CANVAS-PERF-004",
        "Incentives reward at least one customer measure",
        "People do what they are rewarded for; incentives tied only to business measures \
         teach them that the customer comes second.",
    ),
    incentives,
);

fn incentives(canvas: &Canvas, index: &CanvasIndex, check: &mut Check<'_>) {
    let performance = &canvas.steering.performance;
    let rewards_customer = performance.incentives.iter().any(|incentive| {
        incentive.rewards.iter().any(|id| {
            index
                .metrics(canvas)
                .get(id)
                .and_then(|&m| performance.metrics.get(m))
                .is_some_and(|metric| metric.perspective == Perspective::Customer)
        })
    });
    if rewards_customer {
        return;
    }
    let (key, template) = if performance.incentives.is_empty() {
        (
            "canvas.performance.no_incentives",
            "No incentives are described, so none rewards a customer measure",
        )
    } else {
        (
            "canvas.performance.incentives_ignore_customers",
            "None of the incentives rewards a customer measure",
        )
    };
    check
        .finding(paths::at("/steering/performance/incentives"), key, template)
        .hint("Tie at least one incentive to a metric whose perspective is `customer`.")
        .emit();
}

pub(super) const RETURNS_MEASURED: FnRule<Canvas> = FnRule::new(
    completeness(
        "CANVAS-PERF-005",
        "Both the customer's and the business's return are measured",
        "Value runs both ways, and so must measurement: what the customer gets from the \
         proposition and what the business gets back.",
    ),
    returns_measured,
);

fn returns_measured(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    let metrics = &canvas.steering.performance.metrics;
    // The customer's return shows in what the proposition and objectives deliver;
    // the business's in its goals, objectives and offerings.
    let customer = metrics.iter().any(|m| {
        m.perspective == Perspective::Customer
            && m.measures.iter().any(|x| {
                matches!(
                    x,
                    Measured::ValueElement(_)
                        | Measured::Objective(_)
                        | Measured::Journey(_)
                        | Measured::TouchPoint(_)
                        | Measured::Segment(_)
                        | Measured::Offering(_)
                )
            })
    });
    let business = metrics.iter().any(|m| {
        m.perspective == Perspective::Business
            && m.measures.iter().any(|x| {
                matches!(
                    x,
                    Measured::BusinessGoal(_) | Measured::Objective(_) | Measured::Offering(_)
                )
            })
    });
    for (measured, side) in [(customer, "customer"), (business, "business")] {
        if !measured {
            check
                .finding(
                    paths::at("/steering/performance/metrics"),
                    "canvas.performance.return_unmeasured",
                    "No {side} metric measures the {side}'s return",
                )
                .arg("side", side)
                .emit();
        }
    }
}

pub(super) const GOVERNANCE_OWNER: FnRule<Canvas> = FnRule::new(
    completeness(
        "CANVAS-GOV-001",
        "Someone oversees the strategy",
        "Governance says who oversees the strategy, keeps its momentum and sets priorities.",
    ),
    governance_owner,
);

fn governance_owner(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    if canvas.steering.governance.owner.is_none() {
        check
            .finding(
                paths::at("/steering/governance/owner"),
                "canvas.governance.no_owner",
                "No one is named to oversee the strategy",
            )
            .emit();
    }
}

pub(super) const GOVERNANCE_FORUM: FnRule<Canvas> = FnRule::new(
    completeness(
        "CANVAS-GOV-002",
        "A forum reviews the strategy",
        "A strategy is kept alive in a standing forum where progress is assessed and \
         activities are prioritised.",
    ),
    governance_forum,
);

fn governance_forum(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    if canvas.steering.governance.forum.trim().is_empty() {
        check
            .finding(
                paths::at("/steering/governance/forum"),
                "canvas.governance.no_forum",
                "No forum is named to review the strategy",
            )
            .emit();
    }
}

pub(super) const REVIEW_CADENCE: FnRule<Canvas> = FnRule::new(
    completeness(
        "CANVAS-GOV-003",
        "The review cadence is stated",
        "A strategy meant to adapt to a changing market needs a rhythm of review.",
    ),
    review_cadence,
);

fn review_cadence(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    if canvas.steering.governance.review_cadence.is_none() {
        check
            .finding(
                paths::at("/steering/governance/review_cadence"),
                "canvas.governance.no_cadence",
                "The canvas does not say how often the strategy is reviewed",
            )
            .emit();
    }
}

const MAX_REVIEW_DAYS: IntegerParam = IntegerParam::new(
    "max_days",
    "The longest acceptable interval between two reviews, in days",
    92,
    1,
    366,
);

pub(super) const REVIEW_CADENCE_LENGTH: FnRule<Canvas> = FnRule::new(
    advice(
        "CANVAS-GOV-004",
        "The strategy is reviewed often enough",
        "Momentum is lost between reviews that are too far apart. The sources give no \
         interval: a quarter (92 days) is the crate's default, the usual longest rhythm of an \
         executive review.",
    )
    .with_params(&[MAX_REVIEW_DAYS.spec()]),
    review_cadence_length,
);

fn review_cadence_length(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    let Some(cadence) = canvas.steering.governance.review_cadence else {
        return;
    };
    let max = check.params().integer(&MAX_REVIEW_DAYS);
    let days = i64::from(cadence.max_days());
    if days > max {
        check
            .finding(
                paths::at("/steering/governance/review_cadence"),
                "canvas.governance.cadence_too_long",
                "Reviews up to {days} days apart are too far apart; the longest interval allowed is {max} days",
            )
            .arg("days", days)
            .arg("max", max)
            .emit();
    }
}

pub(super) const CXO_ROLES: FnRule<Canvas> = FnRule::new(
    completeness(
        "CANVAS-PEOPLE-001",
        "Executives hold customer roles",
        "Each executive takes on a customer role, which need not follow their function: \
         finance may lead putting the customer first, IT may lead understanding the customer.",
    ),
    cxo_roles,
);

fn cxo_roles(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    let roles = &canvas.value_chain.people.cxo_roles;
    if roles.is_empty() {
        check
            .finding(
                paths::at("/value_chain/people/cxo_roles"),
                "canvas.people.no_cxo_roles",
                "No executive is given a customer role",
            )
            .emit();
        return;
    }
    for (r, role) in roles.iter().enumerate() {
        if role.customer_role.trim().is_empty() {
            check
                .finding(
                    paths::at("/value_chain/people/cxo_roles")
                        .index(r)
                        .key("customer_role"),
                    "canvas.people.no_customer_role",
                    "{executive} ({role}) holds no customer role",
                )
                .arg("executive", role.executive.as_str())
                .arg("role", role.role.as_str())
                .emit();
        }
    }
}

pub(super) const CULTURE_PRACTICES: FnRule<Canvas> = FnRule::new(
    completeness(
        "CANVAS-PEOPLE-002",
        "Culture practices are named",
        "A strategy people do not embrace sits on the shelf; the canvas names the practices \
         that make customer impact weigh in everyday decisions.",
    ),
    culture_practices,
);

fn culture_practices(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    if canvas.value_chain.people.culture_practices.is_empty() {
        check
            .finding(
                paths::at("/value_chain/people/culture_practices"),
                "canvas.people.no_practices",
                "No culture practice is named to embed the customer in decisions",
            )
            .emit();
    }
}
