//! What changed between two revisions of a canvas, and what follows from it.
//!
//! ```text
//! cargo run --example canvas_diff                   # the two revisions of the sample bank
//! cargo run --example canvas_diff -- OLD NEW        # your own canvases (.toml or .json)
//! cargo run --example canvas_diff -- OLD NEW --json # the changes with their JSON Pointers
//! cargo run --example canvas_diff --features render -- --out DIR  # diff.md and diff.html
//! ```
//!
//! Elements are matched by id, so reordering a list is no change. The changes
//! are printed block by block, material ones marked; then the new canvas is
//! validated, so that what the changes imply (signatures to gather again, an
//! invalidated assumption, a new need nothing serves yet) is listed too.
//!
//! Exit status: 0 when the comparison ran, 2 when a file cannot be read or
//! loaded or the canvases are not revisions of one another.

use std::path::Path;
use std::process::ExitCode;

use customer_strategy::validate::{Profile, RuleSet};
use customer_strategy::{Block, Canvas, Document, diff, rules};

const OLD: &str = "examples/data/harbour_bank_canvas.toml";
const NEW: &str = "examples/data/harbour_bank_canvas_rev2.toml";

const USAGE: &str = "usage: canvas_diff [OLD NEW] [--json] [--out DIR]";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut json = false;
    let mut out = None;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--out" => {
                out = Some(
                    args.next()
                        .ok_or_else(|| format!("--out needs a directory\n{USAGE}"))?,
                );
            }
            "--help" | "-h" => {
                println!("{USAGE}");
                return Ok(());
            }
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option `{flag}`\n{USAGE}"));
            }
            _ => files.push(arg),
        }
    }
    let (old_path, new_path) = match files.as_slice() {
        [] => (OLD.to_owned(), NEW.to_owned()),
        [old, new] => (old.clone(), new.clone()),
        _ => {
            return Err(format!(
                "give two canvases, or none for the samples\n{USAGE}"
            ));
        }
    };
    let old = load(&old_path)?;
    let new = load(&new_path)?;
    let changes = diff(&old, &new).map_err(|e| format!("{old_path} and {new_path}: {e}"))?;
    let rules = RuleSet::<Canvas>::builder()
        .rules(rules::canvas())
        .build()
        .map_err(|e| e.to_string())?;
    let report = rules.validate(&new, Profile::Final);
    if let Some(dir) = &out {
        write_reports(dir, &changes, &new)?;
    }

    if json {
        let value = serde_json::json!({
            "old": old_path,
            "new": new_path,
            "material": changes.is_material(),
            "summary": changes.summary(),
            "changes": changes.changes(),
            "findings": report,
        });
        let text = serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?;
        println!("{text}");
        return Ok(());
    }

    println!(
        "{} (revision {}) -> {} (revision {})",
        old_path, old.metadata.revision, new_path, new.metadata.revision
    );
    if changes.is_empty() {
        println!("\nNothing changed (lists in another order are the same lists).");
    } else {
        let material = changes.changes().iter().filter(|c| c.material).count();
        println!(
            "\n{} change(s), {material} material: {}",
            changes.len(),
            if material > 0 {
                "the strategy needs signing again"
            } else {
                "the signatures stand"
            }
        );
        for summary in changes.summary() {
            let title = summary.block.map_or("Metadata", Block::title);
            println!(
                "\n{title}: {} added, {} removed, {} changed",
                summary.added, summary.removed, summary.changed
            );
            for change in changes
                .changes()
                .iter()
                .filter(|c| c.block == summary.block)
            {
                let mark = if change.material { " [material]" } else { "" };
                println!("  {:<7} {}{mark}", change.kind.as_str(), change.path);
                if let (Some(before), Some(after)) = (&change.old, &change.new) {
                    println!("          {} -> {}", short(before), short(after));
                } else if let Some(value) = change.new.as_ref().or(change.old.as_ref()) {
                    println!("          {}", short(value));
                }
            }
        }
    }
    println!("\nWhat follows for the new revision (final profile):");
    if report.findings().is_empty() {
        println!("  nothing: it is valid with no findings");
    } else {
        for line in report.to_string().lines() {
            println!("  {line}");
        }
    }
    Ok(())
}

/// Writes `diff.md` (and `diff.html` with the `render` feature) into `dir`.
fn write_reports(
    dir: &str,
    changes: &customer_strategy::CanvasDiff,
    new: &Canvas,
) -> Result<(), String> {
    let dir = Path::new(dir);
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let write = |name: &str, text: &str| {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        eprintln!("wrote {}", path.display());
        Ok::<(), String>(())
    };
    write("diff.md", &changes.to_markdown())?;
    #[cfg(feature = "render")]
    {
        let title = format!(
            "{}: what changed in revision {}",
            new.metadata.name, new.metadata.revision
        );
        write(
            "diff.html",
            &customer_strategy::render::diff_html(changes, &title),
        )?;
    }
    #[cfg(not(feature = "render"))]
    let _ = new;
    Ok(())
}

/// A value on one line: text as it is, an element by its name, other values
/// as JSON; cut to 100 characters.
fn short(value: &serde_json::Value) -> String {
    let text = match value {
        serde_json::Value::String(s) => format!("\"{s}\""),
        other => ["name", "statement", "description"]
            .iter()
            .find_map(|k| other.get(k).and_then(|v| v.as_str()))
            .map_or_else(|| other.to_string(), |label| format!("\"{label}\" ...")),
    };
    let cut: String = text.chars().take(100).collect();
    if cut.len() < text.len() {
        format!("{cut}...")
    } else {
        cut
    }
}

fn load(path: &str) -> Result<Canvas, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let loaded = if Path::new(path)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        Canvas::from_json(&text)
    } else {
        Canvas::from_toml(&text)
    };
    loaded.map_err(|e| format!("{path}: {e}"))
}
