//! What changed between two revisions of a canvas.
//!
//! [`diff`] compares two canvases element by element. Elements of a list are
//! matched **by id** where they have one (segments, needs, value elements,
//! journeys, touch points, offerings, gaps, objectives, metrics), by their name
//! or statement where they have no id, and lists of plain values (the
//! foundation's values, a segment's motivations, the scope) as sets: reordering
//! a list is never a change, and an element that moved keeps its identity.
//!
//! The comparison runs on the serialized form of the two canvases, so every
//! change carries the JSON Pointer of what changed, in the new document (or the
//! old one, for what was removed), and it takes time linear in the size of the
//! two documents: each list is matched through a hash table of its keys.

use std::collections::{BTreeMap, HashMap};
use std::fmt::{self, Write as _};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::canvas::{Block, Canvas};
use crate::id::CanvasId;

/// Why two canvases cannot be compared; see [`diff`] for an example.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DiffError {
    /// The canvases are different strategies, not revisions of one another.
    #[error(
        "the canvases are not revisions of one another: the old one is {old}, the new one is {new} and does not say it supersedes {old}"
    )]
    Unrelated {
        /// The id of the old canvas.
        old: CanvasId,
        /// The id of the new canvas.
        new: CanvasId,
    },
    /// A canvas could not be written out for comparison (a number that is
    /// not finite, which no loaded canvas holds).
    #[error("a canvas could not be serialized for comparison: {0}")]
    Serialize(String),
}

/// What happened to an element or a field.
///
/// ```
/// use customer_strategy::ChangeKind;
///
/// assert_eq!(ChangeKind::Removed.as_str(), "removed");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ChangeKind {
    /// It is in the new canvas only.
    Added,
    /// It is in the old canvas only.
    Removed,
    /// It is in both, with another value.
    Changed,
}

impl ChangeKind {
    /// The name used in documents, such as `"added"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
        }
    }
}

/// One change between two canvases, from [`CanvasDiff::changes`].
///
/// ```
/// use customer_strategy::{Canvas, ChangeKind, diff};
///
/// let mut old = Canvas::new("Customer strategy", "Northgate Coffee");
/// old.foundation.mission = "Coffee for the walk to work".to_owned();
/// let mut new = old.clone();
/// new.foundation.mission.clear();
/// let changes = diff(&old, &new)?;
/// let change = &changes.changes()[0];
/// // The foundation is now empty, so the whole block left the document.
/// assert_eq!((change.kind, change.path.as_str()), (ChangeKind::Removed, "/foundation"));
/// assert!(change.new.is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CanvasChange {
    /// Whether the element or field was added, removed or changed.
    pub kind: ChangeKind,
    /// The JSON Pointer of the element or field: in the new canvas for what was
    /// added or changed, in the old one for what was removed.
    pub path: String,
    /// For a change, the pointer in the old canvas when it differs from
    /// `path` (the element moved within its list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_path: Option<String>,
    /// The block the change is in; `None` for the metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block: Option<Block>,
    /// The old value; absent for what was added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<Value>,
    /// The new value; absent for what was removed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<Value>,
    /// Whether the change is material: see [`CanvasDiff`] for the definition.
    pub material: bool,
}

/// How many changes one block (or the metadata) has; see
/// [`CanvasDiff::summary`] for an example.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlockSummary {
    /// The block; `None` for the metadata.
    pub block: Option<Block>,
    /// Elements and fields added.
    pub added: usize,
    /// Elements and fields removed.
    pub removed: usize,
    /// Fields changed.
    pub changed: usize,
    /// How many of these changes are material.
    pub material: usize,
}

/// The changes from one revision of a canvas to another, from [`diff`].
///
/// A change is **material** when it touches what the strategy commits to: a
/// customer segment, a need, a value element, a customer objective or a
/// metric's target is added or removed, or a field of one of them changes.
/// A text of theirs (a name, a description, a statement) that changes by at
/// most [`CanvasDiff::TYPO_EDITS`] characters (insertions, deletions or
/// substitutions) is a typo-level change and not material, and so is a change
/// to the [evidence](crate::StatementEvidence) behind a statement (what is
/// known about it, not what the strategy commits to). Everything else
/// (journeys, offerings, the wording of other blocks, the metadata) is listed
/// but not material. An approved canvas whose latest material change comes
/// after a stakeholder's sign-off needs that stakeholder to sign again.
///
/// ```
/// use customer_strategy::{Canvas, ChangeKind, CustomerRole, CustomerSegment, CustomerStatus, diff};
///
/// let mut old = Canvas::new("Customer strategy", "Northgate Coffee");
/// let regulars = CustomerSegment::new("Regulars", CustomerStatus::Existing, CustomerRole::Both);
/// old.add_segment(regulars);
/// old.add_segment(CustomerSegment::new("Office workers", CustomerStatus::Prospect, CustomerRole::Both));
/// let mut new = old.clone();
///
/// // Reordering the segments is not a change.
/// new.context.customer.segments.reverse();
/// assert!(diff(&old, &new)?.is_empty());
///
/// // Renaming one is one change, at its name.
/// new.context.customer.segments[1].name = "Morning regulars".to_owned();
/// let changes = diff(&old, &new)?;
/// assert_eq!(changes.len(), 1);
/// let change = &changes.changes()[0];
/// assert_eq!(change.kind, ChangeKind::Changed);
/// assert_eq!(change.path, "/context/customer/segments/1/name");
/// assert_eq!(change.old_path.as_deref(), Some("/context/customer/segments/0/name"));
/// assert!(change.material); // a segment's name, changed by more than a typo
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CanvasDiff {
    changes: Vec<CanvasChange>,
}

impl CanvasDiff {
    /// A text change of at most this many character edits is typo-level.
    pub const TYPO_EDITS: usize = 3;

    /// Every change, in document order of the new canvas (removals where the
    /// element stood in the old one).
    #[must_use]
    pub fn changes(&self) -> &[CanvasChange] {
        &self.changes
    }

    /// How many changes there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.changes.len()
    }

    /// Whether the canvases are the same, but for the order of their lists.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// Whether any change is material.
    #[must_use]
    pub fn is_material(&self) -> bool {
        self.changes.iter().any(|c| c.material)
    }

    /// The changes counted per block, the metadata first and then the blocks
    /// in canvas order; blocks without changes are left out.
    ///
    /// ```
    /// use customer_strategy::{Block, Canvas, diff};
    ///
    /// let old = Canvas::new("Customer strategy", "Northgate Coffee");
    /// let mut new = old.clone();
    /// new.foundation.purpose = "Good coffee on the way to work".to_owned();
    /// let summary = diff(&old, &new)?.summary();
    /// assert_eq!(summary.len(), 1);
    /// assert_eq!(summary[0].block, Some(Block::Foundation));
    /// // An empty foundation is left out of the document, so the whole block was added.
    /// assert_eq!(summary[0].added, 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn summary(&self) -> Vec<BlockSummary> {
        let mut per: BTreeMap<Option<usize>, BlockSummary> = BTreeMap::new();
        for change in &self.changes {
            let position = change
                .block
                .and_then(|b| Block::ALL.iter().position(|x| *x == b));
            let entry = per.entry(position).or_insert(BlockSummary {
                block: change.block,
                ..BlockSummary::default()
            });
            match change.kind {
                ChangeKind::Added => entry.added += 1,
                ChangeKind::Removed => entry.removed += 1,
                ChangeKind::Changed => entry.changed += 1,
            }
            if change.material {
                entry.material += 1;
            }
        }
        per.into_values().collect()
    }

    /// The changes as Markdown, block by block, for the people asked to sign
    /// the canvas again: each change with its pointer and its old and new
    /// values, material changes marked.
    ///
    /// ```
    /// use customer_strategy::{Canvas, diff};
    ///
    /// let mut old = Canvas::new("Customer strategy", "Northgate Coffee");
    /// old.foundation.vision = "The coffee everyone knows".to_owned();
    /// let mut new = old.clone();
    /// new.foundation.vision = "The corner coffee everyone knows".to_owned();
    /// let text = diff(&old, &new)?.to_markdown();
    /// assert!(text.starts_with("# What changed\n"));
    /// assert!(text.contains("## Purpose, vision, mission and values"));
    /// assert!(text.contains("- changed `/foundation/vision`: \"The coffee everyone knows\" → \"The corner coffee everyone knows\""));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn to_markdown(&self) -> String {
        let mut out = String::from("# What changed\n\n");
        if self.changes.is_empty() {
            out.push_str("Nothing changed.\n");
            return out;
        }
        let material = self.changes.iter().filter(|c| c.material).count();
        // Writing to a String cannot fail.
        let _ = writeln!(
            out,
            "{} change(s), {material} of them material (marked **material**: they need the strategy signed again).",
            self.changes.len()
        );
        for summary in self.summary() {
            let title = summary.block.map_or("Metadata", Block::title);
            let _ = writeln!(
                out,
                "\n## {}\n\n{} added, {} removed, {} changed\n",
                markdown_text(title),
                summary.added,
                summary.removed,
                summary.changed
            );
            for change in self.changes.iter().filter(|c| c.block == summary.block) {
                let mark = if change.material { " **material**" } else { "" };
                let _ = write!(out, "- {} `{}`{mark}", change.kind.as_str(), change.path);
                match (&change.old, &change.new) {
                    (Some(old), Some(new)) => {
                        let _ = write!(out, ": {} → {}", shown(old), shown(new));
                    }
                    (None, Some(new)) => {
                        let _ = write!(out, ": {}", shown(new));
                    }
                    (Some(old), None) => {
                        let _ = write!(out, ": was {}", shown(old));
                    }
                    (None, None) => {}
                }
                out.push('\n');
            }
        }
        out
    }
}

impl fmt::Display for CanvasDiff {
    /// One line per change: its kind, its pointer, and `(material)` where it is.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for change in &self.changes {
            write!(f, "{} {}", change.kind.as_str(), change.path)?;
            if change.material {
                f.write_str(" (material)")?;
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

/// A value as it reads in Markdown: see [`described`].
fn shown(value: &Value) -> String {
    markdown_text(&described(value, 120))
}

/// A value in a few words, for people: text in quotes, an element by its
/// name or statement, anything else as compact JSON; cut to `max` characters.
pub(crate) fn described(value: &Value, max: usize) -> String {
    let label = [
        "name",
        "statement",
        "description",
        "executive",
        "competitor",
    ]
    .iter()
    .find_map(|key| value.get(key).and_then(Value::as_str));
    let text = match (value, label) {
        (Value::String(s), _) => format!("\"{s}\""),
        (Value::Object(_), Some(label)) => format!("\"{label}\" (and its details)"),
        (other, _) => other.to_string(),
    };
    let cut: String = text.chars().take(max).collect();
    if cut.len() < text.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// Escapes the characters Markdown would read as markup.
fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Compares two revisions of a canvas: what `new` adds to, removes from and
/// changes in `old`. See [`CanvasDiff`] for what counts as material.
///
/// # Errors
///
/// [`DiffError::Unrelated`] when the canvases have different ids and neither
/// says it [supersedes](crate::Metadata::supersedes) the other: they are
/// different strategies, and listing everything as changed would hide that.
///
/// ```
/// use customer_strategy::{Canvas, diff};
///
/// let a = Canvas::new("Customer strategy", "Northgate Coffee");
/// let b = Canvas::new("Customer strategy", "Harbour Bank");
/// let error = diff(&a, &b).unwrap_err();
/// assert!(error.to_string().starts_with("the canvases are not revisions of one another"));
/// ```
pub fn diff(old: &Canvas, new: &Canvas) -> Result<CanvasDiff, DiffError> {
    let (o, n) = (&old.metadata, &new.metadata);
    let related = o.id == n.id
        || n.supersedes.as_ref().is_some_and(|s| s.canvas == o.id)
        || o.supersedes.as_ref().is_some_and(|s| s.canvas == n.id);
    if !related {
        return Err(DiffError::Unrelated {
            old: o.id,
            new: n.id,
        });
    }
    let mut walk = Walk {
        changes: Vec::new(),
        old: Pointer::default(),
        new: Pointer::default(),
    };
    skeleton(&mut walk, old, new).map_err(|e| DiffError::Serialize(e.to_string()))?;
    Ok(CanvasDiff {
        changes: walk.changes,
    })
}

/// Compares the canvases zone by zone and block by block, in document order,
/// typed: equal parts are skipped without being serialized, the lists of
/// elements with ids are matched by id, and only the elements that differ are
/// serialized and compared field by field. Every part of the skeleton is left
/// out of the document when it is empty, so an empty part on one side is an
/// addition or a removal of the whole part, as in the serialized documents.
///
/// The destructuring is exhaustive, so that a new field cannot be forgotten.
fn skeleton(w: &mut Walk, old: &Canvas, new: &Canvas) -> Result<(), serde_json::Error> {
    let Canvas {
        metadata,
        foundation,
        context,
        proposition,
        value_chain,
        steering,
    } = new;
    w.field("metadata", &old.metadata, metadata)?;
    w.part("foundation", &old.foundation, foundation, |w, o, n| {
        let crate::canvas::Foundation {
            purpose,
            vision,
            mission,
            values,
            business_goals,
        } = n;
        w.optional("purpose", &o.purpose, purpose)?;
        w.optional("vision", &o.vision, vision)?;
        w.optional("mission", &o.mission, mission)?;
        w.optional("values", &o.values, values)?;
        w.id_list("business_goals", &o.business_goals, business_goals, |g| {
            g.id
        })
    })?;
    w.part("context", &old.context, context, |w, o, n| {
        let crate::canvas::Context { business, customer } = n;
        w.optional("business", &o.business, business)?;
        w.part("customer", &o.customer, customer, |w, o, n| {
            let crate::canvas::CustomerContext {
                segments,
                priorities,
            } = n;
            w.id_list("segments", &o.segments, segments, |s| s.id)?;
            w.optional("priorities", &o.priorities, priorities)
        })
    })?;
    w.part("proposition", &old.proposition, proposition, |w, o, n| {
        let crate::canvas::PropositionAndExperience {
            customer_value,
            business_value,
            experience,
        } = n;
        w.part(
            "customer_value",
            &o.customer_value,
            customer_value,
            |w, o, n| {
                let crate::canvas::CustomerValueProposition {
                    statement,
                    elements,
                    differentiators,
                } = n;
                w.optional("statement", &o.statement, statement)?;
                w.id_list("elements", &o.elements, elements, |e| e.id)?;
                w.optional("differentiators", &o.differentiators, differentiators)
            },
        )?;
        w.optional("business_value", &o.business_value, business_value)?;
        w.part("experience", &o.experience, experience, |w, o, n| {
            let crate::canvas::ExperienceConcept {
                statement,
                journeys,
            } = n;
            w.optional("statement", &o.statement, statement)?;
            w.id_list("journeys", &o.journeys, journeys, |j| j.id)
        })
    })?;
    w.part("value_chain", &old.value_chain, value_chain, |w, o, n| {
        let crate::canvas::ValueChain {
            offerings,
            capabilities,
            people,
        } = n;
        w.part("offerings", &o.offerings, offerings, |w, o, n| {
            let crate::canvas::ProductsAndServices {
                offerings,
                capability_gaps,
            } = n;
            w.id_list("offerings", &o.offerings, offerings, |x| x.id)?;
            w.id_list(
                "capability_gaps",
                &o.capability_gaps,
                capability_gaps,
                |g| g.id,
            )
        })?;
        w.optional("capabilities", &o.capabilities, capabilities)?;
        w.optional("people", &o.people, people)
    })?;
    w.part("steering", &old.steering, steering, |w, o, n| {
        let crate::canvas::Steering {
            insight,
            performance,
            governance,
        } = n;
        w.optional("insight", &o.insight, insight)?;
        w.part("performance", &o.performance, performance, |w, o, n| {
            let crate::canvas::Performance {
                objectives,
                metrics,
                incentives,
            } = n;
            w.id_list("objectives", &o.objectives, objectives, |x| x.id)?;
            w.id_list("metrics", &o.metrics, metrics, |m| m.id)?;
            w.optional("incentives", &o.incentives, incentives)
        })?;
        w.optional("governance", &o.governance, governance)
    })
}

fn to_value<T: Serialize>(value: &T) -> Result<Value, serde_json::Error> {
    serde_json::to_value(value)
}

impl Walk {
    /// A field always written: compared through its serialized form unless equal.
    fn field<T: Serialize + PartialEq>(
        &mut self,
        key: &str,
        old: &T,
        new: &T,
    ) -> Result<(), serde_json::Error> {
        if old == new {
            return Ok(());
        }
        self.old.push_key(key);
        self.new.push_key(key);
        let result = self.field_here(old, new);
        self.old.pop();
        self.new.pop();
        result
    }

    /// A field left out of the document when it has its default value: an
    /// addition or a removal when one side is the default.
    fn optional<T: Serialize + PartialEq + Default>(
        &mut self,
        key: &str,
        old: &T,
        new: &T,
    ) -> Result<(), serde_json::Error> {
        self.part(key, old, new, |w, o, n| w.field_here(o, n))
    }

    /// Compares `old` and `new` at the current pointers.
    fn field_here<T: Serialize + PartialEq>(
        &mut self,
        old: &T,
        new: &T,
    ) -> Result<(), serde_json::Error> {
        if old != new {
            let (o, n) = (to_value(old)?, to_value(new)?);
            self.value(&o, &n);
        }
        Ok(())
    }

    /// A part of the skeleton, left out of the document when it has its
    /// default value; `inside` compares two parts that are both written.
    fn part<T: Serialize + PartialEq + Default>(
        &mut self,
        key: &str,
        old: &T,
        new: &T,
        inside: impl FnOnce(&mut Self, &T, &T) -> Result<(), serde_json::Error>,
    ) -> Result<(), serde_json::Error> {
        if old == new {
            return Ok(());
        }
        let empty = T::default();
        self.old.push_key(key);
        self.new.push_key(key);
        let result = if *old == empty {
            to_value(new).map(|n| self.record(ChangeKind::Added, None, Some(&n)))
        } else if *new == empty {
            to_value(old).map(|o| self.record(ChangeKind::Removed, Some(&o), None))
        } else {
            inside(self, old, new)
        };
        self.old.pop();
        self.new.pop();
        result
    }

    /// A list of elements with ids, left out of the document when empty:
    /// elements matched by id, and only those that differ serialized. With
    /// an id given twice, the list is compared through its serialized form.
    fn id_list<T: Serialize + PartialEq, K: std::hash::Hash + Eq>(
        &mut self,
        key: &str,
        old: &[T],
        new: &[T],
        id: impl Fn(&T) -> K,
    ) -> Result<(), serde_json::Error> {
        if old == new {
            return Ok(());
        }
        self.old.push_key(key);
        self.new.push_key(key);
        let result = self.id_list_here(old, new, id);
        self.old.pop();
        self.new.pop();
        result
    }

    fn id_list_here<T: Serialize + PartialEq, K: std::hash::Hash + Eq>(
        &mut self,
        old: &[T],
        new: &[T],
        id: impl Fn(&T) -> K,
    ) -> Result<(), serde_json::Error> {
        if old.is_empty() || new.is_empty() {
            let (o, n) = (to_value(&old)?, to_value(&new)?);
            if old.is_empty() {
                self.record(ChangeKind::Added, None, Some(&n));
            } else {
                self.record(ChangeKind::Removed, Some(&o), None);
            }
            return Ok(());
        }
        let mut by_id: Table<K, usize> = table(old.len());
        for (i, element) in old.iter().enumerate() {
            by_id.insert(id(element), i);
        }
        let mut in_new: Table<K, ()> = table(new.len());
        for element in new {
            in_new.insert(id(element), ());
        }
        if by_id.len() != old.len() || in_new.len() != new.len() {
            // An id given twice: leave the matching to the serialized lists.
            let (o, n) = (to_value(&old)?, to_value(&new)?);
            self.value(&o, &n);
            return Ok(());
        }
        let mut seen = vec![false; old.len()];
        for (j, element) in new.iter().enumerate() {
            let found = by_id
                .get(&id(element))
                .and_then(|&i| old.get(i).map(|before| (i, before)));
            match found {
                Some((i, before)) => {
                    if let Some(flag) = seen.get_mut(i) {
                        *flag = true;
                    }
                    if before != element {
                        let (o, n) = (to_value(before)?, to_value(element)?);
                        self.pair(i, j, &o, &n);
                    }
                }
                None => {
                    let n = to_value(element)?;
                    self.added(j, &n);
                }
            }
        }
        for (i, (element, seen)) in old.iter().zip(seen).enumerate() {
            if !seen {
                let o = to_value(element)?;
                self.removed(i, &o);
            }
        }
        Ok(())
    }
}

/// A JSON Pointer being built, one part pushed and popped at a time.
#[derive(Clone, Debug, Default)]
struct Pointer {
    text: String,
    /// Where each part starts in `text` (at its `/`).
    starts: Vec<usize>,
}

impl Pointer {
    fn push_key(&mut self, key: &str) {
        self.starts.push(self.text.len());
        self.text.push('/');
        if key.contains(['~', '/']) {
            for c in key.chars() {
                match c {
                    '~' => self.text.push_str("~0"),
                    '/' => self.text.push_str("~1"),
                    c => self.text.push(c),
                }
            }
        } else {
            self.text.push_str(key);
        }
    }

    fn push_index(&mut self, index: usize) {
        self.starts.push(self.text.len());
        let _ = write!(self.text, "/{index}");
    }

    fn pop(&mut self) {
        if let Some(start) = self.starts.pop() {
            self.text.truncate(start);
        }
    }

    /// The parts of the pointer, unescaped.
    fn parts(&self) -> Vec<String> {
        self.text
            .split('/')
            .skip(1)
            .map(|part| part.replace("~1", "/").replace("~0", "~"))
            .collect()
    }
}

/// The keys that identify an element of a list without an id, in the order
/// they are tried.
const NATURAL_KEYS: [&str; 8] = [
    "id",
    "name",
    "statement",
    "executive",
    "competitor",
    "description",
    "right",
    "stakeholder",
];

type Table<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

fn table<K, V>(capacity: usize) -> Table<K, V> {
    HashMap::with_capacity_and_hasher(capacity, foldhash::fast::RandomState::default())
}

struct Walk {
    changes: Vec<CanvasChange>,
    old: Pointer,
    new: Pointer,
}

impl Walk {
    /// Compares `old` at `self.old` with `new` at `self.new`.
    fn value(&mut self, old: &Value, new: &Value) {
        match (old, new) {
            (Value::Object(o), Value::Object(n)) => {
                for (key, new_child) in n {
                    self.new.push_key(key);
                    match o.get(key) {
                        Some(old_child) => {
                            self.old.push_key(key);
                            self.value(old_child, new_child);
                            self.old.pop();
                        }
                        None => self.record(ChangeKind::Added, None, Some(new_child)),
                    }
                    self.new.pop();
                }
                for (key, old_child) in o {
                    if !n.contains_key(key) {
                        self.old.push_key(key);
                        self.record(ChangeKind::Removed, Some(old_child), None);
                        self.old.pop();
                    }
                }
            }
            (Value::Array(o), Value::Array(n)) => self.list(o, n),
            (o, n) if o == n => {}
            (o, n) => self.record(ChangeKind::Changed, Some(o), Some(n)),
        }
    }

    /// Compares element `i` of the old list with element `j` of the new one.
    fn pair(&mut self, i: usize, j: usize, old: &Value, new: &Value) {
        self.old.push_index(i);
        self.new.push_index(j);
        self.value(old, new);
        self.old.pop();
        self.new.pop();
    }

    fn added(&mut self, j: usize, new: &Value) {
        self.new.push_index(j);
        self.record(ChangeKind::Added, None, Some(new));
        self.new.pop();
    }

    fn removed(&mut self, i: usize, old: &Value) {
        self.old.push_index(i);
        self.record(ChangeKind::Removed, Some(old), None);
        self.old.pop();
    }

    fn list(&mut self, old: &[Value], new: &[Value]) {
        if let Some(key) = natural_key(old, new) {
            let mut by_key: Table<&Value, usize> = table(old.len());
            for (i, element) in old.iter().enumerate() {
                if let Some(k) = element.get(key) {
                    by_key.insert(k, i);
                }
            }
            let mut seen = vec![false; old.len()];
            for (j, element) in new.iter().enumerate() {
                let found = element
                    .get(key)
                    .and_then(|k| by_key.get(k).copied())
                    .and_then(|i| old.get(i).map(|before| (i, before)));
                match found {
                    Some((i, before)) => {
                        if let Some(flag) = seen.get_mut(i) {
                            *flag = true;
                        }
                        self.pair(i, j, before, element);
                    }
                    None => self.added(j, element),
                }
            }
            for (i, (element, seen)) in old.iter().zip(seen).enumerate() {
                if !seen {
                    self.removed(i, element);
                }
            }
        } else if old.iter().chain(new).all(is_scalar) {
            // A list of plain values is a set (with repeats counted).
            let mut left: Table<&Value, usize> = table(old.len());
            for v in old {
                *left.entry(v).or_insert(0) += 1;
            }
            for (j, v) in new.iter().enumerate() {
                match left.get_mut(v) {
                    Some(n) if *n > 0 => *n -= 1,
                    _ => self.added(j, v),
                }
            }
            // What is left over was removed: its last occurrences, in order.
            let mut removed = Vec::new();
            for (i, v) in old.iter().enumerate().rev() {
                if let Some(n) = left.get_mut(v)
                    && *n > 0
                {
                    *n -= 1;
                    removed.push((i, v));
                }
            }
            for (i, v) in removed.into_iter().rev() {
                self.removed(i, v);
            }
        } else {
            // Nothing identifies the elements: compare them by position.
            for (j, element) in new.iter().enumerate() {
                match old.get(j) {
                    Some(before) => self.pair(j, j, before, element),
                    None => self.added(j, element),
                }
            }
            for (i, element) in old.iter().enumerate().skip(new.len()) {
                self.removed(i, element);
            }
        }
    }

    /// Records a change at the new pointer (the old one for a removal).
    fn record(&mut self, kind: ChangeKind, old: Option<&Value>, new: Option<&Value>) {
        let at = if kind == ChangeKind::Removed {
            &self.old
        } else {
            &self.new
        };
        let parts = at.parts();
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        let material = is_material(kind, &parts, old, new);
        let old_path = (kind == ChangeKind::Changed && self.old.text != self.new.text)
            .then(|| self.old.text.clone());
        self.changes.push(CanvasChange {
            kind,
            path: at.text.clone(),
            old_path,
            block: block_of(&at.text),
            old: old.cloned(),
            new: new.cloned(),
            material,
        });
    }
}

fn is_scalar(value: &Value) -> bool {
    !matches!(value, Value::Array(_) | Value::Object(_))
}

/// The key that identifies every element of both lists, each once per list.
fn natural_key(old: &[Value], new: &[Value]) -> Option<&'static str> {
    if old.is_empty() && new.is_empty() {
        return None;
    }
    NATURAL_KEYS
        .into_iter()
        .find(|key| unique_by(old, key) && unique_by(new, key))
}

fn unique_by(list: &[Value], key: &str) -> bool {
    let mut seen: Table<&Value, ()> = table(list.len());
    list.iter().all(|element| {
        element
            .get(key)
            .is_some_and(|k| is_scalar(k) && seen.insert(k, ()).is_none())
    })
}

/// The block whose pointer is a prefix of `path`; `None` for the metadata.
fn block_of(path: &str) -> Option<Block> {
    Block::ALL.into_iter().find(|block| {
        let pointer = block.pointer();
        path.strip_prefix(pointer)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    })
}

/// The paths of the elements a material change touches, as patterns of
/// pointer parts (`#` is any index).
const COMMITMENTS: [&[&str]; 5] = [
    &["context", "customer", "segments", "#"],
    &["context", "customer", "segments", "#", "needs", "#"],
    &["proposition", "customer_value", "elements", "#"],
    &["steering", "performance", "objectives", "#"],
    &["steering", "performance", "metrics", "#", "target"],
];

/// The text fields of a commitment whose typo-level edits are not material.
const TEXTS: [&str; 3] = ["name", "description", "statement"];

fn is_material(kind: ChangeKind, parts: &[&str], old: Option<&Value>, new: Option<&Value>) -> bool {
    let matches = |pattern: &[&str], parts: &[&str]| {
        pattern.len() == parts.len()
            && pattern
                .iter()
                .zip(parts)
                .all(|(p, x)| *p == *x || (*p == "#" && x.parse::<usize>().is_ok()))
    };
    // The commitment the change is in or under, and how far under.
    let Some(depth) = COMMITMENTS
        .iter()
        .filter(|pattern| {
            parts
                .get(..pattern.len())
                .is_some_and(|head| matches(pattern, head))
        })
        .map(|pattern| pattern.len())
        .max()
    else {
        return false;
    };
    let rest = parts.get(depth..).unwrap_or_default();
    // The evidence behind a statement is what is known about it, not what
    // the strategy commits to.
    if rest.first() == Some(&"evidence") {
        return false;
    }
    if rest.is_empty() || kind != ChangeKind::Changed {
        // The commitment itself added or removed, or a field of it added or removed.
        return true;
    }
    if let ([field], Some(Value::String(a)), Some(Value::String(b))) = (rest, old, new)
        && TEXTS.contains(field)
    {
        return !within_edits(a, b, CanvasDiff::TYPO_EDITS);
    }
    true
}

/// Whether `a` can be turned into `b` with at most `k` single-character
/// insertions, deletions or substitutions: Levenshtein distance in a band of
/// width `2k + 1`, so linear in the length of the texts.
fn within_edits(a: &str, b: &str, k: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > k {
        return false;
    }
    let big = k + 1;
    // prev[j] is the distance between a[..i] and b[..j], for j within the band.
    let mut prev: Vec<usize> = (0..=b.len()).map(|j| j.min(big)).collect();
    let mut cur = vec![big; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        let row = i + 1;
        let low = row.saturating_sub(k);
        let high = (row + k).min(b.len());
        for slot in cur.iter_mut() {
            *slot = big;
        }
        if low == 0
            && let Some(first) = cur.first_mut()
        {
            *first = row.min(big);
        }
        let mut best = big;
        for j in low.max(1)..=high {
            let cb = b.get(j - 1);
            let diagonal = prev.get(j - 1).copied().unwrap_or(big) + usize::from(cb != Some(ca));
            let up = prev.get(j).copied().unwrap_or(big) + 1;
            let left = cur.get(j - 1).copied().unwrap_or(big) + 1;
            let d = diagonal.min(up).min(left).min(big);
            if let Some(slot) = cur.get_mut(j) {
                *slot = d;
            }
            best = best.min(d);
        }
        if low == 0 {
            best = best.min(cur.first().copied().unwrap_or(big));
        }
        if best > k {
            return false;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.get(b.len()).is_some_and(|&d| d <= k)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The changes the serialized documents give when walked whole.
    fn walked_whole(old: &Canvas, new: &Canvas) -> Vec<CanvasChange> {
        let mut walk = Walk {
            changes: Vec::new(),
            old: Pointer::default(),
            new: Pointer::default(),
        };
        walk.value(
            &serde_json::to_value(old).unwrap(),
            &serde_json::to_value(new).unwrap(),
        );
        walk.changes
    }

    fn sorted(mut changes: Vec<CanvasChange>) -> Vec<String> {
        let mut out: Vec<String> = changes
            .drain(..)
            .map(|c| {
                format!(
                    "{} {} {:?} {}",
                    c.kind.as_str(),
                    c.path,
                    c.old_path,
                    c.material
                )
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn the_typed_walk_finds_what_the_serialized_documents_show() {
        use crate::document::Document;
        let bank = Canvas::from_json(include_str!("../../examples/data/harbour_bank_canvas.json"))
            .unwrap();
        let edits: [fn(&mut Canvas); 10] = [
            |c| c.context.customer.segments.reverse(),
            |c| c.context.customer.segments[2].name.push('!'),
            |c| {
                c.context.customer.segments.remove(1);
            },
            |c| c.foundation = crate::canvas::Foundation::default(),
            |c| c.steering.performance.metrics.clear(),
            |c| {
                let id = c.steering.performance.metrics[0].id;
                c.steering.performance.metrics[3].id = id;
                c.steering.performance.metrics[3].name.push_str(" again");
            },
            |c| c.proposition.experience.journeys[1].stages.reverse(),
            |c| c.metadata.stakeholders.pop().map(drop).unwrap_or(()),
            |c| c.value_chain.offerings.capability_gaps.rotate_left(1),
            |c| c.steering.governance.will_not_do.clear(),
        ];
        for (n, edit) in edits.iter().enumerate() {
            let mut changed = bank.clone();
            edit(&mut changed);
            for (old, new) in [(&bank, &changed), (&changed, &bank)] {
                let typed = diff(old, new).unwrap().changes;
                assert_eq!(sorted(typed), sorted(walked_whole(old, new)), "edit {n}");
            }
        }
    }

    #[test]
    fn edit_distance_within_a_band() {
        assert!(within_edits("Regulars", "Regulars", 0));
        assert!(within_edits("Regulars", "Regualrs", 2));
        assert!(!within_edits("Regulars", "Regualrs", 1));
        assert!(within_edits("First-time buyers", "First time buyers", 1));
        assert!(within_edits("abc", "", 3));
        assert!(!within_edits("abcd", "", 3));
        assert!(within_edits("", "", 0));
        assert!(!within_edits("Regulars", "Morning regulars", 3));
        assert!(within_edits("café", "cafe", 1));
    }

    #[test]
    fn blocks_are_found_by_prefix() {
        assert_eq!(block_of("/foundation/vision"), Some(Block::Foundation));
        assert_eq!(
            block_of("/context/customer/segments/0"),
            Some(Block::CustomerContext)
        );
        assert_eq!(block_of("/metadata/name"), None);
        assert_eq!(block_of("/context/customers"), None);
    }

    #[test]
    fn what_is_material() {
        let text = |s: &str| Value::String(s.to_owned());
        let changed = |parts: &[&str], a: &str, b: &str| {
            is_material(ChangeKind::Changed, parts, Some(&text(a)), Some(&text(b)))
        };
        let seg = ["context", "customer", "segments", "0", "name"];
        assert!(!changed(&seg, "Regulars", "Regualrs"));
        assert!(changed(&seg, "Regulars", "Morning regulars"));
        let role = ["context", "customer", "segments", "0", "role"];
        assert!(changed(&role, "both", "pays"));
        let journey = ["proposition", "experience", "journeys", "0", "name"];
        assert!(!changed(&journey, "A", "Something else entirely"));
        let target = ["steering", "performance", "metrics", "3", "target", "value"];
        assert!(is_material(
            ChangeKind::Changed,
            &target,
            Some(&Value::from(40)),
            Some(&Value::from(45))
        ));
        let need = ["context", "customer", "segments", "2", "needs", "1"];
        assert!(is_material(
            ChangeKind::Added,
            &need,
            None,
            Some(&text("x"))
        ));
        let evidence = [
            "context", "customer", "segments", "0", "needs", "1", "evidence",
        ];
        assert!(!is_material(
            ChangeKind::Added,
            &evidence,
            None,
            Some(&text("x"))
        ));
        let unit = ["steering", "performance", "metrics", "3", "unit"];
        assert!(!is_material(
            ChangeKind::Changed,
            &unit,
            Some(&text("%")),
            Some(&text("pts"))
        ));
    }
}
