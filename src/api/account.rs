//! The account data the settings window edits on the server: the SSH keypair, the dotfiles and
//! the bootstrap script. Each function is one or two API calls on a signed-in [`ApiClient`] and
//! blocks on the network.

use serde_json::{Value, json};

use super::{ApiClient, ApiError, Secret};
use crate::scripts::{DOTFILE_PERMISSION, Dotfile};

/// A keypair the server made or stored; the private key is shown once and then dropped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewKeypair {
    pub public_key: String,
    pub private_key: Secret,
}

/// Returns the e-mail address of the user who owns the client's access key, from the GraphQL
/// query `user` that every user may run on itself (`POST /admin/gql`). `None` when the response
/// has no address.
pub fn user_email(client: &mut ApiClient) -> Result<Option<String>, ApiError> {
    let body = json!({ "query": "query { user { email } }", "variables": {} });
    let answer = client.call("POST", "/admin/gql", &[], Some(&body))?;
    Ok(answer["data"]["user"]["email"]
        .as_str()
        .map(str::trim)
        .filter(|email| !email.is_empty())
        .map(str::to_owned))
}

/// Returns the stored SSH public key, `None` when the account has none.
pub fn ssh_public_key(client: &mut ApiClient) -> Result<Option<String>, ApiError> {
    let answer = client.call("GET", "/auth/ssh-keypair", &[], None)?;
    Ok(answer["ssh_public_key"]
        .as_str()
        .map(str::to_owned)
        .filter(|key| !key.trim().is_empty()))
}

/// Asks the server to make and store a new RSA-2048 keypair (`PATCH /auth/ssh-keypair`).
pub fn generate_ssh_keypair_on_server(client: &mut ApiClient) -> Result<NewKeypair, ApiError> {
    let answer = client.call("PATCH", "/auth/ssh-keypair", &[], None)?;
    keypair_from_answer(client, &answer)
}

/// Stores a keypair made elsewhere (`POST /auth/ssh-keypair`). The request log masks `privkey`.
pub fn upload_ssh_keypair(
    client: &mut ApiClient,
    public_key: &str,
    private_key: &Secret,
) -> Result<NewKeypair, ApiError> {
    let body = json!({ "pubkey": public_key, "privkey": private_key.expose() });
    let answer = client.call("POST", "/auth/ssh-keypair", &[], Some(&body))?;
    keypair_from_answer(client, &answer)
}

fn keypair_from_answer(client: &ApiClient, answer: &Value) -> Result<NewKeypair, ApiError> {
    match (
        answer["ssh_public_key"].as_str(),
        answer["ssh_private_key"].as_str(),
    ) {
        (Some(public_key), Some(private_key)) => Ok(NewKeypair {
            public_key: public_key.to_owned(),
            private_key: Secret::new(private_key),
        }),
        _ => Err(ApiError::InvalidResponse {
            url: client.endpoint().url("/auth/ssh-keypair"),
            detail: "the answer has no ssh_public_key and ssh_private_key".to_owned(),
        }),
    }
}

/// Lists every dotfile of the access key.
pub fn list_dotfiles(client: &mut ApiClient) -> Result<Vec<Dotfile>, ApiError> {
    let answer = client.call("GET", "/user-config/dotfiles", &[], None)?;
    serde_json::from_value(answer).map_err(|error| ApiError::InvalidResponse {
        url: client.endpoint().url("/user-config/dotfiles"),
        detail: error.to_string(),
    })
}

/// Outcome of a dotfile save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DotfileSaved {
    /// Another client had created or deleted the file meanwhile, so the other method was used.
    pub retried: bool,
}

/// Creates (`POST`) or updates (`PATCH`) a dotfile. When the server disagrees about whether the
/// file exists, because another client changed it since it was loaded, tries once more with the
/// other method.
pub fn save_dotfile(
    client: &mut ApiClient,
    path: &str,
    data: &str,
    exists: bool,
) -> Result<DotfileSaved, ApiError> {
    let body = json!({ "path": path, "data": data, "permission": DOTFILE_PERMISSION });
    let (first, second) = if exists {
        ("PATCH", "POST")
    } else {
        ("POST", "PATCH")
    };
    match client.call(first, "/user-config/dotfiles", &[], Some(&body)) {
        Ok(_) => Ok(DotfileSaved { retried: false }),
        Err(error) if disagrees_about_existence(&error, exists) => {
            log::info!("Dotfile {path}: {first} failed ({error}); retrying with {second}");
            client.call(second, "/user-config/dotfiles", &[], Some(&body))?;
            Ok(DotfileSaved { retried: true })
        }
        Err(error) => Err(error),
    }
}

/// Returns whether `error` reports that the file exists (when we created it) or is missing (when we updated it).
fn disagrees_about_existence(error: &ApiError, exists: bool) -> bool {
    let Some(problem) = error.problem() else {
        return false;
    };
    if exists {
        problem.slug() == "object-not-found" || problem.title.contains("No such dotfile")
    } else {
        problem.title.contains("already exists")
            || problem
                .msg
                .as_deref()
                .is_some_and(|msg| msg.contains("already exists"))
    }
}

/// Deletes a dotfile; a file already gone counts as deleted.
pub fn delete_dotfile(client: &mut ApiClient, path: &str) -> Result<(), ApiError> {
    match client.call("DELETE", "/user-config/dotfiles", &[("path", path)], None) {
        Err(error)
            if error
                .problem()
                .is_some_and(|problem| problem.slug() == "object-not-found") =>
        {
            Ok(())
        }
        result => result.map(|_| ()),
    }
}

/// Returns the bootstrap script, empty when unset.
pub fn bootstrap_script(client: &mut ApiClient) -> Result<String, ApiError> {
    let answer = client.call("GET", "/user-config/bootstrap-script", &[], None)?;
    Ok(answer.as_str().unwrap_or_default().to_owned())
}

/// Saves the bootstrap script and returns what the server stored (it strips surrounding white
/// space).
pub fn save_bootstrap_script(client: &mut ApiClient, script: &str) -> Result<String, ApiError> {
    client.call(
        "POST",
        "/user-config/bootstrap-script",
        &[],
        Some(&json!({ "script": script })),
    )?;
    bootstrap_script(client)
}
