//! Text hygiene: names that say something, and text of a sensible length.

use super::{CanvasIndex, advice, paths};
use crate::canvas::{Canvas, Person};
use crate::validate::{Check, FnRule, IntegerParam, JsonPointer, RuleMeta, Severity};

pub(super) const BLANK_NAMES: FnRule<Canvas> = FnRule::new(
    RuleMeta::new(
        "CANVAS-TEXT-001",
        "Names and statements are not blank",
        Severity::Error,
        "An element whose name is empty or only spaces cannot be discussed in a workshop, \
         referred to in a report, or told apart from its neighbours.",
    )
    .with_draft_severity(Severity::Warning)
    .with_tags(&["canvas", "hygiene"]),
    blank_names,
);

fn blank_names(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    walk(canvas, &mut |text, is_name, path| {
        // Stops at the first character that is not whitespace: one read per name.
        if is_name && text.chars().all(char::is_whitespace) {
            check
                .finding(
                    path(),
                    "canvas.text.blank",
                    "This name is empty or only whitespace",
                )
                .emit();
        }
    });
}

const MAX_CHARS: IntegerParam = IntegerParam::new(
    "max_chars",
    "The longest text, in characters, any one field may hold",
    2000,
    1,
    1_000_000,
);

pub(super) const TEXT_LENGTH: FnRule<Canvas> = FnRule::new(
    advice(
        "CANVAS-TEXT-002",
        "No text is longer than the limit",
        "A canvas is read on one page in a workshop; a field that runs to pages belongs in \
         the plans the strategy feeds, not in the canvas. The limit of 2,000 characters (about \
         a third of a page) is the crate's default, not the sources'.",
    )
    .with_tags(&["canvas", "hygiene"])
    .with_params(&[MAX_CHARS.spec()]),
    text_length,
);

fn text_length(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    let max = usize::try_from(check.params().integer(&MAX_CHARS)).unwrap_or(usize::MAX);
    walk(canvas, &mut |text, _, path| {
        // A text of at most `max` bytes has at most `max` characters: count only longer ones.
        if text.len() > max {
            let chars = text.chars().count();
            if chars > max {
                check
                    .finding(
                        path(),
                        "canvas.text.too_long",
                        "This text is {chars} characters long, over the limit of {max}",
                    )
                    .arg("chars", chars)
                    .arg("max", max)
                    .emit();
            }
        }
    });
}

/// Visits a piece of text: the text, whether it names an element (and so must
/// not be blank), and how to build its path should a finding need it.
type Visit<'v> = dyn FnMut(&str, bool, &dyn Fn() -> JsonPointer) + 'v;

/// Calls `visit` on every piece of text in the canvas, in document order.
#[allow(clippy::too_many_lines)] // one flat walk over the model reads best
fn walk(canvas: &Canvas, visit: &mut Visit<'_>) {
    let at = paths::at;
    let m = &canvas.metadata;
    visit(&m.name, true, &|| at("/metadata/name"));
    visit(&m.organization, true, &|| at("/metadata/organization"));
    if let Some(sponsor) = &m.sponsor {
        person(visit, sponsor, &|| at("/metadata/sponsor"));
    }
    if let Some(owner) = &m.owner {
        person(visit, owner, &|| at("/metadata/owner"));
    }
    for (i, s) in m.stakeholders.iter().enumerate() {
        visit(&s.name, true, &|| {
            at("/metadata/stakeholders").index(i).key("name")
        });
    }
    for (i, s) in m.functional_strategies.iter().enumerate() {
        visit(&s.name, true, &|| {
            at("/metadata/functional_strategies").index(i).key("name")
        });
    }

    let f = &canvas.foundation;
    visit(&f.purpose, false, &|| at("/foundation/purpose"));
    visit(&f.vision, false, &|| at("/foundation/vision"));
    visit(&f.mission, false, &|| at("/foundation/mission"));
    list(visit, &f.values, &|| at("/foundation/values"));
    for (g, goal) in f.business_goals.iter().enumerate() {
        visit(&goal.statement, true, &|| paths::goal(g).key("statement"));
    }

    let b = &canvas.context.business;
    visit(&b.business_model, false, &|| {
        at("/context/business/business_model")
    });
    list(visit, &b.growth_objectives, &|| {
        at("/context/business/growth_objectives")
    });
    list(visit, &b.financial_priorities, &|| {
        at("/context/business/financial_priorities")
    });
    visit(&b.customer_value_delivery, false, &|| {
        at("/context/business/customer_value_delivery")
    });
    list(visit, &b.key_challenges, &|| {
        at("/context/business/key_challenges")
    });

    let c = &canvas.context.customer;
    for (s, segment) in c.segments.iter().enumerate() {
        visit(&segment.name, true, &|| paths::segment(s).key("name"));
        visit(&segment.description, false, &|| {
            paths::segment(s).key("description")
        });
        for (n, need) in segment.needs.iter().enumerate() {
            visit(&need.description, true, &|| {
                paths::need((s, n)).key("description")
            });
        }
        list(visit, &segment.motivations, &|| {
            paths::segment(s).key("motivations")
        });
        list(visit, &segment.jobs_to_be_done, &|| {
            paths::segment(s).key("jobs_to_be_done")
        });
        list(visit, &segment.priorities, &|| {
            paths::segment(s).key("priorities")
        });
    }
    list(visit, &c.priorities, &|| at("/context/customer/priorities"));

    let cv = &canvas.proposition.customer_value;
    visit(&cv.statement, false, &|| {
        at("/proposition/customer_value/statement")
    });
    for (e, element) in cv.elements.iter().enumerate() {
        visit(&element.name, true, &|| paths::element(e).key("name"));
        visit(&element.description, false, &|| {
            paths::element(e).key("description")
        });
    }
    for (d, differentiator) in cv.differentiators.iter().enumerate() {
        let base = || at("/proposition/customer_value/differentiators").index(d);
        visit(&differentiator.competitor, true, &|| {
            base().key("competitor")
        });
        visit(&differentiator.difference, false, &|| {
            base().key("difference")
        });
    }

    let bv = &canvas.proposition.business_value;
    visit(&bv.expected_return, false, &|| {
        at("/proposition/business_value/expected_return")
    });
    for (i, investment) in bv.investments.iter().enumerate() {
        visit(&investment.description, true, &|| {
            at("/proposition/business_value/investments")
                .index(i)
                .key("description")
        });
    }
    for (i, benefit) in bv.stakeholder_benefits.iter().enumerate() {
        visit(&benefit.benefit, false, &|| {
            at("/proposition/business_value/stakeholder_benefits")
                .index(i)
                .key("benefit")
        });
    }

    let x = &canvas.proposition.experience;
    visit(&x.statement, false, &|| {
        at("/proposition/experience/statement")
    });
    for (j, journey) in x.journeys.iter().enumerate() {
        visit(&journey.name, true, &|| paths::journey(j).key("name"));
        for (s, stage) in journey.stages.iter().enumerate() {
            visit(&stage.name, true, &|| {
                paths::journey(j).key("stages").index(s).key("name")
            });
            for (t, touch_point) in stage.touch_points.iter().enumerate() {
                visit(&touch_point.name, true, &|| {
                    paths::touch_point((j, s, t)).key("name")
                });
            }
        }
    }

    let o = &canvas.value_chain.offerings;
    for (i, offering) in o.offerings.iter().enumerate() {
        visit(&offering.name, true, &|| paths::offering(i).key("name"));
        visit(&offering.customer_value, false, &|| {
            paths::offering(i).key("customer_value")
        });
        visit(&offering.business_value, false, &|| {
            paths::offering(i).key("business_value")
        });
    }
    for (g, gap) in o.capability_gaps.iter().enumerate() {
        visit(&gap.description, true, &|| paths::gap(g).key("description"));
        if let Some(investment) = &gap.investment {
            visit(&investment.description, true, &|| {
                paths::gap(g).key("investment").key("description")
            });
        }
    }
    for (i, capability) in canvas
        .value_chain
        .capabilities
        .capabilities
        .iter()
        .enumerate()
    {
        let base = || at("/value_chain/capabilities/capabilities").index(i);
        visit(&capability.name, true, &|| base().key("name"));
        visit(&capability.description, false, &|| {
            base().key("description")
        });
    }
    let p = &canvas.value_chain.people;
    visit(&p.organization, false, &|| {
        at("/value_chain/people/organization")
    });
    for (r, role) in p.cxo_roles.iter().enumerate() {
        let base = || at("/value_chain/people/cxo_roles").index(r);
        visit(&role.executive, true, &|| base().key("executive"));
        visit(&role.customer_role, false, &|| base().key("customer_role"));
    }
    for (i, practice) in p.culture_practices.iter().enumerate() {
        let base = || at("/value_chain/people/culture_practices").index(i);
        visit(&practice.name, true, &|| base().key("name"));
        visit(&practice.description, false, &|| base().key("description"));
    }

    let insight = &canvas.steering.insight;
    for (i, source) in insight.sources.iter().enumerate() {
        visit(&source.name, true, &|| {
            at("/steering/insight/sources").index(i).key("name")
        });
    }
    visit(&insight.value_linkage, false, &|| {
        at("/steering/insight/value_linkage")
    });

    let perf = &canvas.steering.performance;
    for (i, objective) in perf.objectives.iter().enumerate() {
        visit(&objective.statement, true, &|| {
            paths::objective(i).key("statement")
        });
    }
    for (i, metric) in perf.metrics.iter().enumerate() {
        visit(&metric.name, true, &|| paths::metric(i).key("name"));
        if let Some(target) = &metric.target {
            visit(&target.unit, false, &|| {
                paths::metric(i).key("target").key("unit")
            });
        }
    }
    for (i, incentive) in perf.incentives.iter().enumerate() {
        visit(&incentive.name, true, &|| paths::incentive(i).key("name"));
        visit(&incentive.applies_to, false, &|| {
            paths::incentive(i).key("applies_to")
        });
    }

    let gov = &canvas.steering.governance;
    if let Some(owner) = &gov.owner {
        person(visit, owner, &|| at("/steering/governance/owner"));
    }
    visit(&gov.forum, false, &|| at("/steering/governance/forum"));
    for (i, choice) in gov.will_not_do.iter().enumerate() {
        let base = || at("/steering/governance/will_not_do").index(i);
        visit(&choice.statement, true, &|| base().key("statement"));
        visit(&choice.reason, false, &|| base().key("reason"));
    }
}

fn person(visit: &mut Visit<'_>, person: &Person, base: &dyn Fn() -> JsonPointer) {
    visit(&person.name, true, &|| base().key("name"));
}

fn list(visit: &mut Visit<'_>, items: &[String], base: &dyn Fn() -> JsonPointer) {
    for (i, item) in items.iter().enumerate() {
        visit(item, true, &|| base().index(i));
    }
}
