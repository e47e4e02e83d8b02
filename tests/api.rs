//! The public API: thread-safety and error traits of the public types, the
//! `Canvas` builder methods, blocks and zones, horizons, and save errors.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::NaiveDate;
use customer_strategy::{
    Block, BusinessContext, BusinessGoal, BusinessGoalId, BusinessValueProposition, Cadence,
    Canvas, CanvasId, CapabilityGap, CapabilityGapId, CapabilityKind, Channel, Choice, Context,
    CulturePractice, CustomerContext, CustomerObjective, CustomerRole, CustomerSegment,
    CustomerStatus, CustomerValueProposition, CxoCustomerRole, Differentiator, Direction, Document,
    ExperienceConcept, Format, Foundation, Function, FunctionalStrategy, Governance, Horizon,
    IdParseError, Incentive, Insight, Investment, Journey, JourneyId, JourneyStage, Lifecycle,
    ListeningSource, LoadError, LoadOptions, Measured, Metadata, Metric, MetricId, Money, Need,
    NeedId, ObjectiveId, Offering, OfferingId, OfferingKind, PeopleAndCulture, Performance, Person,
    Perspective, ProductsAndServices, PropositionAndExperience, QuantityError, Role, SaveError,
    SchemaVersion, ScopeArea, SegmentId, SegmentKind, Share, Stage, Stakeholder,
    StakeholderBenefit, StakeholderGroup, Steering, SupportingCapabilities, SupportingCapability,
    Target, Term, TouchPoint, TouchPointId, TouchPointKind, ValueChain, ValueElement,
    ValueElementId, Voice, Zone,
};

// ---------------------------------------------------------------------------
// Traits of the public types (checked at compile time)
// ---------------------------------------------------------------------------

fn assert_send_sync<T: Send + Sync + 'static>() {}

fn assert_error<E: Clone + std::error::Error + Send + Sync + 'static>() {}

#[test]
fn every_public_type_is_send_sync_and_static() {
    // The canvas, its zones and blocks.
    assert_send_sync::<Canvas>();
    assert_send_sync::<Metadata>();
    assert_send_sync::<Foundation>();
    assert_send_sync::<Context>();
    assert_send_sync::<BusinessContext>();
    assert_send_sync::<CustomerContext>();
    assert_send_sync::<PropositionAndExperience>();
    assert_send_sync::<CustomerValueProposition>();
    assert_send_sync::<BusinessValueProposition>();
    assert_send_sync::<ExperienceConcept>();
    assert_send_sync::<ValueChain>();
    assert_send_sync::<ProductsAndServices>();
    assert_send_sync::<SupportingCapabilities>();
    assert_send_sync::<PeopleAndCulture>();
    assert_send_sync::<Steering>();
    assert_send_sync::<Insight>();
    assert_send_sync::<Performance>();
    assert_send_sync::<Governance>();
    assert_send_sync::<Zone>();
    assert_send_sync::<Block>();

    // Elements.
    assert_send_sync::<Horizon>();
    assert_send_sync::<Person>();
    assert_send_sync::<Stakeholder>();
    assert_send_sync::<FunctionalStrategy>();
    assert_send_sync::<BusinessGoal>();
    assert_send_sync::<CustomerSegment>();
    assert_send_sync::<Need>();
    assert_send_sync::<ValueElement>();
    assert_send_sync::<Differentiator>();
    assert_send_sync::<Investment>();
    assert_send_sync::<StakeholderBenefit>();
    assert_send_sync::<Journey>();
    assert_send_sync::<JourneyStage>();
    assert_send_sync::<TouchPoint>();
    assert_send_sync::<Offering>();
    assert_send_sync::<CapabilityGap>();
    assert_send_sync::<SupportingCapability>();
    assert_send_sync::<CxoCustomerRole>();
    assert_send_sync::<CulturePractice>();
    assert_send_sync::<ListeningSource>();
    assert_send_sync::<CustomerObjective>();
    assert_send_sync::<Metric>();
    assert_send_sync::<Target>();
    assert_send_sync::<Incentive>();
    assert_send_sync::<Choice>();

    // Enums.
    assert_send_sync::<Stage>();
    assert_send_sync::<ScopeArea>();
    assert_send_sync::<Function>();
    assert_send_sync::<Role>();
    assert_send_sync::<SegmentKind>();
    assert_send_sync::<CustomerStatus>();
    assert_send_sync::<CustomerRole>();
    assert_send_sync::<StakeholderGroup>();
    assert_send_sync::<Channel>();
    assert_send_sync::<TouchPointKind>();
    assert_send_sync::<OfferingKind>();
    assert_send_sync::<CapabilityKind>();
    assert_send_sync::<Voice>();
    assert_send_sync::<Cadence>();
    assert_send_sync::<Lifecycle>();
    assert_send_sync::<Perspective>();
    assert_send_sync::<Direction>();
    assert_send_sync::<Measured>();
    assert_send_sync::<Term>();

    // Ids.
    assert_send_sync::<CanvasId>();
    assert_send_sync::<BusinessGoalId>();
    assert_send_sync::<SegmentId>();
    assert_send_sync::<NeedId>();
    assert_send_sync::<ValueElementId>();
    assert_send_sync::<JourneyId>();
    assert_send_sync::<TouchPointId>();
    assert_send_sync::<OfferingId>();
    assert_send_sync::<CapabilityGapId>();
    assert_send_sync::<MetricId>();
    assert_send_sync::<ObjectiveId>();

    // Quantities and documents.
    assert_send_sync::<Share>();
    assert_send_sync::<Money>();
    assert_send_sync::<LoadOptions>();
    assert_send_sync::<Format>();
    assert_send_sync::<SchemaVersion>();

    // Errors.
    assert_send_sync::<LoadError>();
    assert_send_sync::<SaveError>();
    assert_send_sync::<IdParseError>();
    assert_send_sync::<QuantityError>();
}

#[test]
fn every_error_type_is_a_clonable_std_error() {
    assert_error::<LoadError>();
    assert_error::<SaveError>();
    assert_error::<IdParseError>();
    assert_error::<QuantityError>();
}

// ---------------------------------------------------------------------------
// Building a canvas
// ---------------------------------------------------------------------------

#[test]
fn a_new_canvas_is_an_empty_draft_of_the_current_schema_version() {
    let canvas = Canvas::new("Customer strategy 2026-2029", "Northgate Coffee");

    assert_eq!(canvas.metadata.name, "Customer strategy 2026-2029");
    assert_eq!(canvas.metadata.organization, "Northgate Coffee");
    assert_eq!(canvas.metadata.stage, Stage::Draft);
    assert_eq!(canvas.schema_version(), Canvas::SCHEMA_VERSION);
    assert_eq!(canvas.metadata.created, canvas.metadata.updated);
    assert_eq!(canvas.filled_blocks().count(), 0);
}

#[test]
fn each_add_method_returns_the_id_of_the_element_it_added() {
    let mut canvas = Canvas::new("Customer strategy", "Northgate Coffee");

    let goal = canvas.add_business_goal("Grow like-for-like sales by 5% a year");
    assert_eq!(canvas.foundation.business_goals.last().unwrap().id, goal);

    let segment = CustomerSegment::new(
        "Morning commuters",
        CustomerStatus::Existing,
        CustomerRole::Both,
    );
    let expected = segment.id;
    let segment = canvas.add_segment(segment);
    assert_eq!(segment, expected);
    assert_eq!(canvas.context.customer.segments.last().unwrap().id, segment);
    assert_eq!(canvas.segment(segment).unwrap().name, "Morning commuters");

    let element = ValueElement::new("Order ahead in the app", []);
    let expected = element.id;
    let element = canvas.add_value_element(element);
    assert_eq!(element, expected);
    assert_eq!(
        canvas
            .proposition
            .customer_value
            .elements
            .last()
            .unwrap()
            .id,
        element
    );

    let journey = Journey::new("Weekday morning visit", segment);
    let expected = journey.id;
    let journey = canvas.add_journey(journey);
    assert_eq!(journey, expected);
    assert_eq!(
        canvas.proposition.experience.journeys.last().unwrap().id,
        journey
    );

    let offering = Offering::new("Coffee to go", OfferingKind::Product, "Fast", "Margin");
    let expected = offering.id;
    let offering = canvas.add_offering(offering);
    assert_eq!(offering, expected);
    assert_eq!(
        canvas.value_chain.offerings.offerings.last().unwrap().id,
        offering
    );

    let gap = CapabilityGap::new("No order-ahead in the app");
    let expected = gap.id;
    let gap = canvas.add_capability_gap(gap);
    assert_eq!(gap, expected);
    assert_eq!(
        canvas
            .value_chain
            .offerings
            .capability_gaps
            .last()
            .unwrap()
            .id,
        gap
    );

    let objective = CustomerObjective::new("Keep nine in ten commuters", Lifecycle::Retain);
    let expected = objective.id;
    let objective = canvas.add_objective(objective);
    assert_eq!(objective, expected);
    assert_eq!(
        canvas.steering.performance.objectives.last().unwrap().id,
        objective
    );

    let metric = Metric::new("Net Promoter Score", Perspective::Customer);
    let expected = metric.id;
    let metric = canvas.add_metric(metric);
    assert_eq!(metric, expected);
    assert_eq!(
        canvas.steering.performance.metrics.last().unwrap().id,
        metric
    );
}

#[test]
fn adding_needs_and_touch_points_returns_their_ids() {
    let mut segment = CustomerSegment::new(
        "Morning commuters",
        CustomerStatus::Existing,
        CustomerRole::Both,
    );
    let need = segment.add_need("Coffee in hand within two minutes");
    assert_eq!(segment.needs.last().unwrap().id, need);

    let mut stage = JourneyStage::new("Collect");
    let touch_point = TouchPoint::new(
        "Order not ready at pick-up",
        Channel::InPerson,
        TouchPointKind::Problem,
        Function::Operations,
    );
    let expected = touch_point.id;
    let touch_point = stage.add_touch_point(touch_point);
    assert_eq!(touch_point, expected);
    assert_eq!(stage.touch_points.last().unwrap().id, touch_point);
}

#[test]
fn fresh_ids_differ() {
    let mut canvas = Canvas::new("Customer strategy", "Northgate Coffee");

    let first = canvas.add_business_goal("Grow");
    let second = canvas.add_business_goal("Grow");

    assert_ne!(first, second);
    assert_ne!(
        Canvas::new("a", "b").metadata.id,
        Canvas::new("a", "b").metadata.id
    );
}

// ---------------------------------------------------------------------------
// Blocks and zones
// ---------------------------------------------------------------------------

/// Puts something into `block` of `canvas`, and nothing anywhere else.
fn fill(canvas: &mut Canvas, block: Block) {
    match block {
        Block::Foundation => canvas.foundation.purpose = "Better mornings".to_owned(),
        Block::BusinessContext => {
            canvas.context.business.business_model = "Coffee shops".to_owned();
        }
        Block::CustomerContext => canvas.context.customer.priorities.push("Speed".to_owned()),
        Block::CustomerValue => {
            canvas.proposition.customer_value.statement = "Coffee in a hurry".to_owned();
        }
        Block::BusinessValue => {
            canvas.proposition.business_value.expected_return = "Loyalty".to_owned();
        }
        Block::Experience => {
            canvas.proposition.experience.statement = "Effortless".to_owned();
        }
        Block::ProductsAndServices => canvas.value_chain.offerings.offerings.push(Offering::new(
            "Coffee to go",
            OfferingKind::Product,
            "",
            "",
        )),
        Block::SupportingCapabilities => {
            canvas
                .value_chain
                .capabilities
                .capabilities
                .push(SupportingCapability {
                    name: "Ordering platform".to_owned(),
                    kind: CapabilityKind::Technology,
                    description: String::new(),
                    supports: Vec::new(),
                });
        }
        Block::PeopleAndCulture => {
            canvas.value_chain.people.organization = "Baristas".to_owned();
        }
        Block::Insight => canvas.steering.insight.value_linkage = "Spend per visit".to_owned(),
        Block::Performance => canvas.steering.performance.incentives.push(Incentive {
            name: "Team bonus".to_owned(),
            applies_to: String::new(),
            term: Term::ShortTerm,
            rewards: Vec::new(),
        }),
        Block::Governance => canvas.steering.governance.review_cadence = Some(Cadence::Monthly),
        other => panic!("this test does not know how to fill {other:?}: add it"),
    }
}

/// How `block` of `canvas` serializes on its own.
fn block_json(canvas: &Canvas, block: Block) -> serde_json::Value {
    let value = match block {
        Block::Foundation => serde_json::to_value(&canvas.foundation),
        Block::BusinessContext => serde_json::to_value(&canvas.context.business),
        Block::CustomerContext => serde_json::to_value(&canvas.context.customer),
        Block::CustomerValue => serde_json::to_value(&canvas.proposition.customer_value),
        Block::BusinessValue => serde_json::to_value(&canvas.proposition.business_value),
        Block::Experience => serde_json::to_value(&canvas.proposition.experience),
        Block::ProductsAndServices => serde_json::to_value(&canvas.value_chain.offerings),
        Block::SupportingCapabilities => serde_json::to_value(&canvas.value_chain.capabilities),
        Block::PeopleAndCulture => serde_json::to_value(&canvas.value_chain.people),
        Block::Insight => serde_json::to_value(&canvas.steering.insight),
        Block::Performance => serde_json::to_value(&canvas.steering.performance),
        Block::Governance => serde_json::to_value(&canvas.steering.governance),
        other => panic!("this test does not know where {other:?} lives: add it"),
    };
    value.unwrap()
}

fn full_canvas() -> Canvas {
    let mut canvas = Canvas::new("Customer strategy", "Northgate Coffee");
    for block in Block::ALL {
        fill(&mut canvas, block);
    }
    canvas
}

#[test]
fn a_new_canvas_has_no_block_filled() {
    let canvas = Canvas::new("Customer strategy", "Northgate Coffee");

    for block in Block::ALL {
        assert!(!canvas.is_filled(block), "{block:?}");
    }
    assert_eq!(canvas.filled_blocks().collect::<Vec<_>>(), []);
}

#[test]
fn filling_one_block_fills_that_block_only() {
    for block in Block::ALL {
        let mut canvas = Canvas::new("Customer strategy", "Northgate Coffee");

        fill(&mut canvas, block);

        assert!(canvas.is_filled(block), "{block:?}");
        assert_eq!(canvas.filled_blocks().collect::<Vec<_>>(), [block]);
    }
}

#[test]
fn a_full_canvas_lists_every_block_in_canvas_order() {
    let canvas = full_canvas();

    assert_eq!(canvas.filled_blocks().collect::<Vec<_>>(), Block::ALL);
}

#[test]
fn text_of_whitespace_only_does_not_fill_a_block() {
    let mut canvas = Canvas::new("Customer strategy", "Northgate Coffee");
    canvas.foundation.purpose = " \t\n ".to_owned();
    canvas.context.business.business_model = "\u{a0}".to_owned();
    canvas.proposition.customer_value.statement = "\r\n".to_owned();
    canvas.value_chain.people.organization = "  ".to_owned();
    canvas.steering.governance.forum = "\u{3000}".to_owned();

    assert_eq!(canvas.filled_blocks().collect::<Vec<_>>(), []);
}

#[test]
fn each_block_pointer_finds_the_block_in_the_serialized_canvas() {
    let canvas = full_canvas();
    let json = serde_json::to_value(&canvas).unwrap();

    for block in Block::ALL {
        let found = json.pointer(block.pointer());
        assert_eq!(found, Some(&block_json(&canvas, block)), "{block:?}");
    }
}

#[test]
fn block_pointers_are_distinct_and_start_at_the_root() {
    let mut pointers: Vec<&str> = Block::ALL.iter().map(|block| block.pointer()).collect();
    assert!(pointers.iter().all(|pointer| pointer.starts_with('/')));
    pointers.sort_unstable();
    pointers.dedup();
    assert_eq!(pointers.len(), Block::ALL.len());
}

#[test]
fn the_zones_hold_all_twelve_blocks_once_in_canvas_order() {
    let blocks: Vec<Block> = Zone::ALL.into_iter().flat_map(Zone::blocks).collect();

    assert_eq!(blocks, Block::ALL);
    assert_eq!(blocks.len(), 12);
}

#[test]
fn each_block_belongs_to_the_zone_that_lists_it() {
    for zone in Zone::ALL {
        for block in zone.blocks() {
            assert_eq!(block.zone(), zone, "{block:?}");
        }
    }
}

#[test]
fn the_zones_have_the_blocks_of_the_canvas() {
    let blocks = |zone: Zone| zone.blocks().collect::<Vec<_>>();

    assert_eq!(blocks(Zone::Foundation), [Block::Foundation]);
    assert_eq!(
        blocks(Zone::Context),
        [Block::BusinessContext, Block::CustomerContext]
    );
    assert_eq!(
        blocks(Zone::PropositionAndExperience),
        [
            Block::CustomerValue,
            Block::BusinessValue,
            Block::Experience
        ]
    );
    assert_eq!(
        blocks(Zone::ValueChain),
        [
            Block::ProductsAndServices,
            Block::SupportingCapabilities,
            Block::PeopleAndCulture
        ]
    );
    assert_eq!(
        blocks(Zone::Steering),
        [Block::Insight, Block::Performance, Block::Governance]
    );
}

#[test]
fn blocks_and_zones_display_their_titles() {
    assert_eq!(Block::Experience.to_string(), "Concept of experience");
    assert_eq!(Block::Experience.to_string(), Block::Experience.title());
    assert_eq!(Zone::ValueChain.to_string(), "Value chain");
    assert_eq!(Zone::ValueChain.to_string(), Zone::ValueChain.title());
}

// ---------------------------------------------------------------------------
// Horizons
// ---------------------------------------------------------------------------

#[track_caller]
fn months(start: (i32, u32, u32), end: (i32, u32, u32)) -> i64 {
    let date = |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    Horizon {
        start: date(start),
        end: date(end),
    }
    .months()
}

#[test]
fn a_horizon_counts_whole_months() {
    assert_eq!(months((2026, 1, 1), (2029, 1, 1)), 36);
    assert_eq!(months((2026, 1, 1), (2031, 1, 1)), 60);
    assert_eq!(months((2026, 1, 1), (2029, 12, 31)), 47);
    assert_eq!(months((2026, 1, 1), (2026, 1, 1)), 0);
    assert_eq!(months((2026, 1, 1), (2026, 1, 31)), 0);
}

#[test]
fn a_horizon_does_not_count_a_month_that_is_not_complete() {
    assert_eq!(months((2026, 1, 15), (2029, 1, 14)), 35);
    assert_eq!(months((2026, 1, 15), (2029, 1, 15)), 36);
    assert_eq!(months((2026, 1, 31), (2026, 2, 28)), 0);
    assert_eq!(months((2026, 1, 31), (2026, 3, 1)), 1);
}

#[test]
fn a_horizon_that_ends_before_it_starts_is_negative() {
    assert_eq!(months((2026, 1, 1), (2025, 1, 1)), -12);
    assert_eq!(months((2026, 3, 15), (2026, 1, 20)), -1);
    assert_eq!(months((2026, 3, 15), (2026, 1, 15)), -2);
}

// ---------------------------------------------------------------------------
// Saving
// ---------------------------------------------------------------------------

fn canvas_with_target(value: f64) -> Canvas {
    let mut canvas = Canvas::new("Customer strategy", "Northgate Coffee");
    let mut metric = Metric::new("Net Promoter Score", Perspective::Customer);
    metric.target = Some(Target {
        value,
        unit: "points".to_owned(),
        direction: Direction::AtLeast,
        due: None,
    });
    canvas.add_metric(metric);
    canvas
}

#[test]
fn a_nan_target_cannot_be_written_as_json() {
    let error = canvas_with_target(f64::NAN).to_json().unwrap_err();

    assert_eq!(error.format(), Format::Json);
    assert_eq!(
        error.to_string(),
        "cannot write JSON: a target value must be a finite number, got NaN"
    );
}

#[test]
fn a_nan_target_cannot_be_written_as_toml() {
    let error = canvas_with_target(f64::NAN).to_toml().unwrap_err();

    assert_eq!(error.format(), Format::Toml);
    assert_eq!(
        error.to_string(),
        "cannot write TOML: a target value must be a finite number, got NaN"
    );
}

#[test]
fn an_infinite_target_cannot_be_written_in_either_format() {
    for value in [f64::INFINITY, f64::NEG_INFINITY] {
        let canvas = canvas_with_target(value);

        let json = canvas.to_json().unwrap_err();
        let toml = canvas.to_toml().unwrap_err();

        let message = format!("a target value must be a finite number, got {value}");
        assert_eq!(json.to_string(), format!("cannot write JSON: {message}"));
        assert_eq!(toml.to_string(), format!("cannot write TOML: {message}"));
    }
}

#[test]
fn a_finite_target_can_be_written_in_both_formats() {
    let canvas = canvas_with_target(f64::MAX);

    assert!(canvas.to_json().is_ok());
    assert!(canvas.to_toml().is_ok());
}
