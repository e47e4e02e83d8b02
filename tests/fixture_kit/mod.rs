//! What the fixture-driven rule tests share: RFC 6902-style patches (fixtures
//! describe invalid documents as small patches of valid samples), JSON Pointer
//! helpers, and the expected findings a fixture lists.

#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use customer_strategy::validate::{Finding, Report, Severity};
use serde::Deserialize;
use serde_json::Value;

/// A finding a fixture expects, by code, path and severity.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expected {
    /// The rule's code.
    pub code: String,
    /// The finding's JSON Pointer.
    pub path: String,
    /// The finding's severity.
    pub severity: Severity,
}

impl std::fmt::Display for Expected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} at {}", self.severity, self.code, self.path)
    }
}

/// The findings of a report in the form fixtures expect, sorted.
pub fn found(report: &Report) -> Vec<Expected> {
    expected_of(report.findings().iter())
}

/// Every finding of a report, standing or folded, in the form fixtures expect,
/// sorted: a fixture pins down what each rule reports, whatever folds it.
#[allow(dead_code)] // Not every test binary that shares the kit folds.
pub fn found_all(report: &Report) -> Vec<Expected> {
    expected_of(report.all_findings())
}

fn expected_of<'a>(findings: impl Iterator<Item = &'a Finding>) -> Vec<Expected> {
    let mut found: Vec<Expected> = findings
        .map(|f| Expected {
            code: f.code.clone(),
            path: f.path.as_str().to_owned(),
            severity: f.severity,
        })
        .collect();
    found.sort();
    found
}

/// Findings one per line, for failure messages.
pub fn list(findings: &[Expected]) -> String {
    if findings.is_empty() {
        return "    (none)".to_owned();
    }
    findings
        .iter()
        .map(|f| format!("    {f}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// One RFC 6902-style patch operation: `add`, `remove` or `replace`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Operation {
    /// `add`, `remove` or `replace`.
    pub op: String,
    /// Where, as a JSON Pointer; `/-` at the end of `add` appends.
    pub path: String,
    /// The value to add or replace with.
    #[serde(default)]
    pub value: Option<Value>,
}
/// Splits an RFC 6901 pointer into unescaped reference tokens.
pub fn tokens(pointer: &str) -> Result<Vec<String>, String> {
    if pointer.is_empty() {
        return Ok(Vec::new());
    }
    let Some(rest) = pointer.strip_prefix('/') else {
        return Err(format!(
            "`{pointer}` is not a JSON Pointer: it must start with `/`"
        ));
    };
    Ok(rest
        .split('/')
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect())
}
/// An array index token: digits only, no leading zero.
fn index(token: &str, len: usize, pointer: &str) -> Result<usize, String> {
    let well_formed = !token.is_empty()
        && token.bytes().all(|b| b.is_ascii_digit())
        && (token == "0" || !token.starts_with('0'));
    let i: usize = if well_formed {
        token
            .parse()
            .map_err(|_| format!("bad index `{token}` in `{pointer}`"))?
    } else {
        return Err(format!("bad index `{token}` in `{pointer}`"));
    };
    if i < len {
        Ok(i)
    } else {
        Err(format!(
            "index {i} is out of bounds (length {len}) in `{pointer}`"
        ))
    }
}
/// Applies one operation to `document`.
pub fn apply(document: &mut Value, operation: &Operation) -> Result<(), String> {
    let pointer = operation.path.as_str();
    let mut path = tokens(pointer)?;
    let value = || {
        operation
            .value
            .clone()
            .ok_or_else(|| format!("`{}` needs a `value`", operation.op))
    };
    let Some(last) = path.pop() else {
        return match operation.op.as_str() {
            "replace" | "add" => {
                *document = value()?;
                Ok(())
            }
            "remove" => Err("cannot remove the whole document".to_owned()),
            other => Err(format!("unknown operation `{other}`")),
        };
    };
    if operation.op == "remove" && operation.value.is_some() {
        return Err("`remove` takes no `value`".to_owned());
    }
    let mut parent = &mut *document;
    for token in &path {
        parent = match parent {
            Value::Object(map) => map
                .get_mut(token)
                .ok_or_else(|| format!("`{pointer}`: no member `{token}`"))?,
            Value::Array(items) => {
                let i = index(token, items.len(), pointer)?;
                &mut items[i]
            }
            _ => return Err(format!("`{pointer}`: `{token}` is inside a scalar")),
        };
    }
    match (operation.op.as_str(), parent) {
        ("add", Value::Object(map)) => {
            map.insert(last, value()?);
        }
        ("add", Value::Array(items)) => {
            let at = if last == "-" {
                items.len()
            } else {
                // Inserting at the length appends.
                index(&last, items.len() + 1, pointer)?
            };
            items.insert(at, value()?);
        }
        ("remove", Value::Object(map)) => {
            map.remove(&last)
                .ok_or_else(|| format!("`{pointer}`: no member `{last}` to remove"))?;
        }
        ("remove", Value::Array(items)) => {
            let i = index(&last, items.len(), pointer)?;
            items.remove(i);
        }
        ("replace", Value::Object(map)) => {
            let slot = map
                .get_mut(&last)
                .ok_or_else(|| format!("`{pointer}`: no member `{last}` to replace"))?;
            *slot = value()?;
        }
        ("replace", Value::Array(items)) => {
            let i = index(&last, items.len(), pointer)?;
            items[i] = value()?;
        }
        ("add" | "remove" | "replace", _) => {
            return Err(format!("`{pointer}`: the parent is not an object or array"));
        }
        (other, _) => return Err(format!("unknown operation `{other}`")),
    }
    Ok(())
}
pub fn parent_of(pointer: &str) -> &str {
    pointer.rfind('/').map_or("", |i| &pointer[..i])
}
pub fn has_placeholder(message: &str) -> bool {
    let mut rest = message;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        if let Some(close) = after.find('}') {
            let name = &after[..close];
            if !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                return true;
            }
        }
        rest = after;
    }
    false
}
