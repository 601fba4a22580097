//! The server's rules for user config scripts (dotfiles) and the bootstrap script, checked before
//! anything is sent so the user learns them from the app instead of from a rejection.
//!
//! Facts from Backend.AI manager 23.09: a dotfile's content is at most 65,536 characters and must
//! not be empty; all dotfiles of an access key are stored together as one MessagePack array of
//! `{path, perm, data}` maps of at most 64 KiB, and there are at most 100 of them; six exact paths
//! are reserved. The bootstrap script is at most 65,536 characters, and the server strips white
//! space around it.

use serde::Deserialize;

/// Largest dotfile or bootstrap script, in characters (Unicode scalar values).
pub const MAX_SCRIPT_CHARS: usize = 65_536;

/// Largest size of all dotfiles of an access key, packed as the server packs them, in bytes.
pub const MAX_PACKED_BYTES: usize = 64 * 1024;

/// Largest number of dotfiles per access key.
pub const MAX_DOTFILES: usize = 100;

/// Paths the server keeps for itself, matched exactly.
pub const RESERVED_PATHS: [&str; 6] = [
    ".ssh",
    ".ssh/authorized_keys",
    ".config",
    ".local",
    ".jupyter",
    ".terminfo",
];

/// Dotfiles offered in the editor's drop-down even before they exist, `.bashrc` first.
pub const SUGGESTED_DOTFILES: [&str; 5] = [
    ".bashrc",
    ".zshrc",
    ".Renviron",
    ".tmux.conf.local",
    ".vimrc",
];

/// Permission every dotfile is saved with, as the web console does.
pub const DOTFILE_PERMISSION: &str = "644";

/// One dotfile as the server lists it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Dotfile {
    pub path: String,
    #[serde(default, alias = "perm")]
    pub permission: String,
    #[serde(default)]
    pub data: String,
}

/// Reason a path cannot be a dotfile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathProblem {
    Blank,
    Reserved,
    ParentSegment,
}

impl PathProblem {
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Blank => "scripts-path-blank",
            Self::Reserved => "scripts-path-reserved",
            Self::ParentSegment => "scripts-path-parent",
        }
    }
}

/// Checks a path typed for *Other path…*.
pub fn validate_path(path: &str) -> Result<(), PathProblem> {
    if path.trim().is_empty() {
        return Err(PathProblem::Blank);
    }
    if RESERVED_PATHS.contains(&path) {
        return Err(PathProblem::Reserved);
    }
    if path.split(['/', '\\']).any(|segment| segment == "..") {
        return Err(PathProblem::ParentSegment);
    }
    Ok(())
}

/// Reason content cannot be saved as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContentProblem {
    /// The server stores no empty dotfile; the editor offers to delete the file instead.
    Empty,
    TooLong {
        chars: usize,
    },
    /// All dotfiles together would exceed [`MAX_PACKED_BYTES`].
    NoSpace {
        needed_bytes: usize,
    },
    TooManyFiles,
}

impl ContentProblem {
    pub fn message(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            Self::Empty => ("scripts-empty", Vec::new()),
            Self::TooLong { chars } => (
                "scripts-too-long",
                vec![
                    ("chars", chars.to_string()),
                    ("max", MAX_SCRIPT_CHARS.to_string()),
                ],
            ),
            Self::NoSpace { needed_bytes } => (
                "scripts-no-space",
                vec![
                    ("needed", needed_bytes.to_string()),
                    ("max", MAX_PACKED_BYTES.to_string()),
                ],
            ),
            Self::TooManyFiles => ("scripts-too-many", vec![("max", MAX_DOTFILES.to_string())]),
        }
    }
}

/// Adds a final newline when `text` lacks one, so lines a bootstrap script appends to the file do
/// not join its last line. Returns the text to save and whether a newline was added.
pub fn with_trailing_newline(text: &str) -> (String, bool) {
    if text.is_empty() || text.ends_with('\n') {
        (text.to_owned(), false)
    } else {
        (format!("{text}\n"), true)
    }
}

/// Checks that `data` can be saved at `path`, given every dotfile on the server now.
pub fn check_dotfile(all: &[Dotfile], path: &str, data: &str) -> Result<(), ContentProblem> {
    if data.is_empty() {
        return Err(ContentProblem::Empty);
    }
    let chars = data.chars().count();
    if chars > MAX_SCRIPT_CHARS {
        return Err(ContentProblem::TooLong { chars });
    }
    let exists = all.iter().any(|dotfile| dotfile.path == path);
    if !exists && all.len() >= MAX_DOTFILES {
        return Err(ContentProblem::TooManyFiles);
    }
    let needed_bytes = packed_size_with(all, path, data);
    if needed_bytes > MAX_PACKED_BYTES {
        return Err(ContentProblem::NoSpace { needed_bytes });
    }
    Ok(())
}

/// Checks a bootstrap script before saving.
pub fn check_bootstrap(script: &str) -> Result<(), ContentProblem> {
    let chars = script.chars().count();
    if chars > MAX_SCRIPT_CHARS {
        return Err(ContentProblem::TooLong { chars });
    }
    Ok(())
}

/// Returns the size of all dotfiles packed by the server, in bytes.
pub fn packed_size(all: &[Dotfile]) -> usize {
    array_header_len(all.len())
        + all
            .iter()
            .map(|dotfile| entry_len(&dotfile.path, &dotfile.data))
            .sum::<usize>()
}

/// Returns the packed size after `path` is created or replaced with `data`.
pub fn packed_size_with(all: &[Dotfile], path: &str, data: &str) -> usize {
    let others: usize = all
        .iter()
        .filter(|dotfile| dotfile.path != path)
        .map(|dotfile| entry_len(&dotfile.path, &dotfile.data))
        .sum();
    let count = all.iter().filter(|dotfile| dotfile.path != path).count() + 1;
    array_header_len(count) + others + entry_len(path, data)
}

/// Returns the size of one `{"path": …, "perm": "644", "data": …}` map in MessagePack: a fixmap header and three
/// key/value pairs, the keys being 4-byte fixstrs.
fn entry_len(path: &str, data: &str) -> usize {
    1 + (1 + 4) + str_len(path) + (1 + 4) + str_len(DOTFILE_PERMISSION) + (1 + 4) + str_len(data)
}

/// Returns the size of a MessagePack string: a header chosen by UTF-8 length, then the bytes.
fn str_len(text: &str) -> usize {
    let bytes = text.len();
    let header = match bytes {
        0..=31 => 1,
        32..=255 => 2,
        256..=65_535 => 3,
        _ => 5,
    };
    header + bytes
}

fn array_header_len(count: usize) -> usize {
    match count {
        0..=15 => 1,
        16..=65_535 => 3,
        _ => 5,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dotfile(path: &str, data: &str) -> Dotfile {
        Dotfile {
            path: path.to_owned(),
            permission: DOTFILE_PERMISSION.to_owned(),
            data: data.to_owned(),
        }
    }

    #[test]
    fn paths() {
        assert_eq!(validate_path(".bashrc"), Ok(()));
        assert_eq!(validate_path(".config/nvim/init.vim"), Ok(()));
        assert_eq!(validate_path("  "), Err(PathProblem::Blank));
        assert_eq!(
            validate_path(".ssh/authorized_keys"),
            Err(PathProblem::Reserved)
        );
        assert_eq!(validate_path(".jupyter"), Err(PathProblem::Reserved));
        assert_eq!(validate_path("a/../b"), Err(PathProblem::ParentSegment));
        assert_eq!(
            validate_path(".ssh/config"),
            Ok(()),
            "only exact paths are reserved"
        );
    }

    #[test]
    fn trailing_newline() {
        assert_eq!(with_trailing_newline("a"), ("a\n".to_owned(), true));
        assert_eq!(with_trailing_newline("a\n"), ("a\n".to_owned(), false));
        assert_eq!(with_trailing_newline("a\r\n"), ("a\r\n".to_owned(), false));
    }

    #[test]
    fn size_limits() {
        assert_eq!(
            check_dotfile(&[], ".bashrc", ""),
            Err(ContentProblem::Empty)
        );
        let long = "가".repeat(MAX_SCRIPT_CHARS + 1);
        assert_eq!(
            check_dotfile(&[], ".bashrc", &long),
            Err(ContentProblem::TooLong {
                chars: MAX_SCRIPT_CHARS + 1
            })
        );
        let big = "x".repeat(40_000);
        let existing = [dotfile(".a", &big)];
        assert!(matches!(
            check_dotfile(&existing, ".b", &big),
            Err(ContentProblem::NoSpace { .. })
        ));
        assert_eq!(
            check_dotfile(&existing, ".a", &big),
            Ok(()),
            "replacing keeps one copy"
        );
    }

    #[test]
    fn packed_size_counts_headers() {
        // [ {"path": ".a", "perm": "644", "data": "x"} ]
        let expected = 1 + 1 + 5 + 3 + 5 + 4 + 5 + 2;
        assert_eq!(packed_size(&[dotfile(".a", "x")]), expected);
        assert_eq!(packed_size_with(&[], ".a", "x"), expected);
    }
}
