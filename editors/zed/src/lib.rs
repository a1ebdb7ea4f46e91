// Starts `opmodel lsp --stdio` for Markdown, with the opmodel found on the worktree's PATH.
use zed_extension_api::{self as zed, LanguageServerId, Result};

struct Opmodel;

impl zed::Extension for Opmodel {
    fn new() -> Self {
        Opmodel
    }

    fn language_server_command(&mut self, _id: &LanguageServerId, worktree: &zed::Worktree) -> Result<zed::Command> {
        let command = worktree
            .which("opmodel")
            .ok_or_else(|| "opmodel is not on your PATH: npm install --global opmodel".to_string())?;
        Ok(zed::Command { command, args: vec!["lsp".into(), "--stdio".into()], env: worktree.shell_env() })
    }
}

zed::register_extension!(Opmodel);
