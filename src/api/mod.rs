//! Talking to Backend.AI servers: endpoints, credentials, request signing, the HTTP client and
//! its errors.

pub mod account;
pub mod client;
pub mod credentials;
pub mod error;
pub mod signing;

pub use client::{ApiClient, Auth, ClientOptions, ServerInfo, Timeouts};
pub use error::{ApiError, Problem};

/// A secret string (secret key, password, session cookie, OTP). Its `Debug` output is masked, so
/// it cannot reach a log line by accident; [`Secret::expose`] is the only way to read it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// Returns the secret itself, for the request that needs it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("Secret(********)")
    }
}

/// Kind of server the endpoint is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EndpointType {
    /// The manager itself; requests are signed with an access key and secret key.
    #[default]
    Api,
    /// The web server; the user logs in with e-mail and password and requests carry its cookie.
    Session,
}

impl EndpointType {
    /// Returns the value used by the official CLI's files and `BACKEND_ENDPOINT_TYPE`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Api => "api",
            Self::Session => "session",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        match key.trim().to_lowercase().as_str() {
            "api" => Some(Self::Api),
            "session" => Some(Self::Session),
            _ => None,
        }
    }
}

/// A server's base URL: scheme, host with optional port, and an optional path prefix, as in
/// `https://backend.example.com/api`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    scheme: &'static str,
    authority: String,
    prefix: String,
}

impl Endpoint {
    /// Parses an endpoint URL, accepting `http` and `https`, a host name or bare IP address
    /// (IPv6 in brackets), an optional port and an optional path prefix. A trailing `/` is
    /// dropped; a query or fragment is rejected.
    pub fn parse(text: &str) -> Result<Self, ApiError> {
        let invalid = |reason: &str| ApiError::InvalidEndpoint {
            endpoint: text.to_owned(),
            reason: reason.to_owned(),
        };
        let trimmed = text.trim();
        let (scheme, rest) = if let Some(rest) = trimmed.strip_prefix("https://") {
            ("https", rest)
        } else if let Some(rest) = trimmed.strip_prefix("http://") {
            ("http", rest)
        } else {
            return Err(invalid("it must start with http:// or https://"));
        };
        if rest.contains(['?', '#']) {
            return Err(invalid("it must not contain a query or fragment"));
        }
        let (authority, path) = match rest.find('/') {
            Some(slash) => rest.split_at(slash),
            None => (rest, ""),
        };
        let host = if authority.starts_with('[') {
            authority.split(']').next().map(|host| format!("{host}]"))
        } else {
            authority.split(':').next().map(str::to_owned)
        };
        if host
            .as_deref()
            .is_none_or(|host| host.is_empty() || host == "[]")
            || authority.contains(['@', ' '])
        {
            return Err(invalid("it has no valid host name"));
        }
        if let Some(port) = authority.rsplit_once(':').map(|(_, port)| port)
            && !authority.ends_with(']')
            && port.parse::<u16>().is_err()
        {
            return Err(invalid("the port must be a number from 0 to 65535"));
        }
        Ok(Self {
            scheme,
            authority: authority.to_lowercase(),
            prefix: path.trim_end_matches('/').to_owned(),
        })
    }

    /// Host and port as written, e.g. `127.0.0.1:18081`: the `Host` header that is signed.
    pub fn authority(&self) -> &str {
        &self.authority
    }

    /// Returns the full URL of `path_and_query`, which starts with `/`.
    pub fn url(&self, path_and_query: &str) -> String {
        format!(
            "{}://{}{}{path_and_query}",
            self.scheme, self.authority, self.prefix
        )
    }

    pub fn is_https(&self) -> bool {
        self.scheme == "https"
    }
}

impl std::fmt::Display for Endpoint {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            formatter,
            "{}://{}{}",
            self.scheme, self.authority, self.prefix
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoint_forms() {
        let plain = Endpoint::parse("http://127.0.0.1:18081/").unwrap();
        assert_eq!(plain.authority(), "127.0.0.1:18081");
        assert_eq!(plain.url("/auth"), "http://127.0.0.1:18081/auth");

        let prefixed = Endpoint::parse("https://Backend.Example.com/api").unwrap();
        assert_eq!(prefixed.authority(), "backend.example.com");
        assert_eq!(
            prefixed.url("/auth?x=1"),
            "https://backend.example.com/api/auth?x=1"
        );

        let ipv6 = Endpoint::parse("http://[::1]:8080").unwrap();
        assert_eq!(ipv6.authority(), "[::1]:8080");
        assert_eq!(ipv6.to_string(), "http://[::1]:8080");
    }

    #[test]
    fn invalid_endpoints() {
        for text in [
            "",
            "ftp://x",
            "127.0.0.1:8080",
            "http://",
            "http://host:port",
            "http://h/?q=1",
        ] {
            assert!(
                Endpoint::parse(text).is_err(),
                "{text:?} should be rejected"
            );
        }
    }

    #[test]
    fn secret_debug_is_masked() {
        let secret = Secret::new("hunter2");
        assert_eq!(format!("{secret:?}"), "Secret(********)");
        assert_eq!(secret.expose(), "hunter2");
    }
}
