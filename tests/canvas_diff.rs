//! The diff between two revisions of a canvas: elements matched by id,
//! reordering is no change, material changes are told apart from typos.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use customer_strategy::{
    Block, Canvas, CanvasId, ChangeKind, DiffError, Document, Need, RevisionRef, diff,
};

const BANK: &str = include_str!("../examples/data/harbour_bank_canvas.json");

fn bank() -> Canvas {
    Canvas::from_json(BANK).unwrap()
}

#[test]
fn a_canvas_has_no_changes_against_itself() {
    let changes = diff(&bank(), &bank()).unwrap();
    assert!(changes.is_empty());
    assert!(!changes.is_material());
    assert_eq!(
        changes.to_markdown(),
        "# What changed\n\nNothing changed.\n"
    );
}

#[test]
fn reordering_any_list_is_no_change() {
    let old = bank();
    let mut new = old.clone();
    new.context.customer.segments.reverse();
    new.proposition.experience.journeys.reverse();
    new.steering.performance.metrics.rotate_left(3);
    new.metadata.stakeholders.reverse();
    new.metadata.scope.reverse();
    new.foundation.values.reverse();
    for segment in &mut new.context.customer.segments {
        segment.needs.reverse();
    }
    assert!(diff(&old, &new).unwrap().is_empty());
}

#[test]
fn renaming_one_segment_is_one_change_at_its_name() {
    let old = bank();
    let mut new = old.clone();
    new.context.customer.segments.swap(0, 4);
    new.context.customer.segments[4].name = "Buyers of a first home".to_owned();
    let changes = diff(&old, &new).unwrap();
    assert_eq!(changes.len(), 1, "{changes}");
    let change = &changes.changes()[0];
    assert_eq!(change.kind, ChangeKind::Changed);
    assert_eq!(change.path, "/context/customer/segments/4/name");
    assert_eq!(
        change.old_path.as_deref(),
        Some("/context/customer/segments/0/name")
    );
    assert_eq!(change.block, Some(Block::CustomerContext));
    assert_eq!(change.old.as_ref().unwrap(), "First-time buyers");
    assert_eq!(change.new.as_ref().unwrap(), "Buyers of a first home");
    assert!(change.material);
}

#[test]
fn a_typo_is_not_material_and_a_new_need_is() {
    let old = bank();
    let mut new = old.clone();
    new.context.customer.segments[0].name = "First-time buyres".to_owned();
    let changes = diff(&old, &new).unwrap();
    assert_eq!(changes.len(), 1);
    assert!(!changes.is_material(), "{changes}");

    new.context.customer.segments[1]
        .needs
        .insert(0, Need::new("A rate offer before the fixed rate ends"));
    let changes = diff(&old, &new).unwrap();
    assert_eq!(changes.len(), 2, "{changes}");
    let added = changes
        .changes()
        .iter()
        .find(|c| c.kind == ChangeKind::Added)
        .unwrap();
    assert_eq!(added.path, "/context/customer/segments/1/needs/0");
    assert!(added.material);
    assert!(changes.is_material());
}

#[test]
fn a_target_change_is_material_and_a_journey_wording_is_not() {
    let old = bank();
    let mut new = old.clone();
    new.proposition.experience.journeys[0].name = "Buying the first home of one's own".to_owned();
    let changes = diff(&old, &new).unwrap();
    assert_eq!(changes.len(), 1);
    assert!(!changes.is_material());

    let target = new.steering.performance.metrics[0].target.as_mut().unwrap();
    target.value += 5.0;
    let changes = diff(&old, &new).unwrap();
    let change = changes
        .changes()
        .iter()
        .find(|c| c.path == "/steering/performance/metrics/0/target/value")
        .unwrap();
    assert!(change.material);
    assert_eq!(change.block, Some(Block::Performance));
}

#[test]
fn removed_elements_point_into_the_old_canvas() {
    let old = bank();
    let mut new = old.clone();
    new.steering.performance.objectives.remove(1);
    let changes = diff(&old, &new).unwrap();
    assert_eq!(changes.len(), 1, "{changes}");
    let change = &changes.changes()[0];
    assert_eq!(change.kind, ChangeKind::Removed);
    assert_eq!(change.path, "/steering/performance/objectives/1");
    assert!(change.new.is_none());
    assert_eq!(
        change.old.as_ref().unwrap()["id"],
        "0b000000-0000-4000-8000-000000000002"
    );
    assert!(change.material);
    let summary = changes.summary();
    assert_eq!(summary.len(), 1);
    assert_eq!(
        (summary[0].block, summary[0].removed, summary[0].material),
        (Some(Block::Performance), 1, 1)
    );
}

#[test]
fn unrelated_canvases_are_refused_and_a_superseding_one_is_compared() {
    let old = bank();
    let mut other = old.clone();
    other.metadata.id = CanvasId::new();
    let error = diff(&old, &other).unwrap_err();
    assert!(matches!(error, DiffError::Unrelated { .. }));
    assert!(
        error
            .to_string()
            .contains("the canvases are not revisions of one another"),
        "{error}"
    );

    other.metadata.supersedes = Some(RevisionRef {
        canvas: old.metadata.id,
        revision: 1,
    });
    other.metadata.revision = 2;
    let changes = diff(&old, &other).unwrap();
    let paths: Vec<&str> = changes.changes().iter().map(|c| c.path.as_str()).collect();
    assert_eq!(
        paths,
        ["/metadata/id", "/metadata/revision", "/metadata/supersedes"]
    );
    assert!(!changes.is_material());
    // The reverse comparison is allowed too.
    assert!(diff(&other, &old).is_ok());
}

#[test]
fn the_diff_is_deterministic_and_round_trips_as_json() {
    let old = bank();
    let mut new = old.clone();
    new.context.customer.segments.remove(3);
    new.foundation.values.push("We answer the phone".to_owned());
    new.metadata.scope.pop();
    let a = diff(&old, &new).unwrap();
    let b = diff(&old, &new).unwrap();
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&b).unwrap()
    );
    assert_eq!(a.to_markdown(), b.to_markdown());
    let back: customer_strategy::CanvasDiff =
        serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
    assert_eq!(back, a);
    let markdown = a.to_markdown();
    assert!(markdown.contains("## Metadata"), "{markdown}");
    assert!(
        markdown.contains("## Purpose, vision, mission and values"),
        "{markdown}"
    );
    assert!(markdown.contains("## Customer context"), "{markdown}");
    assert!(
        markdown.contains(
            "- removed `/context/customer/segments/3` **material**: was \"Scheme employers\" (and its details)"
        ),
        "{markdown}"
    );
}
