//! What kind of strategy this is, over what horizon, and who stands behind it.

use std::collections::BTreeSet;

use chrono::Days;

use super::{CanvasIndex, advice, completeness, mistake, paths};
use crate::canvas::{Canvas, Function, Horizon, OrganizationKind, Role, ScopeArea};
use crate::validate::{Check, FnRule, IntegerParam, Severity, TextParam};

pub(super) const SCOPE_PRODUCT_AND_PRICING: FnRule<Canvas> = FnRule::new(
    mistake(
        "CANVAS-SCOPE-001",
        "The scope covers product and pricing",
        "A strategy that covers only the support layer, or only insight and culture, and says \
         nothing of how the core product and its pricing serve customers, is a customer service \
         strategy or a customer insight strategy, not a customer strategy. A public service or \
         a non-profit (`organization_kind`) whose users may pay nothing can instead state in \
         `not_in_scope` that pricing does not apply, with the reason.",
    ),
    scope_product_and_pricing,
);

/// Whether the canvas says, with a reason, that `area` does not apply.
fn left_out_with_reason(canvas: &Canvas, area: ScopeArea) -> bool {
    canvas
        .metadata
        .not_in_scope
        .iter()
        .any(|e| e.area == area && !e.reason.trim().is_empty())
}

fn scope_product_and_pricing(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    let scope = &canvas.metadata.scope;
    if scope.is_empty() {
        return; // CANVAS-SCOPE-002 asks for a scope at all.
    }
    let kind = canvas.metadata.organization_kind;
    let pricing_waived =
        kind.may_leave_out_pricing() && left_out_with_reason(canvas, ScopeArea::Pricing);
    let missing: Vec<&str> = [ScopeArea::Product, ScopeArea::Pricing]
        .into_iter()
        .filter(|area| !scope.contains(area))
        .filter(|area| !(*area == ScopeArea::Pricing && pricing_waived))
        .map(ScopeArea::as_str)
        .collect();
    if missing.is_empty() {
        return;
    }
    let service = scope.contains(&ScopeArea::ServiceAndSupport);
    let insight = scope
        .iter()
        .any(|a| matches!(a, ScopeArea::Insight | ScopeArea::Culture));
    let strategy_kind = match (service, insight) {
        (true, false) => "customer service strategy",
        (false, true) => "customer insight strategy",
        (true, true) => "customer service and insight strategy",
        (false, false) => "partial plan",
    };
    check
        .finding(
            paths::at("/metadata/scope"),
            "canvas.scope.not_customer_strategy",
            "The scope leaves out {missing}: as written this is a {kind}, not a customer strategy",
        )
        .arg("missing", missing.join(" and "))
        .arg("kind", strategy_kind)
        .hint(if kind.may_leave_out_pricing() {
            "Say how the core offer and its pricing contribute to customer outcomes and add them to the scope, or, where users pay nothing, list `pricing` under `not_in_scope` with the reason."
        } else {
            "Say how the core offer and its pricing contribute to customer outcomes, and add `product` and `pricing` to the scope."
        })
        .emit();
}

pub(super) const SCOPE_STATED: FnRule<Canvas> = FnRule::new(
    completeness(
        "CANVAS-SCOPE-002",
        "The scope of the strategy is stated",
        "Whether a document is a customer strategy depends on what it covers; a canvas that \
         does not say cannot be judged.",
    ),
    scope_stated,
);

fn scope_stated(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    if canvas.metadata.scope.is_empty() {
        check
            .finding(
                paths::at("/metadata/scope"),
                "canvas.scope.missing",
                "The canvas does not say which areas of the business the strategy covers",
            )
            .emit();
    }
}

pub(super) const HORIZON_STATED: FnRule<Canvas> = FnRule::new(
    completeness(
        "CANVAS-HORIZON-001",
        "The horizon of the strategy is stated",
        "A customer strategy plans for a period, typically three to five years; without \
         dates it cannot be planned against or reviewed.",
    ),
    horizon_stated,
);

fn horizon_stated(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    if canvas.metadata.horizon.is_none() {
        check
            .finding(
                paths::at("/metadata/horizon"),
                "canvas.horizon.missing",
                "The canvas does not say when the strategy starts and ends",
            )
            .emit();
    }
}

pub(super) const HORIZON_ORDER: FnRule<Canvas> = FnRule::new(
    mistake(
        "CANVAS-HORIZON-002",
        "The horizon ends after it starts",
        "A horizon whose end is not after its start is a typing mistake that makes every \
         date-based judgement meaningless.",
    ),
    horizon_order,
);

fn horizon_order(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    if let Some(Horizon { start, end }) = canvas.metadata.horizon
        && end <= start
    {
        check
            .finding(
                paths::at("/metadata/horizon/end"),
                "canvas.horizon.reversed",
                "The horizon ends on {end}, which is not after its start on {start}",
            )
            .arg("start", start.to_string())
            .arg("end", end.to_string())
            .related(paths::at("/metadata/horizon/start"))
            .emit();
    }
}

const MIN_YEARS: IntegerParam = IntegerParam::new(
    "min_years",
    "The shortest horizon, in years, a customer strategy should cover",
    3,
    1,
    30,
);
const MAX_YEARS: IntegerParam = IntegerParam::new(
    "max_years",
    "The longest horizon, in years, a customer strategy should cover",
    5,
    1,
    30,
);

pub(super) const HORIZON_LENGTH: FnRule<Canvas> = FnRule::new(
    advice(
        "CANVAS-HORIZON-003",
        "The horizon spans three to five years",
        "A customer strategy looks three to five years ahead: long enough to change how the \
         business acquires, keeps and grows customers, short enough to stay adaptive.",
    )
    .with_params(&[MIN_YEARS.spec(), MAX_YEARS.spec()]),
    horizon_length,
);

fn horizon_length(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    let Some(Horizon { start, end }) = canvas.metadata.horizon else {
        return;
    };
    if end <= start {
        return; // CANVAS-HORIZON-002 reports a reversed horizon.
    }
    // The end date is the last day covered, so 2026-01-01 to 2028-12-31 is 36 months.
    let months = Horizon {
        start,
        end: end.checked_add_days(Days::new(1)).unwrap_or(end),
    }
    .months();
    let min = check.params().integer(&MIN_YEARS);
    let max = check.params().integer(&MAX_YEARS);
    if months < min.saturating_mul(12) || months > max.saturating_mul(12) {
        check
            .finding(
                paths::at("/metadata/horizon"),
                "canvas.horizon.length",
                "The horizon covers {months} months; a customer strategy should look {min_years} to {max_years} years ahead",
            )
            .arg("months", months)
            .arg("min_years", min)
            .arg("max_years", max)
            .emit();
    }
}

pub(super) const SPONSOR_NAMED: FnRule<Canvas> = FnRule::new(
    completeness(
        "CANVAS-OWNER-001",
        "An executive sponsors the strategy",
        "A customer strategy is the business strategy reframed around the customer; it needs \
         a sponsor at the top, usually the chief executive.",
    ),
    sponsor_named,
);

fn sponsor_named(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    if canvas.metadata.sponsor.is_none() {
        check
            .finding(
                paths::at("/metadata/sponsor"),
                "canvas.owner.no_sponsor",
                "No executive sponsor is named",
            )
            .emit();
    }
}

/// The names of every role, the values `sponsor_role` may take.
const ROLE_NAMES: &[&str] = &[
    "chief_executive",
    "chief_customer_officer",
    "customer_director",
    "chief_marketing_officer",
    "head_of_customer_experience",
    "chief_financial_officer",
    "chief_operating_officer",
    "chief_technology_officer",
    "chief_data_officer",
    "chief_people_officer",
    "chief_risk_officer",
    "executive",
    "director",
    "manager",
    "board_member",
    "other",
    "owner",
    "managing_director",
];

const SPONSOR_ROLE_PARAM: TextParam = TextParam::new(
    "sponsor_role",
    "The role expected to sponsor the strategy; when not configured, the roles the \
     organization kind expects (see the rationale)",
    "chief_executive",
    ROLE_NAMES,
);

/// The roles that may sponsor the strategy of a kind of organization, the
/// usual one first.
const fn sponsor_roles(kind: OrganizationKind) -> &'static [Role] {
    match kind {
        OrganizationKind::BusinessUnit => &[Role::ManagingDirector, Role::ChiefExecutive],
        OrganizationKind::SmallBusiness => {
            &[Role::Owner, Role::ManagingDirector, Role::ChiefExecutive]
        }
        _ => &[Role::ChiefExecutive],
    }
}

pub(super) const SPONSOR_ROLE: FnRule<Canvas> = FnRule::new(
    advice(
        "CANVAS-OWNER-002",
        "The sponsor holds the expected role",
        "Customer strategy should be part of the corporate strategy and led from the top; a \
         sponsor below the top of the organization signals a departmental plan. The top \
         depends on the organization kind: the chief executive of an enterprise, public \
         service or non-profit; the managing director of a business unit (or the group's chief \
         executive); the owner, managing director or chief executive of a small business. A \
         configured `sponsor_role` replaces these.",
    )
    .with_params(&[SPONSOR_ROLE_PARAM.spec()]),
    sponsor_role,
);

fn sponsor_role(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    let Some(sponsor) = &canvas.metadata.sponsor else {
        return;
    };
    let expected = if check
        .params()
        .is_configured(SPONSOR_ROLE_PARAM.spec().name())
    {
        let role = check.params().text(&SPONSOR_ROLE_PARAM);
        if sponsor.role.as_str() == role {
            return;
        }
        role.replace('_', " ")
    } else {
        let roles = sponsor_roles(canvas.metadata.organization_kind);
        if roles.contains(&sponsor.role) {
            return;
        }
        let names: Vec<String> = roles.iter().map(|r| r.as_str().replace('_', " ")).collect();
        names.join(" or ")
    };
    check
        .finding(
            paths::at("/metadata/sponsor/role"),
                "canvas.owner.sponsor_role",
                "The sponsor {name} is {role}; the strategy of this {kind} should be sponsored by the {expected}",
            )
            .arg("name", sponsor.name.as_str())
            .arg("role", sponsor.role.as_str())
            .arg("expected", expected)
            .arg("kind", canvas.metadata.organization_kind.as_str().replace('_', " "))
            .emit();
}

pub(super) const OWNER_NAMED: FnRule<Canvas> = FnRule::new(
    completeness(
        "CANVAS-OWNER-003",
        "Someone owns the strategy day to day",
        "A customer strategy is developed and run by a named leader, such as a chief customer \
         officer, customer director, chief marketing officer or head of customer experience.",
    ),
    owner_named,
);

fn owner_named(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    if canvas.metadata.owner.is_none() {
        check
            .finding(
                paths::at("/metadata/owner"),
                "canvas.owner.no_owner",
                "No owner is named to develop and run the strategy",
            )
            .emit();
    }
}

pub(super) const OWNER_ROLE: FnRule<Canvas> = FnRule::new(
    advice(
        "CANVAS-OWNER-004",
        "The owner holds a customer leadership role",
        "The strategy is best run by someone whose job is the customer: a chief customer \
         officer, customer director, chief marketing officer or head of customer experience. \
         A small business (`organization_kind = \"small_business\"`) rarely has such a role: \
         there the owner or founder, the managing director or the chief executive may own it.",
    ),
    owner_role,
);

fn owner_role(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    let small = canvas.metadata.organization_kind == OrganizationKind::SmallBusiness;
    if let Some(owner) = &canvas.metadata.owner
        && !owner.role.is_customer_leadership()
        && !(small
            && matches!(
                owner.role,
                Role::Owner | Role::ManagingDirector | Role::ChiefExecutive
            ))
    {
        check
            .finding(
                paths::at("/metadata/owner/role"),
                "canvas.owner.owner_role",
                "The owner {name} is {role}, not in a customer leadership role",
            )
            .arg("name", owner.name.as_str())
            .arg("role", owner.role.as_str())
            .hint("Give ownership to a chief customer officer, customer director, chief marketing officer or head of customer experience.")
            .emit();
    }
}

const MIN_FUNCTIONS: IntegerParam = IntegerParam::new(
    "min_functions",
    "The fewest different functions the stakeholders must come from; when not configured, \
     2 for a small business or a non-profit and 3 for other organizations",
    3,
    1,
    20,
);

/// The fewest functions that must sign, by kind of organization, unless
/// `min_functions` is configured.
const fn min_functions(kind: OrganizationKind) -> i64 {
    match kind {
        OrganizationKind::SmallBusiness | OrganizationKind::NonProfit => 2,
        _ => 3,
    }
}

pub(super) const STAKEHOLDER_FUNCTIONS: FnRule<Canvas> = FnRule::new(
    completeness(
        "CANVAS-OWNER-005",
        "Stakeholders come from several functions",
        "A customer strategy spans every function and is agreed jointly with each functional \
         strategy; stakeholders from a single function make it a departmental plan. The sources \
         give no number: the crate's default asks for 3 functions, the fewest that bring the \
         front office, the back office and the money to one table, and 2 in a small business \
         or a non-profit, which often has only a handful of functions.",
    )
    .with_params(&[MIN_FUNCTIONS.spec()]),
    stakeholder_functions,
);

fn stakeholder_functions(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    let functions: BTreeSet<Function> = canvas
        .metadata
        .stakeholders
        .iter()
        .map(|s| s.function)
        .collect();
    let min = if check.params().is_configured(MIN_FUNCTIONS.spec().name()) {
        check.params().integer(&MIN_FUNCTIONS)
    } else {
        min_functions(canvas.metadata.organization_kind)
    };
    let found = i64::try_from(functions.len()).unwrap_or(i64::MAX);
    if found < min {
        check
            .finding(
                paths::at("/metadata/stakeholders"),
                "canvas.owner.few_functions",
                "The stakeholders come from {found} function(s); at least {min} should take part",
            )
            .arg("found", found)
            .arg("min", min)
            .emit();
    }
}

pub(super) const STAKEHOLDER_SIGN_OFF: FnRule<Canvas> = FnRule::new(
    completeness(
        "CANVAS-OWNER-006",
        "Every stakeholder has signed off",
        "A strategy owned by everyone needs everyone's agreement. An approved (or superseded) \
         canvas without a stakeholder's signature claims an agreement it does not have; a \
         canvas proposed for sign-off is by definition still gathering signatures, so there \
         the finding lists who still has to sign, as information.",
    ),
    stakeholder_sign_off,
);

fn stakeholder_sign_off(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    let agreed = canvas.metadata.stage.needs_signatures();
    for (i, stakeholder) in canvas.metadata.stakeholders.iter().enumerate() {
        if stakeholder.signed_off.is_none() {
            let path = paths::at("/metadata/stakeholders")
                .index(i)
                .key("signed_off");
            if agreed {
                check
                    .finding(
                        path,
                        "canvas.owner.not_signed_off",
                        "{name} ({function}) has not signed the strategy off",
                    )
                    .arg("name", stakeholder.name.as_str())
                    .arg("function", stakeholder.function.as_str())
                    .emit();
            } else {
                check
                    .finding(
                        path,
                        "canvas.owner.still_to_sign",
                        "{name} ({function}) has still to sign the strategy off",
                    )
                    .arg("name", stakeholder.name.as_str())
                    .arg("function", stakeholder.function.as_str())
                    .at_most(Severity::Info)
                    .emit();
            }
        }
    }
}

pub(super) const SIGN_AGAIN: FnRule<Canvas> = FnRule::new(
    mistake(
        "CANVAS-OWNER-009",
        "Signatures postdate the latest material change",
        "A signature agrees to the strategy as it stood. When a revision recorded in the \
         history changes something material (a segment, a need, a value element, an objective \
         or a target; see `CanvasDiff`) after a stakeholder signed, the approved canvas no \
         longer has that stakeholder's agreement: they need to sign again. Only approved and \
         superseded canvases are judged.",
    ),
    sign_again,
);

fn sign_again(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    let metadata = &canvas.metadata;
    if !metadata.stage.needs_signatures() {
        return;
    }
    let Some((h, latest)) = metadata
        .history
        .iter()
        .enumerate()
        .filter(|(_, note)| note.material)
        .max_by_key(|(_, note)| note.date)
    else {
        return;
    };
    for (i, stakeholder) in metadata.stakeholders.iter().enumerate() {
        if let Some(signed) = stakeholder.signed_off
            && signed < latest.date
        {
            check
                .finding(
                    paths::at("/metadata/stakeholders")
                        .index(i)
                        .key("signed_off"),
                    "canvas.owner.sign_again",
                    "{name} ({function}) signed on {signed}, before revision {revision} of {date} changed something material: they need to sign again",
                )
                .arg("name", stakeholder.name.as_str())
                .arg("function", stakeholder.function.as_str())
                .arg("signed", signed.to_string())
                .arg("revision", latest.revision)
                .arg("date", latest.date.to_string())
                .related(paths::at("/metadata/history").index(h))
                .emit();
        }
    }
}

pub(super) const FUNCTIONAL_ALIGNMENT: FnRule<Canvas> = FnRule::new(
    completeness(
        "CANVAS-OWNER-007",
        "Every functional strategy is aligned",
        "The customer strategy threads principles through every other plan; a functional \
         strategy that has not been aligned with it pulls the other way. Alignment is agreed \
         at sign-off, so before a canvas is approved the finding is information.",
    ),
    functional_alignment,
);

fn functional_alignment(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    for (i, strategy) in canvas.metadata.functional_strategies.iter().enumerate() {
        if !strategy.aligned {
            let finding = check
                .finding(
                    paths::at("/metadata/functional_strategies")
                        .index(i)
                        .key("aligned"),
                    "canvas.owner.not_aligned",
                    "The functional strategy \"{name}\" is not yet aligned with the customer strategy",
                )
                .arg("name", strategy.name.as_str());
            if canvas.metadata.stage.needs_signatures() {
                finding.emit();
            } else {
                finding.at_most(Severity::Info).emit();
            }
        }
    }
}

pub(super) const SINGLE_DEPARTMENT: FnRule<Canvas> = FnRule::new(
    advice(
        "CANVAS-OWNER-008",
        "The strategy is not owned by one department",
        "Unlike an HR or IT strategy, a customer strategy is owned by everyone; when its owner \
         and all its stakeholders sit in one function, it has become a departmental plan.",
    ),
    single_department,
);

fn single_department(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    let Some(owner) = &canvas.metadata.owner else {
        return;
    };
    let stakeholders = &canvas.metadata.stakeholders;
    // Without stakeholders, CANVAS-OWNER-005 asks for them.
    if !stakeholders.is_empty() && stakeholders.iter().all(|s| s.function == owner.function) {
        check
            .finding(
                paths::at("/metadata/owner/function"),
                "canvas.owner.single_department",
                "The owner and every stakeholder belong to {function}: the strategy is owned by one department",
            )
            .arg("function", owner.function.as_str())
            .hint("Bring in stakeholders from the other functions the strategy depends on.")
            .emit();
    }
}

/// Keeps the role list in step with the model.
#[cfg(test)]
mod tests {
    #[test]
    fn role_names_are_every_role() {
        let names: Vec<&str> = crate::canvas::Role::ALL
            .iter()
            .map(|r| r.as_str())
            .collect();
        assert_eq!(names, super::ROLE_NAMES);
    }
}
