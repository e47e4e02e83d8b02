//! Folding: after every rule has run, each finding a reported cause implies
//! moves into that cause instead of standing beside it.
//!
//! A cause is a finding with [`Finding::covers`]. A finding is implied by a
//! cause when its path, or one of its [`Finding::concerns`], is at or under the
//! pointer the cause covers, and it is no more severe than the cause; a cause
//! is implied by another only through the pointer it covers itself, which must
//! lie strictly under the other's, or at the same pointer with the other first
//! in report order. Of the causes that imply a finding, the one covering the
//! deepest pointer above its path takes it (the first in report order among
//! causes of the same pointer); only when none does are its concerns tried, in
//! the order given.
//!
//! Each finding looks up the pointers above it (one per step of its path) in a
//! table of the causes by pointer, so the cost is the number of findings times
//! the depth of their paths, never findings times findings.

use std::collections::BTreeMap;

use crate::validate::finding::Finding;

/// Folds `findings` (in report order) and returns those left standing, in
/// report order, each carrying what it implies in the same order.
pub(crate) fn fold(findings: Vec<Finding>) -> Vec<Finding> {
    if findings.iter().all(|f| f.covers.is_none()) {
        return findings;
    }
    let parents = parents(&findings);

    // How deep each finding sits in the forest of causes. A parent comes
    // before its child in the order (pointer length, report order) of what it
    // covers, so walking the causes in that order meets parents first; other
    // findings are leaves, one below their parent.
    let mut depth = vec![0usize; findings.len()];
    let mut causes: Vec<usize> = (0..findings.len())
        .filter(|&i| findings.get(i).is_some_and(|f| f.covers.is_some()))
        .collect();
    causes.sort_by_key(|&i| (covers_len(&findings, i), i));
    for &i in &causes {
        if let Some(&Some(parent)) = parents.get(i) {
            let d = depth.get(parent).copied().unwrap_or(0) + 1;
            if let Some(slot) = depth.get_mut(i) {
                *slot = d;
            }
        }
    }
    for (i, parent) in parents.iter().enumerate() {
        let is_cause = findings.get(i).is_some_and(|f| f.covers.is_some());
        if let (Some(parent), false) = (parent, is_cause) {
            let d = depth.get(*parent).copied().unwrap_or(0) + 1;
            if let Some(slot) = depth.get_mut(i) {
                *slot = d;
            }
        }
    }

    // Deepest first: a cause has received everything below it before it moves
    // into its own parent. Within one depth, report order keeps each folded
    // list in report order.
    let mut order: Vec<usize> = (0..findings.len())
        .filter(|&i| parents.get(i).is_some_and(Option::is_some))
        .collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(depth.get(i).copied().unwrap_or(0)), i));
    let mut slots: Vec<Option<Finding>> = findings.into_iter().map(Some).collect();
    for i in order {
        let Some(&Some(parent)) = parents.get(i) else {
            continue;
        };
        let Some(child) = slots.get_mut(i).and_then(Option::take) else {
            continue;
        };
        if let Some(Some(cause)) = slots.get_mut(parent) {
            cause.folded.push(child);
        }
    }
    slots.into_iter().flatten().collect()
}

fn covers_len(findings: &[Finding], i: usize) -> usize {
    findings
        .get(i)
        .and_then(|f| f.covers.as_ref())
        .map_or(0, |c| c.as_str().len())
}

/// For each finding, the cause it is folded into, if any.
fn parents(findings: &[Finding]) -> Vec<Option<usize>> {
    // The causes by the pointer they cover, each list in report order.
    let mut by_pointer: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, finding) in findings.iter().enumerate() {
        if let Some(covers) = &finding.covers {
            by_pointer.entry(covers.as_str()).or_default().push(i);
        }
    }
    findings
        .iter()
        .enumerate()
        .map(|(i, finding)| {
            let implies = |cause: usize| {
                cause != i
                    && findings
                        .get(cause)
                        .is_some_and(|c| c.severity >= finding.severity)
            };
            match &finding.covers {
                // A cause: only through what it covers, and at its own pointer
                // only into an earlier cause.
                Some(covers) => deepest(covers.as_str(), &by_pointer, |cause, at_own| {
                    implies(cause) && (!at_own || cause < i)
                }),
                // By its own path first; by what else it concerns, in the
                // order given, only when no cause implies it through its path.
                None => std::iter::once(&finding.path)
                    .chain(finding.concerns.iter())
                    .find_map(|pointer| {
                        deepest(pointer.as_str(), &by_pointer, |cause, _| implies(cause))
                    }),
            }
        })
        .collect()
}

/// The first cause, walking up from `pointer` itself to the root, that
/// `accept`s; `accept` is told whether the cause covers `pointer` itself.
fn deepest(
    pointer: &str,
    by_pointer: &BTreeMap<&str, Vec<usize>>,
    accept: impl Fn(usize, bool) -> bool,
) -> Option<usize> {
    let mut at = pointer;
    let mut own = true;
    loop {
        if let Some(causes) = by_pointer.get(at)
            && let Some(&cause) = causes.iter().find(|&&c| accept(c, own))
        {
            return Some(cause);
        }
        if at.is_empty() {
            return None;
        }
        // One step up: drop the last `/segment`; "/a" goes to the root "".
        at = at
            .rfind('/')
            .and_then(|slash| at.get(..slash))
            .unwrap_or("");
        own = false;
    }
}
