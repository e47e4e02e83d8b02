//! Proptest strategies that generate any valid `Canvas`, shared by the integration tests.
//!
//! Every block, every struct and every enum variant of the model is reachable.
//! Strings are arbitrary Unicode (empty, whitespace, quotes, newlines, control
//! characters, non-ASCII); optional fields are present or absent; vectors are empty
//! or hold a few elements (`0..4`, so that cases stay fast); ids come from any
//! `u128`; dates and times range over everything `chrono` can represent.
//!
//! Enum strategies list their variants one by one on purpose: when a variant is
//! added to the model, the missing case shows up in review here.

#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::ops::Range;

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc};
use customer_strategy::{
    BusinessContext, BusinessGoal, BusinessValueProposition, Cadence, Canvas, CapabilityGap,
    CapabilityKind, Channel, Choice, Context, CulturePractice, CustomerContext, CustomerObjective,
    CustomerRole, CustomerSegment, CustomerStatus, CustomerValueProposition, CxoCustomerRole,
    Differentiator, Direction, Document, EvidenceSource, EvidenceStatus, ExperienceConcept,
    Foundation, Function, FunctionalStrategy, Governance, Horizon, Incentive, Insight, Investment,
    Journey, JourneyStage, LearningCard, Lifecycle, ListeningSource, Measured, Metadata, Metric,
    MetricCrossing, MetricKind, Money, Need, Observation, Offering, OfferingKind, OrganizationKind,
    PeopleAndCulture, Performance, Person, Perspective, ProductsAndServices,
    PropositionAndExperience, ReviewTrigger, RevisionNote, RevisionRef, Role, ScopeArea,
    ScopeExclusion, SegmentKind, Share, Stage, Stakeholder, StakeholderBenefit, StakeholderGroup,
    StatementEvidence, Steering, StrategyOption, SupportingCapabilities, SupportingCapability,
    Target, Term, TestCard, TouchPoint, TouchPointKind, ValueChain, ValueElement, Voice,
};
use proptest::array::uniform3;
use proptest::collection::vec;
use proptest::option::of as maybe;
use proptest::prelude::*;
use proptest::sample::select;
use uuid::Uuid;

/// How many elements a generated vector holds.
pub const SIZE: Range<usize> = 0..4;

// ---------------------------------------------------------------------------
// Scalars
// ---------------------------------------------------------------------------

/// Text that is hard to write correctly in JSON or TOML.
const TRICKY: &[&str] = &[
    " ",
    "   ",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\n\n",
    "\"",
    "\"\"\"",
    "'",
    "'''",
    "\\",
    "\\n",
    "\\u0000",
    "\u{0}",
    "\u{1}",
    "\u{8}",
    "\u{b}",
    "\u{c}",
    "\u{1b}",
    "\u{1f}",
    "\u{7f}",
    "\u{85}",
    "\u{a0}",
    "\u{200b}",
    "\u{2028}",
    "\u{2029}",
    "\u{feff}",
    "\u{fffd}",
    "\u{10ffff}",
    "#",
    "[",
    "]]",
    "=",
    "{}",
    "key = \"value\"",
    "[[table]]",
    "é",
    "Ünïcödé",
    "日本語",
    "😀",
    "👩‍👩‍👧",
    "ﷺ",
    "a\u{301}",
    "true",
    "1.0",
    "nan",
    "inf",
    "2026-01-01",
    "1979-05-27T07:32:00Z",
];

/// Ordinary words, for text that reads like a canvas.
const WORDS: &[&str] = &[
    "Customer",
    "strategy",
    "2026-2029",
    "Northgate Coffee",
    "first-time buyers",
    "NPS",
    "+5",
    "points",
    "we'll",
    "a, b.",
    "x",
    "0",
];

/// Any string: empty, whitespace only, tricky fragments, arbitrary characters
/// (control characters and non-ASCII included), and mixtures of them.
///
/// Built from `select` and `any::<char>()` rather than regexes, which are an
/// order of magnitude slower to generate in debug builds.
pub fn text() -> impl Strategy<Value = String> {
    let fragment = prop_oneof![
        3 => any::<char>().prop_map(String::from),
        2 => select(TRICKY).prop_map(str::to_owned),
        2 => select(WORDS).prop_map(str::to_owned),
    ];
    prop_oneof![
        1 => Just(String::new()),
        1 => select(TRICKY).prop_map(str::to_owned),
        4 => vec(fragment, 1..6).prop_map(|parts| parts.concat()),
    ]
}

/// A vector of any strings.
pub fn texts() -> impl Strategy<Value = Vec<String>> {
    vec(text(), SIZE)
}

/// Any date `chrono` can represent, with the ends of the range and the edges of
/// four-digit years favoured.
pub fn date() -> impl Strategy<Value = NaiveDate> {
    let days = NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce();
    prop_oneof![
        1 => Just(NaiveDate::MIN),
        1 => Just(NaiveDate::MAX),
        1 => select(vec![
            ymd(-1, 12, 31),
            ymd(0, 1, 1),
            ymd(1, 1, 1),
            ymd(1970, 1, 1),
            ymd(2000, 2, 29),
            ymd(9999, 12, 31),
            ymd(10_000, 1, 1),
        ]),
        4 => (ymd(1900, 1, 1).num_days_from_ce()..ymd(2100, 1, 1).num_days_from_ce())
            .prop_map(|days| NaiveDate::from_num_days_from_ce_opt(days).unwrap()),
        4 => days.prop_map(|days| NaiveDate::from_num_days_from_ce_opt(days).unwrap()),
    ]
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

/// Any instant `chrono` can represent in UTC, to the nanosecond, leap seconds included.
pub fn datetime() -> impl Strategy<Value = DateTime<Utc>> {
    let seconds = DateTime::<Utc>::MIN_UTC.timestamp()..=DateTime::<Utc>::MAX_UTC.timestamp();
    let recent = ymd(1900, 1, 1)
        .and_time(NaiveTime::MIN)
        .and_utc()
        .timestamp()
        ..ymd(2100, 1, 1)
            .and_time(NaiveTime::MIN)
            .and_utc()
            .timestamp();
    let nanos = prop_oneof![Just(0_u32), Just(999_999_999), 0..1_000_000_000_u32];
    prop_oneof![
        1 => Just(DateTime::<Utc>::MIN_UTC),
        1 => Just(DateTime::<Utc>::MAX_UTC),
        1 => (date(), 1_000_000_000..2_000_000_000_u32).prop_map(|(day, nanos)| {
            // A leap second: 23:59:60 and a fraction.
            day.and_hms_nano_opt(23, 59, 59, nanos)
                .map_or(DateTime::<Utc>::MIN_UTC, |t| t.and_utc())
        }),
        4 => (recent, nanos.clone())
            .prop_map(|(s, n)| DateTime::from_timestamp(s, n).unwrap()),
        4 => (seconds, nanos).prop_map(|(s, n)| DateTime::from_timestamp(s, n).unwrap()),
    ]
}

/// Any share from `0.0` to `1.0`, the exact ends included.
pub fn share() -> impl Strategy<Value = Share> {
    prop_oneof![
        1 => select(vec![
            0.0,
            1.0,
            0.5,
            f64::MIN_POSITIVE,
            f64::from_bits(1), // the smallest subnormal
            1.0 - f64::EPSILON / 2.0, // the largest fraction below 1
            0.1,
            1.0 / 3.0,
        ]),
        3 => 0.0..=1.0_f64,
    ]
    .prop_map(|fraction| Share::new(fraction).unwrap())
}

/// Any amount of money, up to `i64::MAX`, in any well-formed currency code.
pub fn money() -> impl Strategy<Value = Money> {
    let amount = prop_oneof![
        Just(0_i64),
        Just(1),
        Just(i64::MAX),
        Just(i64::MAX - 1),
        0..=i64::MAX
    ]
    .prop_map(i64::unsigned_abs);
    let letter = select(('A'..='Z').collect::<Vec<_>>());
    (amount, uniform3(letter))
        .prop_map(|(amount, letters)| Money::new(amount, &String::from_iter(letters)).unwrap())
}

/// Any finite `f64`: normal, subnormal, zero of either sign, and the extremes.
pub fn finite_f64() -> impl Strategy<Value = f64> {
    use proptest::num::f64::{NEGATIVE, NORMAL, POSITIVE, SUBNORMAL, ZERO};
    prop_oneof![
        1 => select(vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.1,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            -f64::MIN_POSITIVE,
            f64::from_bits(1),
            f64::EPSILON,
            9_007_199_254_740_993.0, // 2^53 + 1, rounded
            1e300,
            1e-300,
        ]),
        4 => POSITIVE | NEGATIVE | NORMAL | SUBNORMAL | ZERO,
        2 => -1_000_000.0..1_000_000.0_f64,
    ]
}

/// Any id of the given kind, from any `u128`.
pub fn id<I: From<Uuid> + std::fmt::Debug>() -> impl Strategy<Value = I> {
    prop_oneof![
        1 => Just(Uuid::nil()),
        1 => Just(Uuid::max()),
        8 => any::<u128>().prop_map(Uuid::from_u128),
    ]
    .prop_map(I::from)
}

/// Any number of ids of the given kind.
pub fn ids<I: From<Uuid> + std::fmt::Debug>() -> impl Strategy<Value = Vec<I>> {
    vec(id(), SIZE)
}

// ---------------------------------------------------------------------------
// Enums: every variant, listed one by one
// ---------------------------------------------------------------------------

/// Every [`Stage`].
pub fn stage() -> impl Strategy<Value = Stage> {
    select(Stage::ALL.to_vec())
}

/// Every [`ScopeArea`].
pub fn scope_area() -> impl Strategy<Value = ScopeArea> {
    prop_oneof![
        Just(ScopeArea::Product),
        Just(ScopeArea::Pricing),
        Just(ScopeArea::ServiceAndSupport),
        Just(ScopeArea::Sales),
        Just(ScopeArea::Marketing),
        Just(ScopeArea::Insight),
        Just(ScopeArea::Culture),
        Just(ScopeArea::Operations),
        Just(ScopeArea::Digital),
        Just(ScopeArea::Partnerships),
    ]
}

/// Every [`Function`].
pub fn function() -> impl Strategy<Value = Function> {
    prop_oneof![
        Just(Function::Executive),
        Just(Function::Strategy),
        Just(Function::Finance),
        Just(Function::Marketing),
        Just(Function::Sales),
        Just(Function::CustomerExperience),
        Just(Function::ServiceAndSupport),
        Just(Function::Operations),
        Just(Function::Product),
        Just(Function::Technology),
        Just(Function::Data),
        Just(Function::HumanResources),
        Just(Function::Legal),
        Just(Function::RiskAndCompliance),
        Just(Function::SupplyChain),
        Just(Function::Manufacturing),
        Just(Function::Communications),
    ]
}

/// Every [`Role`].
pub fn role() -> impl Strategy<Value = Role> {
    prop_oneof![
        Just(Role::ChiefExecutive),
        Just(Role::ChiefCustomerOfficer),
        Just(Role::CustomerDirector),
        Just(Role::ChiefMarketingOfficer),
        Just(Role::HeadOfCustomerExperience),
        Just(Role::ChiefFinancialOfficer),
        Just(Role::ChiefOperatingOfficer),
        Just(Role::ChiefTechnologyOfficer),
        Just(Role::ChiefDataOfficer),
        Just(Role::ChiefPeopleOfficer),
        Just(Role::ChiefRiskOfficer),
        Just(Role::Executive),
        Just(Role::Director),
        Just(Role::Manager),
        Just(Role::BoardMember),
        Just(Role::Other),
        Just(Role::Owner),
        Just(Role::ManagingDirector),
    ]
}

prop_compose! {
    /// Any [`RevisionRef`].
    pub fn revision_ref()(canvas in id(), revision in 1_u32..40) -> RevisionRef {
        RevisionRef { canvas, revision }
    }
}

prop_compose! {
    /// Any [`RevisionNote`].
    pub fn revision_note()(
        revision in 1_u32..40,
        date in date(),
        summary in text(),
        material in any::<bool>(),
    ) -> RevisionNote {
        RevisionNote { revision, date, summary, material }
    }
}

/// Every [`OrganizationKind`].
pub fn organization_kind() -> impl Strategy<Value = OrganizationKind> {
    select(OrganizationKind::ALL.to_vec())
}

prop_compose! {
    /// Any [`ScopeExclusion`].
    pub fn scope_exclusion()(area in scope_area(), reason in text()) -> ScopeExclusion {
        ScopeExclusion { area, reason }
    }
}

/// Every [`SegmentKind`].
pub fn segment_kind() -> impl Strategy<Value = SegmentKind> {
    prop_oneof![Just(SegmentKind::Segment), Just(SegmentKind::Persona)]
}

/// Every [`CustomerStatus`].
pub fn customer_status() -> impl Strategy<Value = CustomerStatus> {
    prop_oneof![
        Just(CustomerStatus::Prospect),
        Just(CustomerStatus::Existing)
    ]
}

/// Every [`CustomerRole`].
pub fn customer_role() -> impl Strategy<Value = CustomerRole> {
    prop_oneof![
        Just(CustomerRole::Pays),
        Just(CustomerRole::Uses),
        Just(CustomerRole::Both),
        Just(CustomerRole::Influences),
    ]
}

/// Every [`StakeholderGroup`].
pub fn stakeholder_group() -> impl Strategy<Value = StakeholderGroup> {
    prop_oneof![
        Just(StakeholderGroup::Investors),
        Just(StakeholderGroup::Regulators),
        Just(StakeholderGroup::Community),
        Just(StakeholderGroup::Employees),
        Just(StakeholderGroup::Partners),
    ]
}

/// Every [`Channel`].
pub fn channel() -> impl Strategy<Value = Channel> {
    prop_oneof![
        Just(Channel::InPerson),
        Just(Channel::Phone),
        Just(Channel::Email),
        Just(Channel::Web),
        Just(Channel::MobileApp),
        Just(Channel::Chat),
        Just(Channel::Social),
        Just(Channel::Mail),
        Just(Channel::Partner),
        Just(Channel::Event),
        Just(Channel::Product),
    ]
}

/// Every [`TouchPointKind`].
pub fn touch_point_kind() -> impl Strategy<Value = TouchPointKind> {
    prop_oneof![
        Just(TouchPointKind::Awareness),
        Just(TouchPointKind::Consideration),
        Just(TouchPointKind::Purchase),
        Just(TouchPointKind::Onboarding),
        Just(TouchPointKind::Usage),
        Just(TouchPointKind::Billing),
        Just(TouchPointKind::Problem),
        Just(TouchPointKind::Question),
        Just(TouchPointKind::Complaint),
        Just(TouchPointKind::Renewal),
        Just(TouchPointKind::Feedback),
        Just(TouchPointKind::Advocacy),
        Just(TouchPointKind::Exit),
    ]
}

/// Every [`OfferingKind`].
pub fn offering_kind() -> impl Strategy<Value = OfferingKind> {
    prop_oneof![Just(OfferingKind::Product), Just(OfferingKind::Service)]
}

/// Every [`CapabilityKind`].
pub fn capability_kind() -> impl Strategy<Value = CapabilityKind> {
    prop_oneof![
        Just(CapabilityKind::Technology),
        Just(CapabilityKind::Data),
        Just(CapabilityKind::SupplyChain),
        Just(CapabilityKind::Process),
        Just(CapabilityKind::Partner),
        Just(CapabilityKind::Facilities),
    ]
}

/// Every [`Voice`].
pub fn voice() -> impl Strategy<Value = Voice> {
    prop_oneof![
        Just(Voice::Customer),
        Just(Voice::Employee),
        Just(Voice::Operation),
    ]
}

/// Every [`Cadence`].
pub fn cadence() -> impl Strategy<Value = Cadence> {
    prop_oneof![
        Just(Cadence::Continuous),
        Just(Cadence::Daily),
        Just(Cadence::Weekly),
        Just(Cadence::Monthly),
        Just(Cadence::Quarterly),
        Just(Cadence::HalfYearly),
        Just(Cadence::Annually),
    ]
}

/// Every [`Lifecycle`].
pub fn lifecycle() -> impl Strategy<Value = Lifecycle> {
    prop_oneof![
        Just(Lifecycle::Acquire),
        Just(Lifecycle::Retain),
        Just(Lifecycle::Grow),
    ]
}

/// Every [`Perspective`].
pub fn perspective() -> impl Strategy<Value = Perspective> {
    prop_oneof![Just(Perspective::Customer), Just(Perspective::Business)]
}

/// Every [`Direction`].
pub fn direction() -> impl Strategy<Value = Direction> {
    prop_oneof![Just(Direction::AtLeast), Just(Direction::AtMost)]
}

/// Every [`Term`].
pub fn term() -> impl Strategy<Value = Term> {
    prop_oneof![Just(Term::ShortTerm), Just(Term::LongTerm)]
}

/// Every [`Measured`] variant, each with any id of its kind.
pub fn measured() -> impl Strategy<Value = Measured> {
    prop_oneof![
        id().prop_map(Measured::Objective),
        id().prop_map(Measured::BusinessGoal),
        id().prop_map(Measured::ValueElement),
        id().prop_map(Measured::Journey),
        id().prop_map(Measured::TouchPoint),
        id().prop_map(Measured::Offering),
        id().prop_map(Measured::Segment),
        id().prop_map(Measured::CapabilityGap),
    ]
}

// ---------------------------------------------------------------------------
// Metadata
// ---------------------------------------------------------------------------

prop_compose! {
    /// Any [`Person`].
    pub fn person()(name in text(), role in role(), function in function()) -> Person {
        Person { name, role, function }
    }
}

prop_compose! {
    /// Any [`Horizon`], including one that ends before it starts.
    pub fn horizon()(start in date(), end in date()) -> Horizon {
        Horizon { start, end }
    }
}

prop_compose! {
    /// Any [`Stakeholder`], signed off or not.
    pub fn stakeholder()(
        name in text(),
        role in role(),
        function in function(),
        signed_off in maybe(date()),
    ) -> Stakeholder {
        Stakeholder { name, role, function, signed_off }
    }
}

prop_compose! {
    /// Any [`FunctionalStrategy`].
    pub fn functional_strategy()(
        name in text(),
        function in function(),
        aligned in any::<bool>(),
    ) -> FunctionalStrategy {
        FunctionalStrategy { name, function, aligned }
    }
}

prop_compose! {
    /// Any [`Metadata`] of the schema version this release reads.
    pub fn metadata()(
        (id, name, organization) in (id(), text(), text()),
        (organization_kind, stage) in (organization_kind(), stage()),
        (revision, supersedes, history) in (
            1_u32..40,
            maybe(revision_ref()),
            vec(revision_note(), SIZE),
        ),
        (horizon, scope, not_in_scope) in (
            maybe(horizon()),
            vec(scope_area(), SIZE),
            vec(scope_exclusion(), SIZE),
        ),
        (sponsor, owner) in (maybe(person()), maybe(person())),
        (stakeholders, functional_strategies) in (
            vec(stakeholder(), SIZE),
            vec(functional_strategy(), SIZE),
        ),
        (created, updated) in (datetime(), datetime()),
    ) -> Metadata {
        Metadata {
            schema_version: Canvas::SCHEMA_VERSION,
            id,
            name,
            organization,
            organization_kind,
            stage,
            revision,
            supersedes,
            history,
            horizon,
            scope,
            not_in_scope,
            sponsor,
            owner,
            stakeholders,
            functional_strategies,
            created,
            updated,
        }
    }
}

// ---------------------------------------------------------------------------
// Foundation
// ---------------------------------------------------------------------------

prop_compose! {
    /// Any [`BusinessGoal`].
    pub fn business_goal()(id in id(), statement in text(), internal in any::<bool>()) -> BusinessGoal {
        BusinessGoal { id, statement, internal }
    }
}

/// Any [`Foundation`]; the empty one (left out of documents) often.
pub fn foundation() -> impl Strategy<Value = Foundation> {
    let filled = (text(), text(), text(), texts(), vec(business_goal(), SIZE)).prop_map(
        |(purpose, vision, mission, values, business_goals)| Foundation {
            purpose,
            vision,
            mission,
            values,
            business_goals,
        },
    );
    or_default(filled)
}

/// A block's strategy that gives the empty block a quarter of the time, so that
/// the path where empty blocks and zones are left out of documents is exercised.
fn or_default<T: Default + Clone + std::fmt::Debug>(
    filled: impl Strategy<Value = T>,
) -> impl Strategy<Value = T> {
    prop_oneof![1 => Just(T::default()), 3 => filled]
}

// ---------------------------------------------------------------------------
// Context
// ---------------------------------------------------------------------------

/// Any [`BusinessContext`].
pub fn business_context() -> impl Strategy<Value = BusinessContext> {
    or_default((text(), texts(), texts(), text(), texts()).prop_map(
        |(
            business_model,
            growth_objectives,
            financial_priorities,
            customer_value_delivery,
            key_challenges,
        )| BusinessContext {
            business_model,
            growth_objectives,
            financial_priorities,
            customer_value_delivery,
            key_challenges,
        },
    ))
}

prop_compose! {
    /// Any [`Need`].
    pub fn need()(id in id(), description in text(), evidence in maybe(evidence())) -> Need {
        Need { id, description, evidence }
    }
}

prop_compose! {
    /// Any [`CustomerSegment`].
    pub fn customer_segment()(
        id in id(),
        name in text(),
        description in text(),
        kind in segment_kind(),
        status in customer_status(),
        role in customer_role(),
        users in ids(),
        needs in vec(need(), SIZE),
        motivations in texts(),
        jobs_to_be_done in texts(),
        priorities in texts(),
    ) -> CustomerSegment {
        CustomerSegment {
            id,
            name,
            description,
            kind,
            status,
            role,
            users,
            needs,
            motivations,
            jobs_to_be_done,
            priorities,
        }
    }
}

/// Any [`CustomerContext`].
pub fn customer_context() -> impl Strategy<Value = CustomerContext> {
    or_default(
        (vec(customer_segment(), SIZE), texts()).prop_map(|(segments, priorities)| {
            CustomerContext {
                segments,
                priorities,
            }
        }),
    )
}

prop_compose! {
    /// Any [`Context`] zone.
    pub fn context()(business in business_context(), customer in customer_context()) -> Context {
        Context { business, customer }
    }
}

// ---------------------------------------------------------------------------
// Proposition and experience
// ---------------------------------------------------------------------------

prop_compose! {
    /// Any [`ValueElement`].
    pub fn value_element()(
        id in id(),
        name in text(),
        description in text(),
        serves in ids(),
        evidence in maybe(evidence()),
    ) -> ValueElement {
        ValueElement { id, name, description, serves, evidence }
    }
}

prop_compose! {
    /// Any [`Differentiator`].
    pub fn differentiator()(
        competitor in text(),
        difference in text(),
        evidence in maybe(evidence()),
    ) -> Differentiator {
        Differentiator { competitor, difference, evidence }
    }
}

/// Any [`CustomerValueProposition`].
pub fn customer_value() -> impl Strategy<Value = CustomerValueProposition> {
    or_default(
        (
            text(),
            vec(value_element(), SIZE),
            vec(differentiator(), SIZE),
        )
            .prop_map(
                |(statement, elements, differentiators)| CustomerValueProposition {
                    statement,
                    elements,
                    differentiators,
                },
            ),
    )
}

prop_compose! {
    /// Any [`Investment`].
    pub fn investment()(
        description in text(),
        amount in maybe(money()),
        closes in ids(),
    ) -> Investment {
        Investment { description, amount, closes }
    }
}

prop_compose! {
    /// Any [`StakeholderBenefit`].
    pub fn stakeholder_benefit()(
        stakeholder in stakeholder_group(),
        benefit in text(),
    ) -> StakeholderBenefit {
        StakeholderBenefit { stakeholder, benefit }
    }
}

/// Any [`BusinessValueProposition`].
pub fn business_value() -> impl Strategy<Value = BusinessValueProposition> {
    or_default(
        (
            text(),
            vec(investment(), SIZE),
            vec(stakeholder_benefit(), SIZE),
            maybe(evidence()),
        )
            .prop_map(
                |(expected_return, investments, stakeholder_benefits, expected_return_evidence)| {
                    BusinessValueProposition {
                        expected_return,
                        investments,
                        stakeholder_benefits,
                        expected_return_evidence,
                    }
                },
            ),
    )
}

prop_compose! {
    /// Any [`TouchPoint`], owned or not.
    pub fn touch_point()(
        id in id(),
        name in text(),
        channel in channel(),
        kind in touch_point_kind(),
        owner in maybe(function()),
    ) -> TouchPoint {
        TouchPoint { id, name, channel, kind, owner }
    }
}

prop_compose! {
    /// Any [`JourneyStage`].
    pub fn journey_stage()(name in text(), touch_points in vec(touch_point(), SIZE)) -> JourneyStage {
        JourneyStage { name, touch_points }
    }
}

prop_compose! {
    /// Any [`Journey`], for a segment or not.
    pub fn journey()(
        id in id(),
        name in text(),
        segment in maybe(id()),
        owner in maybe(person()),
        stages in vec(journey_stage(), SIZE),
    ) -> Journey {
        Journey { id, name, segment, owner, stages }
    }
}

/// Any [`ExperienceConcept`].
pub fn experience() -> impl Strategy<Value = ExperienceConcept> {
    or_default(
        (text(), vec(journey(), SIZE)).prop_map(|(statement, journeys)| ExperienceConcept {
            statement,
            journeys,
        }),
    )
}

prop_compose! {
    /// Any [`PropositionAndExperience`] zone.
    pub fn proposition()(
        customer_value in customer_value(),
        business_value in business_value(),
        experience in experience(),
    ) -> PropositionAndExperience {
        PropositionAndExperience { customer_value, business_value, experience }
    }
}

// ---------------------------------------------------------------------------
// Value chain
// ---------------------------------------------------------------------------

prop_compose! {
    /// Any [`Offering`].
    pub fn offering()(
        id in id(),
        name in text(),
        kind in offering_kind(),
        segments in ids(),
        customer_value in text(),
        business_value in text(),
    ) -> Offering {
        Offering { id, name, kind, segments, customer_value, business_value }
    }
}

prop_compose! {
    /// Any [`CapabilityGap`], with an investment or not.
    pub fn capability_gap()(
        id in id(),
        description in text(),
        affects in ids(),
        investment in maybe(investment()),
    ) -> CapabilityGap {
        CapabilityGap { id, description, affects, investment }
    }
}

/// Any [`ProductsAndServices`].
pub fn products_and_services() -> impl Strategy<Value = ProductsAndServices> {
    or_default(
        (vec(offering(), SIZE), vec(capability_gap(), SIZE)).prop_map(
            |(offerings, capability_gaps)| ProductsAndServices {
                offerings,
                capability_gaps,
            },
        ),
    )
}

prop_compose! {
    /// Any [`SupportingCapability`].
    pub fn supporting_capability()(
        name in text(),
        kind in capability_kind(),
        description in text(),
        supports in ids(),
    ) -> SupportingCapability {
        SupportingCapability { name, kind, description, supports }
    }
}

/// Any [`SupportingCapabilities`].
pub fn supporting_capabilities() -> impl Strategy<Value = SupportingCapabilities> {
    or_default(
        vec(supporting_capability(), SIZE)
            .prop_map(|capabilities| SupportingCapabilities { capabilities }),
    )
}

prop_compose! {
    /// Any [`CxoCustomerRole`].
    pub fn cxo_role()(
        executive in text(),
        role in role(),
        function in function(),
        customer_role in text(),
    ) -> CxoCustomerRole {
        CxoCustomerRole { executive, role, function, customer_role }
    }
}

prop_compose! {
    /// Any [`CulturePractice`].
    pub fn culture_practice()(name in text(), description in text()) -> CulturePractice {
        CulturePractice { name, description }
    }
}

/// Any [`PeopleAndCulture`].
pub fn people_and_culture() -> impl Strategy<Value = PeopleAndCulture> {
    or_default(
        (text(), vec(cxo_role(), SIZE), vec(culture_practice(), SIZE)).prop_map(
            |(organization, cxo_roles, culture_practices)| PeopleAndCulture {
                organization,
                cxo_roles,
                culture_practices,
            },
        ),
    )
}

prop_compose! {
    /// Any [`ValueChain`] zone.
    pub fn value_chain()(
        offerings in products_and_services(),
        capabilities in supporting_capabilities(),
        people in people_and_culture(),
    ) -> ValueChain {
        ValueChain { offerings, capabilities, people }
    }
}

// ---------------------------------------------------------------------------
// Steering
// ---------------------------------------------------------------------------

prop_compose! {
    /// Any [`ListeningSource`].
    pub fn listening_source()(
        name in text(),
        voice in voice(),
        cadence in cadence(),
    ) -> ListeningSource {
        ListeningSource { name, voice, cadence }
    }
}

/// Any [`Insight`].
pub fn insight() -> impl Strategy<Value = Insight> {
    or_default(
        (vec(listening_source(), SIZE), text()).prop_map(|(sources, value_linkage)| Insight {
            sources,
            value_linkage,
        }),
    )
}

prop_compose! {
    /// Any [`CustomerObjective`].
    pub fn objective()(
        id in id(),
        statement in text(),
        lifecycle in lifecycle(),
        segments in ids(),
        investment_share in maybe(share()),
        business_goal in maybe(id()),
        evidence in maybe(evidence()),
    ) -> CustomerObjective {
        CustomerObjective {
            id,
            statement,
            lifecycle,
            segments,
            investment_share,
            business_goal,
            evidence,
        }
    }
}

prop_compose! {
    /// Any [`Target`] with a finite value.
    pub fn target()(
        value in finite_f64(),
        unit in text(),
        direction in direction(),
        due in maybe(date()),
    ) -> Target {
        Target { value, unit, direction, due }
    }
}

prop_compose! {
    /// Any [`Metric`].
    pub fn metric()(
        id in id(),
        name in text(),
        perspective in perspective(),
        target in maybe(target()),
        owner in maybe(function()),
        measures in vec(measured(), SIZE),
        monitor_only in any::<bool>(),
        (kind, baseline, observations, cadence) in (
            maybe(custom_kind()),
            maybe(observation()),
            vec(observation(), 0..3),
            maybe(cadence()),
        ),
    ) -> Metric {
        Metric {
            id,
            name,
            perspective,
            target,
            owner,
            measures,
            monitor_only,
            kind,
            baseline,
            observations,
            cadence,
        }
    }
}

prop_compose! {
    /// Any [`Incentive`].
    pub fn incentive()(
        name in text(),
        applies_to in text(),
        term in term(),
        rewards in ids(),
    ) -> Incentive {
        Incentive { name, applies_to, term, rewards }
    }
}

/// Any [`Performance`].
pub fn performance() -> impl Strategy<Value = Performance> {
    or_default(
        (
            vec(objective(), SIZE),
            vec(metric(), SIZE),
            vec(incentive(), SIZE),
        )
            .prop_map(|(objectives, metrics, incentives)| Performance {
                objectives,
                metrics,
                incentives,
            }),
    )
}

prop_compose! {
    /// Any [`Choice`].
    pub fn choice()(
        statement in text(),
        reason in text(),
        segments in ids(),
        needs in ids(),
        lifecycle in vec(lifecycle(), 0..3),
    ) -> Choice {
        Choice { statement, reason, segments, needs, lifecycle }
    }
}

prop_compose! {
    /// Any [`StrategyOption`].
    pub fn strategy_option()(
        name in text(),
        description in text(),
        chosen in any::<bool>(),
        reason in text(),
    ) -> StrategyOption {
        StrategyOption { name, description, chosen, reason }
    }
}

/// Any [`ReviewTrigger`].
pub fn review_trigger() -> impl Strategy<Value = ReviewTrigger> {
    prop_oneof![
        (id(), finite_f64(), direction()).prop_map(|(metric, value, direction)| {
            ReviewTrigger::Metric(MetricCrossing {
                metric,
                value,
                direction,
            })
        }),
        date().prop_map(ReviewTrigger::Date),
        text().prop_map(ReviewTrigger::Event),
    ]
}

prop_compose! {
    /// A custom [`MetricKind`], which takes any finite value (the built-in
    /// kinds' ranges are tested on their own).
    pub fn custom_kind()(
        name in text(),
        unit in text(),
        higher_is_better in any::<bool>(),
    ) -> MetricKind {
        MetricKind::Custom { name, unit, higher_is_better }
    }
}

prop_compose! {
    /// Any [`Observation`] with a finite value.
    pub fn observation()(
        date in date(),
        value in finite_f64(),
        n in maybe(any::<u32>()),
    ) -> Observation {
        Observation { date, value, n }
    }
}

/// Every [`EvidenceStatus`].
pub fn evidence_status() -> impl Strategy<Value = EvidenceStatus> {
    prop_oneof![
        Just(EvidenceStatus::Assumption),
        Just(EvidenceStatus::BeingTested),
        Just(EvidenceStatus::Validated),
        Just(EvidenceStatus::Invalidated),
    ]
}

/// Any [`EvidenceSource`].
pub fn evidence_source() -> impl Strategy<Value = EvidenceSource> {
    prop_oneof![
        text().prop_map(EvidenceSource::ListeningSource),
        text().prop_map(EvidenceSource::ValueStudy),
        id().prop_map(EvidenceSource::Metric),
        text().prop_map(EvidenceSource::Document),
    ]
}

prop_compose! {
    /// Any [`TestCard`].
    pub fn test_card()(
        id in id(),
        (hypothesis, test, metric, success_criterion) in (text(), text(), text(), text()),
        due in maybe(date()),
    ) -> TestCard {
        TestCard { id, hypothesis, test, metric, success_criterion, due }
    }
}

prop_compose! {
    /// Any [`LearningCard`].
    pub fn learning_card()(
        test in maybe(id()),
        (observation, learning, decision) in (text(), text(), text()),
        date in maybe(date()),
    ) -> LearningCard {
        LearningCard { test, observation, learning, decision, date }
    }
}

prop_compose! {
    /// Any [`StatementEvidence`].
    pub fn evidence()(
        status in evidence_status(),
        sources in vec(evidence_source(), 0..3),
        date in maybe(date()),
        note in text(),
        tests in vec(test_card(), 0..2),
        learnings in vec(learning_card(), 0..2),
    ) -> StatementEvidence {
        StatementEvidence { status, sources, date, note, tests, learnings }
    }
}

/// Any [`Governance`].
pub fn governance() -> impl Strategy<Value = Governance> {
    or_default(
        (
            maybe(person()),
            text(),
            maybe(cadence()),
            vec(choice(), SIZE),
            (
                vec(strategy_option(), SIZE),
                vec(review_trigger(), SIZE),
                maybe(date()),
            ),
        )
            .prop_map(
                |(
                    owner,
                    forum,
                    review_cadence,
                    will_not_do,
                    (options, review_triggers, next_review),
                )| {
                    Governance {
                        owner,
                        forum,
                        review_cadence,
                        will_not_do,
                        options,
                        review_triggers,
                        next_review,
                    }
                },
            ),
    )
}

prop_compose! {
    /// Any [`Steering`] zone.
    pub fn steering()(
        insight in insight(),
        performance in performance(),
        governance in governance(),
    ) -> Steering {
        Steering { insight, performance, governance }
    }
}

// ---------------------------------------------------------------------------
// The canvas
// ---------------------------------------------------------------------------

prop_compose! {
    /// Any valid [`Canvas`] of the schema version this release reads.
    pub fn canvas()(
        metadata in metadata(),
        foundation in foundation(),
        context in context(),
        proposition in proposition(),
        value_chain in value_chain(),
        steering in steering(),
    ) -> Canvas {
        Canvas { metadata, foundation, context, proposition, value_chain, steering }
    }
}
