//! Command-line arguments.

use std::path::PathBuf;

use clap::{Parser, ValueEnum};

use crate::settings::LanguageChoice;
use crate::state::Page;

/// Native settings window for Backend.AI users.
#[derive(Debug, Parser)]
#[command(name = "bai-settings", version, about)]
pub struct Cli {
    /// Directory that holds settings.toml, instead of the platform's config directory
    /// (~/.config/bai-settings on Linux).
    #[arg(long, value_name = "DIR")]
    pub config_dir: Option<PathBuf>,

    /// Language for this run only; the saved language is left unchanged.
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,

    /// Page to open.
    #[arg(long, value_enum, default_value_t = PageArg::General)]
    pub page: PageArg,

    /// Render the window once it is laid out, write it to this PNG file and exit.
    #[arg(long, value_name = "FILE.png")]
    pub screenshot: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// The operating system's language.
    Os,
    /// English.
    En,
    /// Korean.
    Ko,
}

impl From<LangArg> for LanguageChoice {
    fn from(arg: LangArg) -> Self {
        match arg {
            LangArg::Os => Self::Os,
            LangArg::En => Self::English,
            LangArg::Ko => Self::Korean,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PageArg {
    /// Local preferences and the Backend.AI connection.
    General,
    /// Every request sent to the Backend.AI server.
    Logs,
}

impl From<PageArg> for Page {
    fn from(arg: PageArg) -> Self {
        match arg {
            PageArg::General => Self::General,
            PageArg::Logs => Self::Logs,
        }
    }
}
